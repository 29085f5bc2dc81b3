import { useEffect, useState } from 'react';
import type { EnvironmentState } from '../../components/EnvironmentBadge';

/** A promotion moves one step: into `to` from the environment before it. */
export interface PromotionStep {
  from: string;
  to: string;
}

/** The valid steps, in the order the product's environments are listed (dev→staging, staging→prod). */
export function promotionSteps(environments: readonly Pick<EnvironmentState, 'environment'>[]): PromotionStep[] {
  return environments.slice(1).map((e, i) => ({ from: environments[i]!.environment, to: e.environment }));
}

/**
 * The target offered first for a revision: the one asked for when it is valid; else the first
 * environment that does not run it yet, going up from the first (so a revision runs in dev, then
 * staging, then prod); else the last.
 */
export function defaultTarget(environments: readonly Pick<EnvironmentState, 'environment' | 'revision'>[], revision: number, asked?: string): string | undefined {
  const steps = promotionSteps(environments);
  if (asked && steps.some((s) => s.to === asked)) return asked;
  const notYet = steps.find((s) => environments.find((e) => e.environment === s.to)?.revision !== revision);
  return (notYet ?? steps.at(-1))?.to;
}

/** One random key per form instance, so that a double submit (or a retry) makes one promotion. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `value`, once it has stopped changing for `delay` ms. */
export function useDebounced<T>(value: T, delay: number, same: (a: T, b: T) => boolean = Object.is): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (same(value, settled)) return;
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
    // `same` is a comparison, not state: not a dependency
  }, [value, settled, delay]);
  return settled;
}
