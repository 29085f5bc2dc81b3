import { useSyncExternalStore } from 'react';
import { absoluteTime, relativeTime } from '../lib/time';

// One shared clock for every <RelativeTime>, ticking every 30 s while any is shown.
let now = Date.now();
const clockListeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
function subscribeClock(listener: () => void): () => void {
  clockListeners.add(listener);
  if (!timer) {
    timer = setInterval(() => {
      now = Date.now();
      for (const l of clockListeners) l();
    }, 30_000);
  }
  return () => {
    clockListeners.delete(listener);
    if (!clockListeners.size && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}
const getNow = () => now;

interface RelativeTimeProps {
  /** An ISO 8601 timestamp (what the API sends), a Date, or epoch milliseconds. */
  value: string | number | Date | null | undefined;
  /** Shown when value is missing or not a date. */
  fallback?: string;
  /** Fixes "now" (tests). */
  now?: Date;
}

/** `<time dateTime>` with relative text ("5 minutes ago") and the absolute time as its title. */
export function RelativeTime({ value, fallback = '—', now: fixedNow }: RelativeTimeProps) {
  // re-rendered by the shared clock; the time itself is read at render
  useSyncExternalStore(subscribeClock, getNow, getNow);
  if (value === null || value === undefined || value === '') return <span>{fallback}</span>;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return <span>{fallback}</span>;
  const reference = fixedNow ?? new Date();
  return (
    <time dateTime={date.toISOString()} title={absoluteTime(date)}>
      {relativeTime(date, reference)}
    </time>
  );
}
