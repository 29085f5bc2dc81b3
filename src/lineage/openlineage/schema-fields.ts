/**
 * Fields of the OpenLineage `schema` dataset facet (SchemaDatasetFacet 1-2-0) from columns whose types are spelled
 * as SQL engines spell them. A nested type becomes nested `fields`, as the facet's documentation shows them: a
 * `struct<a:int,b:string>` (or `STRUCT<a INT64, …>`, Trino's `row(a integer, …)`) is a `struct` with one field per
 * member, an `array<T>` (`list<T>`) an `array` with the field `_element`, a `map<K,V>` a `map` with `key` and `value`.
 * Other types are kept as spelled.
 */
import type { TableColumn } from '../../../adapters/core/orchestrator.port';

export interface SchemaField {
  name: string;
  type?: string;
  description?: string;
  fields?: SchemaField[];
}

const CONTAINERS: Record<string, 'struct' | 'array' | 'map'> = { struct: 'struct', row: 'struct', array: 'array', list: 'array', map: 'map' };

export function schemaFields(columns: readonly TableColumn[]): SchemaField[] {
  return columns.map((c) => field(c.name, c.type, c.description));
}

function field(name: string, type: string, description: string | null): SchemaField {
  const parsed = parseType(type.trim());
  return {
    name,
    ...(parsed.type ? { type: parsed.type } : {}),
    ...(description ? { description } : {}),
    ...(parsed.fields ? { fields: parsed.fields } : {}),
  };
}

/** A type as the facet gives it: the container kind with its fields, or the type as spelled. */
function parseType(type: string): { type: string; fields?: SchemaField[] } {
  const open = /^([A-Za-z]+)\s*([<(])(.*)([>)])$/s.exec(type);
  const container = open ? CONTAINERS[open[1].toLowerCase()] : undefined;
  if (!open || !container || (open[2] === '<') !== (open[4] === '>')) return { type };
  const parts = splitTopLevel(open[3]);
  if (!parts) return { type };
  if (container === 'array') {
    return parts.length === 1 ? { type: 'array', fields: [field('_element', parts[0], null)] } : { type };
  }
  if (container === 'map') {
    return parts.length === 2 ? { type: 'map', fields: [field('key', parts[0], null), field('value', parts[1], null)] } : { type };
  }
  const members = parts.map(member);
  return members.every((m): m is [string, string] => m !== null) ? { type: 'struct', fields: members.map(([n, t]) => field(n, t, null)) } : { type };
}

/** `name:type`, `name type` or `` `quoted name` type `` of a struct member. */
function member(text: string): [string, string] | null {
  const m = /^(`[^`]+`|"[^"]+"|[^\s:]+)\s*(?::\s*|\s+)(.+)$/s.exec(text.trim());
  if (!m) return null;
  const quoted = /^[`"].*[`"]$/s.test(m[1]);
  return [quoted ? m[1].slice(1, -1) : m[1], m[2].trim()];
}

/** Splits at the commas outside brackets and quotes; null when the brackets do not balance. */
function splitTopLevel(text: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '`' || c === '"') quote = c;
    else if (c === '<' || c === '(') depth++;
    else if (c === '>' || c === ')') {
      if (--depth < 0) return null;
    } else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (depth !== 0 || quote) return null;
  parts.push(text.slice(start).trim());
  return parts.every((p) => p.length > 0) ? parts : null;
}
