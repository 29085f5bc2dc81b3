/**
 * The explorer's state in the URL, so a view can be shared and survives a reload. Search params
 * stay flat strings (the router's convention, lib/search.ts); lists are comma-separated, with
 * `%` and `,` inside an item escaped as %25 and %2C (node ids may hold both). Expansions are
 * `<how><hops>:<node id>` items, `how` being `u` (hops upstream of that node), `d` (downstream)
 * or `n` (the node alone, added from a group's list); `hops` is left out when it is 1.
 */

export const LINEAGE_DIRECTIONS = ['both', 'upstream', 'downstream'] as const;
export type LineageDirection = (typeof LINEAGE_DIRECTIONS)[number];
export const LINEAGE_LAYOUTS = ['lr', 'tb'] as const;
export type LineageLayout = (typeof LINEAGE_LAYOUTS)[number];
export const LINEAGE_VIEWS = ['graph', 'table'] as const;
export type LineageView = (typeof LINEAGE_VIEWS)[number];
export const MAX_DEPTH = 10;
/** A URL that lists more than this is cut (an expansion per item: well past what can be drawn). */
export const MAX_LIST_ITEMS = 500;

export type ExpansionKind = 'u' | 'd' | 'n';
export interface Expansion {
  kind: ExpansionKind;
  node: string;
  /** How far (u and d): 1 unless expanded again. */
  hops?: number;
}

const escapeItem = (item: string) => item.replace(/%/g, '%25').replace(/,/g, '%2C');
const unescapeItem = (item: string) => item.replace(/%2C/gi, ',').replace(/%25/g, '%');

export function encodeList(items: readonly string[]): string | undefined {
  return items.length ? items.map(escapeItem).join(',') : undefined;
}

export function decodeList(text: string | undefined): string[] {
  if (!text) return [];
  const items = text.split(',').filter((s) => s !== '').map(unescapeItem);
  return [...new Set(items)].slice(0, MAX_LIST_ITEMS);
}

export function encodeExpansions(list: readonly Expansion[]): string | undefined {
  return encodeList(list.map((e) => `${e.kind}${e.kind !== 'n' && e.hops && e.hops > 1 ? e.hops : ''}:${e.node}`));
}

export function decodeExpansions(text: string | undefined): Expansion[] {
  return decodeList(text).flatMap((item) => {
    const m = /^(?:([ud])([1-9]\d?)?|(n)):(.+)$/.exec(item);
    if (!m) return [];
    const hops = m[2] ? Math.min(Number(m[2]), MAX_DEPTH) : 1;
    return m[3] ? [{ kind: 'n' as const, node: m[4]! }] : [{ kind: m[1] as ExpansionKind, node: m[4]!, ...(hops > 1 ? { hops } : {}) }];
  });
}

/** Adds an expansion; the same kind on the same node again goes one hop further. */
export function withExpansion(list: readonly Expansion[], add: Expansion): Expansion[] {
  const at = list.findIndex((e) => e.kind === add.kind && e.node === add.node);
  if (at < 0) return [...list, add];
  if (add.kind === 'n') return [...list];
  const hops = Math.min((list[at]!.hops ?? 1) + 1, MAX_DEPTH);
  return list.map((e, i) => (i === at ? { ...e, hops } : e));
}

export function withoutExpansionsOf(list: readonly Expansion[], node: string, kind?: ExpansionKind): Expansion[] {
  return list.filter((e) => e.node !== node || (kind !== undefined && e.kind !== kind));
}

/** `path`: the two ends, from~to as a two-item list. */
export function decodePath(text: string | undefined): [string, string] | null {
  const items = decodeList(text);
  return items.length === 2 ? [items[0]!, items[1]!] : null;
}

/** Validated list text: decodes into at least one item, or is dropped. */
export function optionalList(value: unknown, max = 20_000): string | undefined {
  return typeof value === 'string' && value.length <= max && decodeList(value).length > 0 ? value : undefined;
}

export function optionalExpansions(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 20_000) return undefined;
  const list = decodeExpansions(value);
  return list.length ? encodeExpansions(list) : undefined;
}

export function optionalPath(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= 5000 && decodePath(value) ? value : undefined;
}
