/**
 * Validates OpenLineage 2-0-x events as they arrive at the lineage ingestion endpoint and turns them
 * into the normalised `LineageEvent` model. Hand-written rather than a schema library so that every
 * problem carries an exact JSON path (`$[3].inputs[0].facets.schema._producer`) and a message a
 * pipeline owner can act on without reading the spec.
 *
 * Leniency, on purpose: the spec allows additional properties everywhere, so unknown fields are
 * ignored (and left out of the normalised event), and `null` on an optional field counts as absent
 * because several producers serialise unset optionals that way.
 */
import type { DatasetRef, EventProblem, Facets, JobRef, LineageEvent, ParseResult, RunEventType, RunRef } from './openlineage.types';
import { RUN_EVENT_TYPES } from './openlineage.types';
import { MAX_JSON_DEPTH, TOO_DEEP, unstorableIn, unstorableKey, unstorableValue } from '../../common/validation/storable-json';

/** Sane upper bounds: the spec has none, but the catalog indexes these strings. */
export const OPENLINEAGE_LIMITS = {
  /** namespace and name of jobs and datasets. */
  name: 1024,
  /** producer, schemaURL, _producer, _schemaURL. */
  uri: 2048,
  facetName: 256,
  /** Longer than any real RFC 3339 timestamp; keeps the regex on short input. */
  dateTime: 64,
  /** Problems reported per event; the last slot says how many more were found. */
  problems: 50,
} as const;

/** The JSON body as a whole: one event or a batch (array) of them. */
export interface ParsedLineageBody {
  /** True when the body was a JSON array. */
  batch: boolean;
  /** One result per event, in body order; empty when `problems` is not. */
  events: ParseResult[];
  /** Problems with the body itself (at `$`): not an object or array, or an empty array. */
  problems: EventProblem[];
}

type Json = Record<string, unknown>;
type Kind = LineageEvent['kind'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** RFC 3339 `date-time`, with the offset optional here so a missing one gets its own message. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:([Zz])|[+-](\d{2}):(\d{2}))?$/;
/** RFC 3986 absolute URI: a scheme, a colon, and no whitespace or control characters. */
const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s\x00-\x1f\x7f]+$/;
/** The kind named by the schemaURL fragment; `definitions` is what 1-0-x producers still send. */
const KIND_FRAGMENT = /#\/(?:\$defs|definitions)\/(RunEvent|JobEvent|DatasetEvent)$/;
const KIND_BY_DEF: Record<string, Kind> = { RunEvent: 'run', JobEvent: 'job', DatasetEvent: 'dataset' };
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const DATE_TIME_MESSAGE = 'must be an RFC 3339 date-time with a time zone, such as 2025-06-01T02:00:00.000Z';

/** Collects problems up to the cap; past it, only counts them so one huge bad batch item stays cheap to report. */
class Problems {
  readonly list: EventProblem[] = [];
  private more = 0;
  constructor(private readonly basePath: string) {}

  add(path: Path, message: string): void {
    if (this.list.length < OPENLINEAGE_LIMITS.problems) this.list.push({ path: String(path), message });
    else this.more++;
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** At most `problems` entries: when some were dropped, the last slot says how many. */
  result(): EventProblem[] {
    if (this.more === 0) return this.list;
    const kept = this.list.slice(0, OPENLINEAGE_LIMITS.problems - 1);
    const unreported = this.more + 1;
    return [...kept, { path: this.basePath, message: `has ${unreported} more problem${unreported === 1 ? '' : 's'} not reported` }];
  }
}

/** Appends a key or index to a JSON path; keys that are not identifiers (`spark.logicalPlan`) use brackets. */
export function jsonPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * A JSON path that is spelled out only when a problem names it: every accepted event passes a
 * hundred or so fields through here, and building each one's path text cost more than checking it.
 */
class LazyPath {
  constructor(
    private readonly parent: Path,
    private readonly key: string | number,
  ) {}

  toString(): string {
    return jsonPath(String(this.parent), this.key);
  }
}

type Path = string | LazyPath;

const at = (parent: Path, key: string | number): Path => new LazyPath(parent, key);

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "a number", "an array", … for messages that say what was found instead. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

/** A short, safe echo of a bad value for messages. */
function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/**
 * The field as a non-empty string within `max` characters, or '' after recording a problem. The ''
 * never escapes: an event with any problem is not returned.
 */
function requiredString(obj: Json, key: string, path: Path, p: Problems, max: number): string {
  const value = obj[key];
  const here = at(path, key);
  if (value === undefined || value === null) p.add(here, 'is required');
  else if (typeof value !== 'string') p.add(here, `must be a string, not ${describe(value)}`);
  else if (value.trim() === '') p.add(here, 'must not be empty');
  else if (value.length > max) p.add(here, `must be at most ${max} characters long (it has ${value.length})`);
  else return value;
  return '';
}

function requiredUri(obj: Json, key: string, path: Path, p: Problems): string {
  const value = requiredString(obj, key, path, p, OPENLINEAGE_LIMITS.uri);
  if (value !== '' && !isAbsoluteUri(value)) {
    p.add(at(path, key), `must be an absolute URI with a scheme, such as https://example.com/producer (got ${quote(value)})`);
  }
  return value;
}

/**
 * URIs found valid before. Every facet names its producer and schema, so an event carries dozens
 * of URIs but a producer only a handful of distinct ones, and parsing them was the largest part of
 * validating an event. Bounded: cleared when full.
 */
const validUris = new Set<string>();
const VALID_URIS_KEPT = 1024;

function isAbsoluteUri(value: string): boolean {
  if (validUris.has(value)) return true;
  // URL.canParse catches what the shape check cannot, such as `https://` with no host.
  if (!(ABSOLUTE_URI.test(value) && URL.canParse(value))) return false;
  if (validUris.size >= VALID_URIS_KEPT) validUris.clear();
  validUris.add(value);
  return true;
}

function requiredUuid(obj: Json, key: string, path: Path, p: Problems): string {
  const value = obj[key];
  const here = at(path, key);
  if (value === undefined || value === null) p.add(here, 'is required');
  else if (typeof value !== 'string') p.add(here, `must be a UUID string, not ${describe(value)}`);
  else if (!UUID.test(value)) p.add(here, `must be a UUID, such as 0196f1a2-7c3e-7b8a-9d4f-2e6c1a0b3d5f (got ${quote(value)})`);
  // Lower case so the same run sent by different producers (or SDK versions) matches itself.
  else return value.toLowerCase();
  return '';
}

function requiredDateTime(obj: Json, key: string, path: Path, p: Problems): string {
  const value = obj[key];
  const here = at(path, key);
  const m = typeof value === 'string' && value.length <= OPENLINEAGE_LIMITS.dateTime ? DATE_TIME.exec(value) : null;
  if (value === undefined || value === null) p.add(here, 'is required');
  else if (typeof value !== 'string') p.add(here, `${DATE_TIME_MESSAGE}, not ${describe(value)}`);
  else if (!m) p.add(here, `${DATE_TIME_MESSAGE} (got ${quote(value)})`);
  // A local time cannot be placed on the run timeline, so the offset is required (as in the spec's format).
  else if (m[7] === undefined && m[8] === undefined) {
    p.add(here, `must be an RFC 3339 date-time with a time zone: add Z or an offset such as +00:00 (got ${quote(value)})`);
  }
  else if (!inRange(m)) p.add(here, `${DATE_TIME_MESSAGE}; ${quote(value)} is not a real date and time`);
  else return value;
  return '';
}

/** Calendar and clock ranges the regex cannot express (second 60 is a leap second, allowed by RFC 3339). */
function inRange(m: RegExpExecArray): boolean {
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  const offsetOk = m[8] === undefined || (Number(m[8]) <= 23 && Number(m[9]) <= 59);
  return days !== undefined && day >= 1 && day <= days && hour <= 23 && minute <= 59 && second <= 60 && offsetOk;
}

/** The field as an object, or undefined after recording a problem. */
function requiredObject(obj: Json, key: string, path: Path, p: Problems): Json | undefined {
  const value = obj[key];
  const here = at(path, key);
  if (value === undefined || value === null) p.add(here, 'is required');
  else if (!isObject(value)) p.add(here, `must be an object, not ${describe(value)}`);
  else return value;
  return undefined;
}

/** Deeper checks for a facet the spec (and Gatehouse) gives meaning to, by facet name. */
type FacetCheck = (facet: Json, path: Path, p: Problems) => void;

/**
 * A facets map: every entry an object with absolute `_producer` and `_schemaURL`, except that a
 * `_deleted: true` entry (a facet being removed) needs nothing else. The map itself is returned
 * untouched; Gatehouse stores facets as the producer sent them.
 */
function facetsAt(obj: Json, key: string, path: Path, p: Problems, checks: Record<string, FacetCheck> = {}): Facets | undefined {
  const map = obj[key];
  if (map === undefined || map === null) return undefined;
  const here = at(path, key);
  if (!isObject(map)) return p.add(here, `must be an object of facets keyed by facet name, not ${describe(map)}`), undefined;
  for (const [name, facet] of Object.entries(map)) {
    const facetPath = at(here, name);
    if (name === '') p.add(facetPath, 'facet names must not be empty');
    else if (name.length > OPENLINEAGE_LIMITS.facetName) p.add(facetPath, `facet names must be at most ${OPENLINEAGE_LIMITS.facetName} characters long`);
    if (!isObject(facet)) {
      p.add(facetPath, `must be a facet object, not ${describe(facet)}`);
      continue;
    }
    if (facet._deleted !== undefined && typeof facet._deleted !== 'boolean') p.add(at(facetPath, '_deleted'), 'must be a boolean');
    if (facet._deleted === true) continue;
    requiredUri(facet, '_producer', facetPath, p);
    requiredUri(facet, '_schemaURL', facetPath, p);
    if (Object.hasOwn(checks, name)) checks[name](facet, facetPath, p);
  }
  return map as Facets;
}

/** `{run: {runId}, job: {namespace, name}}`, the shape of the parent facet and of its `root`. */
function checkRunAndJob(facet: Json, path: Path, p: Problems): void {
  const run = requiredObject(facet, 'run', path, p);
  if (run) requiredUuid(run, 'runId', at(path, 'run'), p);
  const job = requiredObject(facet, 'job', path, p);
  if (job) {
    requiredString(job, 'namespace', at(path, 'job'), p, OPENLINEAGE_LIMITS.name);
    requiredString(job, 'name', at(path, 'job'), p, OPENLINEAGE_LIMITS.name);
  }
}

/** Run facets Gatehouse reads: the parent links a task run to its DAG run; errorMessage explains a FAIL. */
const RUN_FACET_CHECKS: Record<string, FacetCheck> = {
  parent(facet, path, p) {
    checkRunAndJob(facet, path, p);
    if (facet.root === undefined || facet.root === null) return;
    if (isObject(facet.root)) checkRunAndJob(facet.root, at(path, 'root'), p);
    else p.add(at(path, 'root'), `must be an object, not ${describe(facet.root)}`);
  },
  errorMessage(facet, path, p) {
    for (const key of ['message', 'programmingLanguage']) {
      const value = facet[key];
      if (value === undefined || value === null) p.add(at(path, key), 'is required');
      else if (typeof value !== 'string') p.add(at(path, key), `must be a string, not ${describe(value)}`);
    }
    const trace = facet.stackTrace;
    if (trace !== undefined && trace !== null && typeof trace !== 'string') p.add(at(path, 'stackTrace'), `must be a string, not ${describe(trace)}`);
  },
};

/**
 * Dataset facets Gatehouse reads: `symlinks` names other identities of the dataset, which lineage then treats as the
 * same node, so each must be a full identity (`type`, such as TABLE or LOCATION, is optional here).
 */
const DATASET_FACET_CHECKS: Record<string, FacetCheck> = {
  symlinks(facet, path, p) {
    const identifiers = facet.identifiers;
    if (identifiers === undefined || identifiers === null) return;
    const here = at(path, 'identifiers');
    if (!Array.isArray(identifiers)) return p.add(here, `must be an array of {namespace, name, type} identifiers, not ${describe(identifiers)}`);
    identifiers.forEach((identifier, i) => {
      const item = at(here, i);
      if (!isObject(identifier)) return p.add(item, `must be an identifier object {namespace, name, type}, not ${describe(identifier)}`);
      requiredString(identifier, 'namespace', item, p, OPENLINEAGE_LIMITS.name);
      requiredString(identifier, 'name', item, p, OPENLINEAGE_LIMITS.name);
      const type = identifier.type;
      if (type !== undefined && type !== null && typeof type !== 'string') p.add(at(item, 'type'), `must be a string, not ${describe(type)}`);
    });
  },
};

/** A dataset; `extra` names the per-direction facets map kept for inputs (`inputFacets`) or outputs (`outputFacets`). */
function dataset(value: unknown, path: Path, p: Problems, extra?: 'inputFacets' | 'outputFacets'): DatasetRef {
  if (!isObject(value)) return p.add(path, `must be a dataset object, not ${describe(value)}`), { namespace: '', name: '' };
  const ref: DatasetRef = {
    namespace: requiredString(value, 'namespace', path, p, OPENLINEAGE_LIMITS.name),
    name: requiredString(value, 'name', path, p, OPENLINEAGE_LIMITS.name),
  };
  const facets = facetsAt(value, 'facets', path, p, DATASET_FACET_CHECKS);
  if (facets) ref.facets = facets;
  const extraFacets = extra && facetsAt(value, extra, path, p);
  if (extra && extraFacets) ref[extra] = extraFacets;
  return ref;
}

/** `inputs` or `outputs`: optional, an array of datasets, [] when absent. */
function datasets(obj: Json, key: 'inputs' | 'outputs', path: Path, p: Problems): DatasetRef[] {
  const value = obj[key];
  if (value === undefined || value === null) return [];
  const here = at(path, key);
  if (!Array.isArray(value)) return p.add(here, `must be an array of datasets, not ${describe(value)}`), [];
  const extra = key === 'inputs' ? 'inputFacets' : 'outputFacets';
  return value.map((item, i) => dataset(item, at(here, i), p, extra));
}

function job(obj: Json, path: Path, p: Problems): JobRef {
  const value = requiredObject(obj, 'job', path, p);
  if (!value) return { namespace: '', name: '' };
  const here = at(path, 'job');
  const ref: JobRef = {
    namespace: requiredString(value, 'namespace', here, p, OPENLINEAGE_LIMITS.name),
    name: requiredString(value, 'name', here, p, OPENLINEAGE_LIMITS.name),
  };
  const facets = facetsAt(value, 'facets', here, p);
  if (facets) ref.facets = facets;
  return ref;
}

function run(obj: Json, path: Path, p: Problems): RunRef {
  const value = requiredObject(obj, 'run', path, p);
  if (!value) return { runId: '' };
  const here = at(path, 'run');
  const ref: RunRef = { runId: requiredUuid(value, 'runId', here, p) };
  const facets = facetsAt(value, 'facets', here, p, RUN_FACET_CHECKS);
  if (facets) ref.facets = facets;
  return ref;
}

function eventType(obj: Json, path: Path, p: Problems): RunEventType | undefined {
  const value = obj.eventType;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && (RUN_EVENT_TYPES as readonly string[]).includes(value)) return value as RunEventType;
  const got = typeof value === 'string' ? quote(value) : describe(value);
  p.add(at(path, 'eventType'), `must be one of ${RUN_EVENT_TYPES.join(', ')} (got ${got})`);
  return undefined;
}

const present = (obj: Json, key: string) => obj[key] !== undefined && obj[key] !== null;

/**
 * The event kind: named by the schemaURL fragment when it has a known one (then the shape must
 * match), else guessed from the shape as the spec's own oneOf would.
 */
function kindOf(obj: Json): Kind | undefined {
  const fragment = typeof obj.schemaURL === 'string' ? KIND_FRAGMENT.exec(obj.schemaURL) : null;
  if (fragment) return KIND_BY_DEF[fragment[1]];
  if (present(obj, 'run')) return 'run';
  if (present(obj, 'dataset') && !present(obj, 'job')) return 'dataset';
  if (present(obj, 'job')) return 'job';
  return undefined;
}

/** The kind-specific part of an event, after the fields every event shares. */
function body(raw: Json, kind: Kind, path: Path, p: Problems) {
  switch (kind) {
    case 'run': {
      const type = eventType(raw, path, p);
      const lineage = { run: run(raw, path, p), job: job(raw, path, p), inputs: datasets(raw, 'inputs', path, p), outputs: datasets(raw, 'outputs', path, p) };
      return { kind, ...(type && { eventType: type }), ...lineage };
    }
    case 'job':
      // A JobEvent describes the job, not an execution: a run here means the wrong kind was sent.
      if (present(raw, 'run')) p.add(at(path, 'run'), 'must not be present in a job event (schemaURL names JobEvent); send a run event instead');
      return { kind, job: job(raw, path, p), inputs: datasets(raw, 'inputs', path, p), outputs: datasets(raw, 'outputs', path, p) };
    case 'dataset': {
      for (const key of ['job', 'run']) {
        if (present(raw, key)) p.add(at(path, key), 'must not be present in a dataset event (schemaURL names DatasetEvent)');
      }
      const value = requiredObject(raw, 'dataset', path, p);
      return { kind, dataset: value ? dataset(value, at(path, 'dataset'), p) : { namespace: '', name: '' } };
    }
  }
}

/**
 * Whether validation walks every string of an otherwise valid event for text PostgreSQL cannot
 * store (`checked`), or leaves that to the caller (`deferred`, see unstorableProblems), who can rule
 * most events out from their JSON text at a fraction of the walk's cost. An event with other
 * problems is walked either way, so that one answer names all of them.
 */
export type Storability = 'checked' | 'deferred';

/** Validates one event; `basePath` prefixes every problem path (`$[3]` for the fourth item of a batch). */
export function parseLineageEvent(raw: unknown, basePath = '$', storability: Storability = 'checked'): ParseResult {
  if (!isObject(raw)) return { ok: false, problems: [{ path: basePath, message: `must be an OpenLineage event object, not ${describe(raw)}` }] };
  const p = new Problems(basePath);
  const common = {
    eventTime: requiredDateTime(raw, 'eventTime', basePath, p),
    producer: requiredUri(raw, 'producer', basePath, p),
    schemaURL: requiredUri(raw, 'schemaURL', basePath, p),
  };
  const kind = kindOf(raw);
  if (!kind) {
    const kinds = 'a run event (with run and job), a job event (with job) or a dataset event (with dataset)';
    p.add(basePath, `must be ${kinds}; it has none of run, job, dataset`);
  }
  const event: LineageEvent | undefined = kind && { ...common, ...body(raw, kind, basePath, p) };
  if (event && (storability === 'checked' || !p.empty) && containsUnstorable(event)) reportUnstorable(event, basePath, p);
  return p.empty && event ? { ok: true, event } : { ok: false, problems: p.result() };
}

/** The problems of an event validated with storability `deferred`: text PostgreSQL cannot store, and nesting too deep. */
export function unstorableProblems(event: LineageEvent, basePath = '$'): EventProblem[] {
  if (!containsUnstorable(event)) return [];
  const p = new Problems(basePath);
  reportUnstorable(event, basePath, p);
  return p.result();
}

/**
 * Text PostgreSQL cannot store (see unstorableIn) anywhere in an event (a name, a facet key or
 * value), and facets nested more than MAX_JSON_DEPTH levels deep, are refused here with their JSON
 * path instead of failing later. Walks what is kept of the event; paths are built only when there
 * is something to report (every ingested event goes through this). `depth`: the containers around
 * `value` within the event.
 */
function containsUnstorable(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return unstorableIn(value) !== undefined;
  if (value === null || typeof value !== 'object') return false;
  if (depth >= MAX_JSON_DEPTH) return true;
  // Plain loops: this walk visits every string of every event.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (containsUnstorable(value[i], depth + 1)) return true;
    return false;
  }
  for (const key in value) {
    if (Object.hasOwn(value, key) && (unstorableIn(key) !== undefined || containsUnstorable((value as Json)[key], depth + 1))) return true;
  }
  return false;
}

function reportUnstorable(value: unknown, path: string, p: Problems, depth = 0): void {
  if (typeof value === 'string') {
    const what = unstorableIn(value);
    if (what) p.add(path, unstorableValue(what));
  } else if (value !== null && typeof value === 'object' && depth >= MAX_JSON_DEPTH) {
    p.add(path, TOO_DEEP);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => reportUnstorable(item, jsonPath(path, i), p, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const what = unstorableIn(key);
      if (what) p.add(path, unstorableKey(what));
      else if (containsUnstorable((value as Json)[key], depth + 1)) reportUnstorable((value as Json)[key], jsonPath(path, key), p, depth + 1);
    }
  }
}

/** Validates a request body: one event object, or a non-empty array of them (each reported at `$[i]`). */
export function parseLineageBody(raw: unknown, storability: Storability = 'checked'): ParsedLineageBody {
  if (Array.isArray(raw)) {
    if (raw.length === 0) return { batch: true, events: [], problems: [{ path: '$', message: 'must contain at least one event' }] };
    return { batch: true, events: raw.map((item, i) => parseLineageEvent(item, jsonPath('$', i), storability)), problems: [] };
  }
  if (!isObject(raw)) {
    return { batch: false, events: [], problems: [{ path: '$', message: `must be an OpenLineage event object or an array of them, not ${describe(raw)}` }] };
  }
  return { batch: false, events: [parseLineageEvent(raw, '$', storability)], problems: [] };
}
