import { useSyncExternalStore } from 'react';

/**
 * The signed-in session: one bearer token (a Gatehouse API token, or an OpenID Connect ID token),
 * kept in memory and in sessionStorage so a reload or a new tab's duplicate keeps it, but closing
 * the tab forgets it. Never localStorage, never a URL or a cookie.
 *
 * Who the token is (`GET /api/v1/me`) is a query (`meQuery` in api/queries.ts), not kept here.
 */

const TOKEN_KEY = 'gatehouse.session.token';

export type SessionEvent = 'signed-in' | 'signed-out' | 'ended';

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage disabled: the session lives in memory only
  }
}

let token: string | null = storage()?.getItem(TOKEN_KEY) ?? null;
let notice: string | null = null;
const listeners = new Set<() => void>();
const eventListeners = new Set<(event: SessionEvent) => void>();

function emit(event: SessionEvent): void {
  for (const l of listeners) l();
  for (const l of eventListeners) l(event);
}

function store(value: string | null): void {
  token = value;
  try {
    if (value === null) storage()?.removeItem(TOKEN_KEY);
    else storage()?.setItem(TOKEN_KEY, value);
  } catch {
    // quota or disabled storage: memory still has it
  }
}

/** The current bearer token, or null when signed out. */
export function getToken(): string | null {
  return token;
}

/** Starts a session with a token that `GET /api/v1/me` accepted. */
export function signIn(newToken: string): void {
  notice = null;
  store(newToken);
  emit('signed-in');
}

/** The user signed out: forget the token (main.tsx also clears the cached queries). */
export function signOut(): void {
  store(null);
  emit('signed-out');
}

/**
 * The server refused the session's token (401: expired, revoked, principal disabled). Forgets it
 * and leaves a notice for the sign-in page; main.tsx sends the user there with `next`.
 */
export function endSession(message = 'Your session ended; sign in again.'): void {
  if (token === null) return;
  store(null);
  notice = message;
  emit('ended');
}

/** The notice left by endSession(), once: the sign-in page shows it. */
export function takeNotice(): string | null {
  const n = notice;
  notice = null;
  return n;
}

/** Reads the notice without consuming it. */
export function peekNotice(): string | null {
  return notice;
}

/** Called on every change of the token (for useSyncExternalStore). */
export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called with what happened: signed in, signed out, or ended by a 401. */
export function onSessionEvent(listener: (event: SessionEvent) => void): () => void {
  eventListeners.add(listener);
  return () => eventListeners.delete(listener);
}

/** The current token in a component; re-renders when it changes. */
export function useToken(): string | null {
  return useSyncExternalStore(subscribe, getToken, getToken);
}

/** Tests only: reset the module's state to "signed out, nothing stored". */
export function resetSessionForTests(): void {
  token = null;
  notice = null;
  storage()?.removeItem(TOKEN_KEY);
  listeners.clear();
  eventListeners.clear();
}
