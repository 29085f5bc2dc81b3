import { useEffect, useState } from 'react';

/**
 * Durations as the home page shows them: in words, two units at most ("2 days 4 hours",
 * "3 hours 20 minutes", "45 minutes"), so that screen readers read them as well as eyes do.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const unit = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** A non-negative duration in words, rounded down to the minute; under a minute is "less than a minute". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / MINUTE)) * MINUTE;
  if (total < MINUTE) return 'less than a minute';
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0) return minutes > 0 ? `${unit(hours, 'hour')} ${unit(minutes, 'minute')}` : unit(hours, 'hour');
  return unit(minutes, 'minute');
}

/** How long ago `since` was ("3 hours 20 minutes"); a time in the future (clock skew) counts as now. */
export function formatAge(since: string | Date, now: Date): string {
  const at = since instanceof Date ? since : new Date(since);
  if (Number.isNaN(at.getTime())) return '—';
  return formatDuration(now.getTime() - at.getTime());
}

/** Less time than this left before a request lapses is shown as urgent. */
export const EXPIRES_SOON_MS = 24 * HOUR;

export type TimeLeftState = 'none' | 'ok' | 'soon' | 'expired';

export interface TimeLeft {
  state: TimeLeftState;
  /** What to show: "2 days 4 hours left", "Expired 5 minutes ago", "No expiry". */
  text: string;
  /** Milliseconds until expiry (negative once past); null without an expiry. */
  ms: number | null;
}

/** Time left until `expiresAt` (an open promotion request's `expiresAt`; null when it never lapses). */
export function timeLeft(expiresAt: string | null | undefined, now: Date): TimeLeft {
  if (!expiresAt) return { state: 'none', text: 'No expiry', ms: null };
  const at = new Date(expiresAt);
  if (Number.isNaN(at.getTime())) return { state: 'none', text: 'No expiry', ms: null };
  const ms = at.getTime() - now.getTime();
  if (ms <= 0) {
    const ago = -ms < MINUTE ? 'just now' : `${formatDuration(-ms)} ago`;
    return { state: 'expired', text: `Expired ${ago}`, ms };
  }
  return { state: ms < EXPIRES_SOON_MS ? 'soon' : 'ok', text: `${formatDuration(ms)} left`, ms };
}

/** The current time, re-read every `intervalMs` while the component is shown (ages and time left move on). */
export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * An SLA freshness (ISO 8601 duration of days, hours, minutes, seconds: `PT4H`, `P1D`, `P1DT12H`)
 * in words ("4 hours", "1 day 12 hours"); anything else (years, months, weeks) as it is written.
 */
export function formatIsoDuration(iso: string): string {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return iso;
  const [d, h, min, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number];
  const ms = ((d * 24 + h) * 60 + min) * MINUTE + s * 1000;
  return ms < MINUTE ? iso : formatDuration(ms);
}
