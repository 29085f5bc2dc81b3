import type { ApplyFailure } from './gatehouse-client';
import type { FileReadResult, ManifestDocument } from './manifest-files';

/** A manifest ready to send, or one that already failed locally (unreadable, unnamed, duplicate). */
export type PlannedManifest =
  | { ready: true; name: string; source: string; body: unknown }
  | { ready: false; name?: string; source: string; failure: ApplyFailure };

/**
 * Names every manifest before anything is sent. A product defined twice is refused the second
 * time: applying both would leave whichever came last, and the next run would flip it back.
 */
export function planManifests(files: FileReadResult[]): PlannedManifest[] {
  const firstSeen = new Map<string, string>();
  return files.flatMap((file): PlannedManifest[] => {
    if (!file.ok) return [{ ready: false, source: file.file, failure: { detail: file.problem, errors: [] } }];
    return file.documents.map((doc) => {
      const named = nameOf(doc);
      if (typeof named !== 'string') return { ready: false, source: position(doc), failure: named };
      const earlier = firstSeen.get(named);
      if (earlier !== undefined) {
        const errors = [{ field: 'metadata.name', message: `${named} is already defined in ${earlier}` }];
        return { ready: false, name: named, source: doc.file, failure: { detail: 'The product is defined more than once.', errors } };
      }
      firstSeen.set(named, doc.file);
      return { ready: true, name: named, source: doc.file, body: doc.body };
    });
  });
}

/** metadata.name, which becomes the URL; or why the document cannot be applied without one. */
function nameOf(doc: ManifestDocument): string | ApplyFailure {
  const unnamed = (field: string, message: string): ApplyFailure => ({ detail: 'The manifest cannot be applied without a name.', errors: [{ field, message }] });
  const body = doc.body;
  if (!isObject(body)) return unnamed('(root)', 'must be a DataProduct manifest object');
  const name = isObject(body.metadata) ? body.metadata.name : undefined;
  if (name === undefined || name === null || name === '') return unnamed('metadata.name', 'is required');
  // YAML reads `name: 2024` as a number; the catalog wants the string.
  if (typeof name !== 'string') return unnamed('metadata.name', 'must be a string (quote it in YAML)');
  return name;
}

/** The file, and for a file of several manifests which one, so an unnamed manifest can be found. */
function position(doc: ManifestDocument): string {
  return doc.count > 1 ? `${doc.file} (document ${doc.index}, line ${doc.line})` : doc.file;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
