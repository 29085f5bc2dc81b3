import { CronExpressionParser } from 'cron-parser';
import { parseIsoDuration } from '../../catalog/manifest/iso-duration';

export interface FreezeWindow {
  cron: string;
  duration: string;
  timezone: string;
  reason: string;
}

export interface OpenFreeze {
  window: FreezeWindow;
  openedAt: string;
  closesAt: string;
}

/**
 * The freeze window open at `now`, if any: a window opens at each time its cron fires (in its
 * time zone) and stays open for its duration. Only the latest opening before `now` can still be
 * open unless windows are longer than the cron's period, so the last few openings are checked.
 */
export function openFreezeWindow(windows: FreezeWindow[], now: Date): OpenFreeze | null {
  for (const window of windows) {
    const length = parseIsoDuration(window.duration);
    if (!length) continue;
    const openings = CronExpressionParser.parse(window.cron, { currentDate: new Date(now.getTime() + 1), tz: window.timezone });
    for (let i = 0; i < 5; i++) {
      const opened = openings.prev().toDate();
      if (opened.getTime() + length <= now.getTime()) {
        if (now.getTime() - opened.getTime() > length) break;
        continue;
      }
      return { window, openedAt: opened.toISOString(), closesAt: new Date(opened.getTime() + length).toISOString() };
    }
  }
  return null;
}
