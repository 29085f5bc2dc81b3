import { describe, expect, it } from 'vitest';
import { formatAge, formatDuration, formatIsoDuration, timeLeft } from './time';

const NOW = new Date('2026-12-07T12:00:00Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('formatDuration', () => {
  it('writes two units at most, in words, singular and plural', () => {
    expect(formatDuration(0)).toBe('less than a minute');
    expect(formatDuration(59_999)).toBe('less than a minute');
    expect(formatDuration(MIN)).toBe('1 minute');
    expect(formatDuration(45 * MIN + 59_000)).toBe('45 minutes');
    expect(formatDuration(HOUR)).toBe('1 hour');
    expect(formatDuration(3 * HOUR + 20 * MIN)).toBe('3 hours 20 minutes');
    expect(formatDuration(DAY)).toBe('1 day');
    expect(formatDuration(2 * DAY + 4 * HOUR + 59 * MIN)).toBe('2 days 4 hours');
    expect(formatDuration(9 * DAY + 30 * MIN)).toBe('9 days');
  });

  it('treats negative durations as zero', () => {
    expect(formatDuration(-5 * HOUR)).toBe('less than a minute');
  });
});

describe('formatAge', () => {
  it('is how long ago a time was', () => {
    expect(formatAge(at(-(2 * HOUR + 5 * MIN)), NOW)).toBe('2 hours 5 minutes');
    expect(formatAge(new Date(NOW.getTime() - 3 * DAY), NOW)).toBe('3 days');
    expect(formatAge(at(10_000), NOW)).toBe('less than a minute'); // clock skew
    expect(formatAge('not a date', NOW)).toBe('—');
  });
});

describe('timeLeft', () => {
  it('says how long an open request has before it lapses', () => {
    expect(timeLeft(at(2 * DAY + 4 * HOUR), NOW)).toEqual({ state: 'ok', text: '2 days 4 hours left', ms: 2 * DAY + 4 * HOUR });
  });

  it('marks less than a day left as soon', () => {
    expect(timeLeft(at(DAY - MIN), NOW)).toMatchObject({ state: 'soon', text: '23 hours 59 minutes left' });
    expect(timeLeft(at(30_000), NOW)).toMatchObject({ state: 'soon', text: 'less than a minute left' });
    expect(timeLeft(at(DAY), NOW).state).toBe('ok');
  });

  it('says when it already lapsed (the server expires it on its next pass)', () => {
    expect(timeLeft(at(0), NOW)).toMatchObject({ state: 'expired', text: 'Expired just now' });
    expect(timeLeft(at(-5 * MIN), NOW)).toMatchObject({ state: 'expired', text: 'Expired 5 minutes ago', ms: -5 * MIN });
  });

  it('has nothing to count down without an expiry', () => {
    expect(timeLeft(null, NOW)).toEqual({ state: 'none', text: 'No expiry', ms: null });
    expect(timeLeft(undefined, NOW).state).toBe('none');
    expect(timeLeft('garbage', NOW).state).toBe('none');
  });
});

describe('formatIsoDuration', () => {
  it('writes SLA freshness windows in words', () => {
    expect(formatIsoDuration('PT4H')).toBe('4 hours');
    expect(formatIsoDuration('P1D')).toBe('1 day');
    expect(formatIsoDuration('P1DT12H')).toBe('1 day 12 hours');
    expect(formatIsoDuration('PT90M')).toBe('1 hour 30 minutes');
  });

  it('leaves what it does not handle as written', () => {
    expect(formatIsoDuration('P1M')).toBe('P1M');
    expect(formatIsoDuration('P2W')).toBe('P2W');
    expect(formatIsoDuration('PT30S')).toBe('PT30S');
    expect(formatIsoDuration('PT')).toBe('PT');
    expect(formatIsoDuration('4h')).toBe('4h');
  });
});
