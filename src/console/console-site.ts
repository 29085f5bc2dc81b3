import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One file of the built console, read once at startup (the whole build is well under a few MB). */
export interface ConsoleFile {
  body: Buffer;
  /** The same bytes gzip-compressed, when that is smaller. */
  gzipped: Buffer | null;
  contentType: string;
  etag: string;
  /** Files under assets/ carry a content hash in their name and never change. */
  immutable: boolean;
}

export interface ConsoleSite {
  /** index.html: answered for `/` and every client-side route. */
  page: ConsoleFile;
  /** Every other file by its URL path (`/assets/index-3f2a.js`, `/favicon.svg`). */
  files: Map<string, ConsoleFile>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.webmanifest']);

/** Reads the console's build output (`console/dist`); null when it has not been built. */
export function loadConsoleSite(dir: string): ConsoleSite | null {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return null;
  const files = new Map<string, ConsoleFile>();
  for (const path of walk(dir)) {
    const url = `/${relative(dir, path).split(sep).join('/')}`;
    if (url === '/index.html') continue;
    files.set(url, fileOf(path, url.startsWith('/assets/')));
  }
  return { page: fileOf(index, false), files };
}

function fileOf(path: string, immutable: boolean): ConsoleFile {
  const body = readFileSync(path);
  const ext = extname(path).toLowerCase();
  const gzipped = COMPRESSIBLE.has(ext) ? gzipSync(body, { level: 9 }) : null;
  return {
    body,
    gzipped: gzipped && gzipped.length < body.length ? gzipped : null,
    contentType: TYPES[ext] ?? 'application/octet-stream',
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    immutable,
  };
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}
