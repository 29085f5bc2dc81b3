/**
 * The OpenLineage 2-0-x event model as Gatehouse reads it (there is no maintained TypeScript
 * client). Facets are kept as the producer sent them: Gatehouse interprets a few (parent run,
 * error message, symlinks, schema, column lineage, ownership) and stores the rest untouched.
 */

export const RUN_EVENT_TYPES = ['START', 'RUNNING', 'COMPLETE', 'ABORT', 'FAIL', 'OTHER'] as const;
export type RunEventType = (typeof RUN_EVENT_TYPES)[number];

/** A facet: `_producer` and `_schemaURL` are required by the spec; any other field is the facet's own. */
export type Facet = { _producer: string; _schemaURL: string; _deleted?: boolean } & Record<string, unknown>;
export type Facets = Record<string, Facet>;

export interface DatasetRef {
  namespace: string;
  name: string;
  facets?: Facets;
  /** Only on inputs of run and job events. */
  inputFacets?: Facets;
  /** Only on outputs of run and job events. */
  outputFacets?: Facets;
}

export interface JobRef {
  namespace: string;
  name: string;
  facets?: Facets;
}

export interface RunRef {
  /** A UUID (the spec requires one). Stored lower-cased. */
  runId: string;
  facets?: Facets;
}

interface BaseEvent {
  /** RFC 3339 date-time with an offset, as sent. */
  eventTime: string;
  producer: string;
  schemaURL: string;
}

export interface RunEvent extends BaseEvent {
  kind: 'run';
  /** Optional in the spec; absent is treated as OTHER. */
  eventType?: RunEventType;
  run: RunRef;
  job: JobRef;
  inputs: DatasetRef[];
  outputs: DatasetRef[];
}

export interface JobEvent extends BaseEvent {
  kind: 'job';
  job: JobRef;
  inputs: DatasetRef[];
  outputs: DatasetRef[];
}

export interface DatasetEvent extends BaseEvent {
  kind: 'dataset';
  dataset: DatasetRef;
}

export type LineageEvent = RunEvent | JobEvent | DatasetEvent;

/** One problem with an event, at a JSON path such as `$.run.runId` or `$[2].inputs[0].facets.schema._producer`. */
export interface EventProblem {
  path: string;
  message: string;
}

export type ParseResult = { ok: true; event: LineageEvent } | { ok: false; problems: EventProblem[] };
