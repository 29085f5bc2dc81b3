import type * as Jose from 'jose';

export type JoseModule = typeof Jose;

let loading: Promise<JoseModule> | undefined;

/**
 * jose ships only as an ES module. A dynamic import loads it from Nest's CommonJS output and
 * under jest alike (a static import would compile to a require jest cannot serve).
 */
export function loadJose(): Promise<JoseModule> {
  loading ??= import('jose');
  return loading;
}
