import type { ManifestInput } from '../catalog/manifest/manifest.schema';
import type { FieldError } from '../common/errors/domain-error';
import { contractProduct, importContract, isOdcsDocument } from '../contracts/standards/odcs';
import { importProduct, isOdpsDocument, odpsProduct } from '../contracts/standards/odps';
import type { PlannedManifest } from './apply-plan';
import type { ApplyFailure } from './gatehouse-client';
import type { FileReadResult, ManifestDocument } from './manifest-files';

/** A document of an open standard: an ODCS contract or an ODPS product. */
export interface StandardDocument {
  standard: 'ODCS' | 'ODPS';
  doc: ManifestDocument;
}

/** What applying a product merged from standard documents says besides its outcome. */
export type MergeNotes = Map<string, string[]>;

/**
 * Takes the ODCS contracts and ODPS products out of the files read (recognised by their content:
 * `kind: DataContract`, or `kind: DataProduct` with a standard's `apiVersion` such as v1.0.0),
 * leaving the Gatehouse manifests.
 */
export function separateStandards(files: FileReadResult[]): { manifests: FileReadResult[]; standards: StandardDocument[] } {
  const standards: StandardDocument[] = [];
  const manifests = files.map((file): FileReadResult => {
    if (!file.ok) return file;
    const documents = file.documents.filter((doc) => {
      const standard = isOdcsDocument(doc.body) ? 'ODCS' : isOdpsDocument(doc.body) ? 'ODPS' : undefined;
      if (standard) standards.push({ standard, doc });
      return standard === undefined;
    });
    return { ok: true, documents };
  });
  return { manifests: manifests.filter((f) => !f.ok || f.documents.length > 0), standards };
}

/** The current manifest of a product on the server, or null when there is none. */
export type CurrentManifest = (name: string) => Promise<ManifestInput | null>;

/**
 * Merges each product's standard documents into its manifest: the one applied in the same run,
 * else the one the server has, else a new one. ODPS documents first (the product's fields and its
 * output ports), then the ODCS contracts in file order (each output's schema, quality rules and
 * kept fields, the product's SLA). A product whose documents cannot all be merged is not applied.
 */
export async function mergeStandards(plan: PlannedManifest[], standards: StandardDocument[], current: CurrentManifest): Promise<{ plan: PlannedManifest[]; notes: MergeNotes }> {
  const notes: MergeNotes = new Map();
  const failed: PlannedManifest[] = [];
  const groups = new Map<string, StandardDocument[]>();
  for (const s of standards) {
    const body = s.doc.body as Record<string, unknown>;
    const product = s.standard === 'ODCS' ? contractProduct(body) : odpsProduct(body);
    if (typeof product !== 'string') {
      failed.push({ ready: false, source: position(s.doc), failure: { detail: `The ${s.standard} document names no Gatehouse product.`, errors: [product] } });
      continue;
    }
    groups.set(product, [...(groups.get(product) ?? []), s]);
  }
  const result = [...plan];
  for (const [name, docs] of groups) {
    const at = result.findIndex((m) => m.name === name);
    const planned = at >= 0 ? result[at] : undefined;
    if (planned && !planned.ready) continue; // the manifest already failed; its report says why
    const base = planned?.ready ? (planned.body as ManifestInput) : await current(name);
    const merged = mergeProduct(name, base, docs);
    const sources = [...(planned ? [planned.source] : []), ...docs.map((d) => d.doc.file)].filter((s, i, all) => all.indexOf(s) === i).join(', ');
    const next: PlannedManifest = merged.ok ? { ready: true, name, source: sources, body: merged.manifest } : { ready: false, name, source: merged.source, failure: merged.failure };
    if (merged.ok && merged.notes.length > 0) notes.set(name, merged.notes);
    if (at >= 0) result[at] = next;
    else result.push(next);
  }
  return { plan: [...result, ...failed], notes };
}

type Merged = { ok: true; manifest: ManifestInput; notes: string[] } | { ok: false; source: string; failure: ApplyFailure };

function mergeProduct(name: string, base: ManifestInput | null, docs: StandardDocument[]): Merged {
  const odps = docs.filter((d) => d.standard === 'ODPS');
  if (odps.length > 1) return refuse(odps[1].doc, `The product ${name} is described by more than one ODPS document.`, [{ field: 'id', message: `${name} is already described in ${odps[0].doc.file}` }]);
  let manifest = base;
  const notes: string[] = [];
  const slaFrom = new Map<string, string>();
  for (const d of [...odps, ...docs.filter((d) => d.standard === 'ODCS')]) {
    const body = d.doc.body as Record<string, unknown>;
    let outcome;
    try {
      outcome = d.standard === 'ODPS' ? importProduct(body, manifest) : importContract(body, manifest);
    } catch {
      return refuse(d.doc, `The ${d.standard} document cannot be merged into ${name}: its manifest is not a DataProduct manifest.`, []);
    }
    if (!outcome.ok) return refuse(d.doc, `The ${d.standard} document cannot be merged into ${name}.`, outcome.errors);
    manifest = outcome.manifest;
    if ('contract' in outcome) {
      const { identity, sla, kept, differences } = outcome.contract;
      const i = (manifest.spec.outputs ?? []).findIndex((o) => o.namespace === identity.namespace && o.name === identity.name);
      if (sla) {
        const key = JSON.stringify(sla);
        const other = [...slaFrom].find(([k]) => k !== key);
        if (other) return refuse(d.doc, `The contracts of ${name} disagree on its SLA.`, [{ field: 'slaProperties', message: `differs from the SLA of ${other[1]}` }]);
        slaFrom.set(key, d.doc.file);
      }
      if (kept.length > 0) notes.push(`kept in spec.outputs[${i}].extensions.odcs (from ${d.doc.file}): ${kept.join(', ')}`);
      if (differences.length > 0) notes.push(`not applied, the product's own fields win (${d.doc.file}): ${differences.join(', ')}`);
    } else {
      if (outcome.kept.length > 0) notes.push(`kept in the extensions (from ${d.doc.file}): ${outcome.kept.join(', ')}`);
      if (outcome.differences.length > 0) notes.push(`not mapped (${d.doc.file}): ${outcome.differences.join(', ')}`);
    }
  }
  return { ok: true, manifest: manifest!, notes };
}

function refuse(doc: ManifestDocument, detail: string, errors: FieldError[]): Merged {
  return { ok: false, source: position(doc), failure: { detail, errors } };
}

function position(doc: ManifestDocument): string {
  return doc.count > 1 ? `${doc.file} (document ${doc.index}, line ${doc.line})` : doc.file;
}
