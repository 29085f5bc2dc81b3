import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import { UsageError } from './usage';

export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** A manifest file: `path` as the user would write it (for output), `absolute` for reading. */
export interface ManifestFile {
  path: string;
  absolute: string;
}

/** One YAML document of a file: `index` counts manifests from 1, `count` is how many the file holds. */
export interface ManifestDocument {
  file: string;
  index: number;
  count: number;
  /** Where the document's content starts, to point at it when it has no name. */
  line: number;
  body: unknown;
}

export type FileReadResult = { ok: true; documents: ManifestDocument[] } | { ok: false; file: string; problem: string };

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The files named by -f, in argument order; a folder contributes its manifest files, recursively,
 * sorted by path so every run applies in the same order. A file reached twice is listed once.
 */
export async function findManifestFiles(paths: string[], cwd: string): Promise<ManifestFile[]> {
  const seen = new Set<string>();
  const files: ManifestFile[] = [];
  for (const given of paths) {
    const absolute = resolve(cwd, given);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new UsageError(`no such file or folder: ${given}`);
    // A file named explicitly is taken whatever its extension: the user chose it.
    const found = info.isDirectory() ? (await walk(absolute)).map((relative) => join(given, relative)) : [given];
    for (const path of found) {
      const file = { path, absolute: resolve(cwd, path) };
      if (!seen.has(file.absolute)) files.push(file);
      seen.add(file.absolute);
    }
  }
  return files;
}

/** Manifest files under `folder`, as sorted relative paths. */
async function walk(folder: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(folder, prefix), { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    // Hidden entries are tooling (.git, editor swap files), never manifests.
    if (entry.name.startsWith('.')) continue;
    const relative = join(prefix, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(folder, relative)));
    else if (MANIFEST_EXTENSIONS.includes(extname(entry.name).toLowerCase()) && (await isFile(entry, join(folder, relative)))) {
      found.push(relative);
    }
  }
  return found.sort(byCodePoint);
}

/** Symbolic links to files count; links to folders are not followed, so a link loop cannot hang the walk. */
async function isFile(entry: Dirent, path: string): Promise<boolean> {
  if (entry.isFile()) return true;
  return entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isFile() === true;
}

/**
 * Splits a file into its non-empty documents. JSON is read by the same parser (JSON is YAML 1.2).
 * A syntax error anywhere fails the whole file: applying only part of a broken file would surprise.
 */
export async function readManifestFile(file: ManifestFile): Promise<FileReadResult> {
  let text: string;
  try {
    text = await readFile(file.absolute, 'utf8');
  } catch (error) {
    return { ok: false, file: file.path, problem: `cannot read the file: ${(error as Error).message}` };
  }
  return splitDocuments(file.path, text);
}

export function splitDocuments(file: string, text: string): FileReadResult {
  const lines = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter: lines });
  const broken = parsed.flatMap((doc) => doc.errors)[0];
  if (broken) return { ok: false, file, problem: syntaxProblem(broken.message, broken.linePos?.[0]) };
  try {
    // Documents holding only comments, or nothing (a trailing ---), are not manifests.
    const found = parsed
      .map((doc) => ({ body: doc.toJS({ maxAliasCount: 50 }) as unknown, line: lines.linePos(doc.contents?.range[0] ?? 0).line }))
      .filter(({ body }) => body !== null && body !== undefined);
    return { ok: true, documents: found.map(({ body, line }, i) => ({ file, index: i + 1, count: found.length, line, body })) };
  } catch (error) {
    // toJS refuses excessive alias expansion ("billion laughs") and the like.
    return { ok: false, file, problem: `invalid YAML: ${(error as Error).message}` };
  }
}

function syntaxProblem(message: string, at: { line: number; col: number } | undefined): string {
  // The library's message repeats the position and appends a source excerpt; keep its first sentence.
  const reason = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return at ? `invalid YAML at line ${at.line}, column ${at.col}: ${reason}` : `invalid YAML: ${reason}`;
}
