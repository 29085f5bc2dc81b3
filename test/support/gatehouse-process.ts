import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The built Gatehouse server (`dist/src/main.js`, `npm test` builds it first) as a child process,
 * for tests that need a real process: crashes (SIGKILL), restarts on the same data, signals.
 */
export const GATEHOUSE_MAIN = join(__dirname, '..', '..', 'dist', 'src', 'main.js');
export const gatehouseBuilt = () => existsSync(GATEHOUSE_MAIN);

export interface ProcessResponse {
  status: number;
  body: any;
  text: string;
}

export interface GatehouseProcess {
  child: ChildProcess;
  baseUrl: string;
  /** stdout and stderr so far (JSON log lines, interleaved), for failure messages. */
  output(): string;
  /** Resolves when the process has exited (code, or the signal that ended it). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** fetch against the process, with `token` as bearer (none when null). */
  request(method: string, path: string, init?: { body?: unknown; token?: string | null }): Promise<ProcessResponse>;
  /** Sends the signal and waits (bounded) for the exit. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Spawns `node dist/src/main.js` with exactly `env` (plus PATH) and waits until it logs its URL
 * (`PORT=0` picks a free port). Rejects, with what it printed, when it exits or does not listen in time.
 */
export async function startGatehouseProcess(env: Record<string, string>, options: { token?: string; timeoutMs?: number } = {}): Promise<GatehouseProcess> {
  const child = spawn(process.execPath, [GATEHOUSE_MAIN], { env: { PATH: process.env.PATH ?? '', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let gone = false;
  void exited.then(() => (gone = true));

  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  let baseUrl: string | undefined;
  while (!baseUrl) {
    baseUrl = /"url":"(http:\/\/[^"]+)"/.exec(out)?.[1];
    if (baseUrl) break;
    if (gone || Date.now() > deadline) {
      if (!gone) child.kill('SIGKILL');
      throw new Error(`gatehouse did not start (${gone ? 'it exited' : `not listening after ${timeoutMs} ms`}); output:\n${tail(out)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const url = baseUrl;

  return {
    child,
    baseUrl: url,
    output: () => out,
    exited,
    request: async (method, path, init = {}) => {
      const token = init.token === undefined ? options.token : init.token;
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      let body: string | undefined;
      if (init.body !== undefined) {
        body = JSON.stringify(init.body);
        headers['content-type'] = 'application/json';
      }
      const response = await fetch(`${url}${path}`, { method, headers, body, signal: AbortSignal.timeout(10_000) });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON
      }
      return { status: response.status, body: parsed, text };
    },
    stop: async (signal = 'SIGTERM', stopTimeoutMs = 10_000) => {
      if (!gone) child.kill(signal);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`gatehouse (pid ${child.pid}) did not exit within ${stopTimeoutMs} ms of ${signal}`)), stopTimeoutMs);
      });
      try {
        return await Promise.race([exited, late]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** The end of a long output, for error messages. */
export function tail(text: string, chars = 4000): string {
  return text.length > chars ? `…${text.slice(-chars)}` : text;
}

/** A promise with its resolve exposed (a gate a test opens when it wants). */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
