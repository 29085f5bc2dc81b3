import { parseIsoDuration } from './iso-duration';
import { CLASSIFICATIONS, type Classification, type DeclaredItems, type DeclaredProperty } from './declared-schema';
import type { Manifest } from './manifest.schema';

/**
 * How a change to what a product promises its readers is judged:
 * - `breaking`: readers may break; a promotion needs the downstream owners' acknowledgement;
 * - `review`: worth a look (recorded, shown), gates nothing unless a policy says so;
 * - `safe`: additions and documentation.
 */
export type ChangeLevel = 'breaking' | 'review' | 'safe';

/** Every rule, with its level and what it means; a rule id names one entry of this table. */
export const CONTRACT_RULES = {
  'output-removed': { level: 'breaking', means: 'an output (its OpenLineage identity) is no longer declared' },
  'output-added': { level: 'safe', means: 'a new output is declared' },
  'field-removed': { level: 'breaking', means: 'a declared field (or a nested one) is gone; a rename is a removal and an addition' },
  'field-added': { level: 'safe', means: 'an optional field is added' },
  'field-added-required': { level: 'review', means: 'a required field is added (existing rows may not have it)' },
  'field-type-changed': { level: 'breaking', means: 'the logical type changed' },
  'field-physical-type-changed': { level: 'breaking', means: 'the physical type changed' },
  'field-type-declared': { level: 'review', means: 'a type is declared where none was' },
  'field-type-undeclared': { level: 'review', means: 'a declared type was dropped' },
  'field-required-relaxed': { level: 'breaking', means: 'required true → false: readers may now get nulls (a weakened guarantee)' },
  'field-required-tightened': { level: 'breaking', means: 'required false → true: existing data may no longer fit' },
  'field-unique-relaxed': { level: 'breaking', means: 'unique true → false: readers may now get duplicates (a weakened guarantee)' },
  'field-unique-tightened': { level: 'breaking', means: 'unique false → true: existing data may no longer fit' },
  'field-primary-key-removed': { level: 'breaking', means: 'a field is no longer (part of) the primary key (a weakened guarantee)' },
  'field-primary-key-added': { level: 'review', means: 'a field becomes (part of) the primary key' },
  'field-classification-raised': { level: 'breaking', means: 'a field is classified more sensitive: readers may lose access or obligations change' },
  'field-classification-lowered': { level: 'review', means: 'a field is classified less sensitive' },
  'field-description-changed': { level: 'safe', means: 'documentation only' },
  'pii-added': { level: 'breaking', means: 'the product now contains personal data' },
  'pii-removed': { level: 'review', means: 'the product no longer declares personal data' },
  'classification-raised': { level: 'breaking', means: 'the product is classified more sensitive' },
  'classification-lowered': { level: 'review', means: 'the product is classified less sensitive' },
  'sla-freshness-loosened': { level: 'review', means: 'the freshness SLA allows older data (or is gone)' },
  'sla-freshness-tightened': { level: 'safe', means: 'the freshness SLA promises fresher data (or is new)' },
} as const satisfies Record<string, { level: ChangeLevel; means: string }>;

export type ContractRule = keyof typeof CONTRACT_RULES;

/** One classified change of a product's contract. */
export interface ContractChange {
  rule: ContractRule;
  level: ChangeLevel;
  /** The output's lineage node id (`dataset:<namespace>:<name>`); null for product-level changes. */
  output: string | null;
  /** The field's dotted path inside the output (`address.city`, array items as `_element`); null above field level. */
  field: string | null;
  before?: unknown;
  after?: unknown;
  message: string;
}

export interface ContractDiff {
  /** True when any change is breaking. */
  breaking: boolean;
  changes: ContractChange[];
}

/** Lineage's node id of a dataset (spelled here: the catalog sits below lineage). */
const datasetNodeId = (namespace: string, name: string) => `dataset:${namespace}:${name}`;

const rank = (c: Classification | undefined) => (c === undefined ? -1 : CLASSIFICATIONS.indexOf(c));

/**
 * Classifies the differences between two manifests' contracts: their outputs (by identity) and
 * the declared schema of each, and the product's governance (personal data, classification,
 * freshness). A field missing its flags counts as `false` (ODCS's defaults). Changes come in
 * output order, then in the order of the fields declared.
 */
export function classifyContractChanges(before: Manifest, after: Manifest): ContractDiff {
  const changes: ContractChange[] = [];
  const add = (rule: ContractRule, output: string | null, field: string | null, message: string, values: { before?: unknown; after?: unknown } = {}) =>
    changes.push({ rule, level: CONTRACT_RULES[rule].level, output, field, ...values, message });

  governance(before, after, add);
  const key = (o: { namespace: string; name: string }) => datasetNodeId(o.namespace, o.name);
  const afterOutputs = new Map(after.spec.outputs.map((o) => [key(o), o]));
  const beforeKeys = new Set(before.spec.outputs.map(key));
  for (const output of before.spec.outputs) {
    const id = key(output);
    const next = afterOutputs.get(id);
    if (!next) add('output-removed', id, null, `output ${output.namespace}/${output.name} is removed`, { before: { namespace: output.namespace, name: output.name } });
    else fields(output.schema ?? [], next.schema ?? [], '', (rule, field, message, values) => add(rule, id, field, message, values));
  }
  for (const output of after.spec.outputs) {
    if (!beforeKeys.has(key(output))) add('output-added', key(output), null, `output ${output.namespace}/${output.name} is added`, { after: { namespace: output.namespace, name: output.name } });
  }
  return { breaking: changes.some((c) => c.level === 'breaking'), changes };
}

type Add = (rule: ContractRule, output: string | null, field: string | null, message: string, values?: { before?: unknown; after?: unknown }) => void;
type AddField = (rule: ContractRule, field: string, message: string, values?: { before?: unknown; after?: unknown }) => void;

function governance(before: Manifest, after: Manifest, add: Add): void {
  const [a, b] = [before.spec, after.spec];
  if (!a.containsPii && b.containsPii) add('pii-added', null, null, 'the product now contains personal data', { before: false, after: true });
  if (a.containsPii && !b.containsPii) add('pii-removed', null, null, 'the product no longer contains personal data', { before: true, after: false });
  if (rank(b.classification) > rank(a.classification)) add('classification-raised', null, null, `classification raised from ${a.classification} to ${b.classification}`, { before: a.classification, after: b.classification });
  if (rank(b.classification) < rank(a.classification)) add('classification-lowered', null, null, `classification lowered from ${a.classification} to ${b.classification}`, { before: a.classification, after: b.classification });
  const [was, is] = [a.sla?.freshness, b.sla?.freshness];
  if (was !== is) {
    const [from, to] = [was ? (parseIsoDuration(was) ?? null) : null, is ? (parseIsoDuration(is) ?? null) : null];
    const loosened = to === null || (from !== null && to > from);
    const message = is === undefined ? `the freshness SLA ${was} is removed` : was === undefined ? `a freshness SLA of ${is} is declared` : `freshness SLA from ${was} to ${is}`;
    if (from === null || to === null || from !== to) add(loosened ? 'sla-freshness-loosened' : 'sla-freshness-tightened', null, null, message, { before: was ?? null, after: is ?? null });
  }
}

/** The declared fields of one level, matched by name. */
function fields(before: DeclaredProperty[], after: DeclaredProperty[], prefix: string, add: AddField): void {
  const next = new Map(after.map((p) => [p.name, p]));
  const had = new Set(before.map((p) => p.name));
  for (const property of before) {
    const path = `${prefix}${property.name}`;
    const now = next.get(property.name);
    if (!now) add('field-removed', path, `field ${path} is removed`, { before: describe(property) });
    else field(property, now, path, add);
  }
  for (const property of after) {
    if (had.has(property.name)) continue;
    const path = `${prefix}${property.name}`;
    add(property.required ? 'field-added-required' : 'field-added', path, `${property.required ? 'required ' : ''}field ${path} is added`, { after: describe(property) });
  }
}

function field(a: DeclaredItems, b: DeclaredItems, path: string, add: AddField): void {
  const typed = (rule: ContractRule, what: string, x: string | undefined, y: string | undefined) => {
    if (x === y) return;
    if (x === undefined) add('field-type-declared', path, `${path} declares ${what} ${y}`, { after: y });
    else if (y === undefined) add('field-type-undeclared', path, `${path} no longer declares its ${what} (was ${x})`, { before: x });
    else add(rule, path, `${path} changes ${what} from ${x} to ${y}`, { before: x, after: y });
  };
  typed('field-type-changed', 'logical type', a.logicalType, b.logicalType);
  typed('field-physical-type-changed', 'physical type', normalisedType(a.physicalType), normalisedType(b.physicalType));
  const flag = (name: 'required' | 'unique', relaxed: ContractRule, tightened: ContractRule) => {
    const [x, y] = [a[name] === true, b[name] === true];
    if (x && !y) add(relaxed, path, `${path} is no longer ${name}`, { before: true, after: false });
    if (!x && y) add(tightened, path, `${path} becomes ${name}`, { before: false, after: true });
  };
  flag('required', 'field-required-relaxed', 'field-required-tightened');
  flag('unique', 'field-unique-relaxed', 'field-unique-tightened');
  if (a.primaryKey === true && b.primaryKey !== true) add('field-primary-key-removed', path, `${path} is no longer part of the primary key`, { before: true, after: false });
  if (a.primaryKey !== true && b.primaryKey === true) add('field-primary-key-added', path, `${path} becomes part of the primary key`, { before: false, after: true });
  if (rank(b.classification) > rank(a.classification)) add('field-classification-raised', path, `${path} is classified ${b.classification} (was ${a.classification ?? 'unclassified'})`, { before: a.classification ?? null, after: b.classification });
  if (rank(b.classification) < rank(a.classification)) add('field-classification-lowered', path, `${path} is classified ${b.classification ?? 'unclassified'} (was ${a.classification})`, { before: a.classification, after: b.classification ?? null });
  if ((a.description ?? '') !== (b.description ?? '')) add('field-description-changed', path, `${path} has a new description`, { before: a.description ?? null, after: b.description ?? null });
  fields(a.properties ?? [], b.properties ?? [], `${path}.`, add);
  if (a.items && b.items) field(a.items, b.items, `${path}._element`, add);
  else if (a.items) add('field-removed', `${path}._element`, `the items of ${path} are no longer declared`, { before: describe(a.items) });
  else if (b.items) add('field-added', `${path}._element`, `the items of ${path} are declared`, { after: describe(b.items) });
}

/** Physical types compare case- and space-insensitively (`varchar(10)` is `VARCHAR( 10 )`). */
function normalisedType(type: string | undefined): string | undefined {
  return type === undefined ? undefined : type.replace(/\s+/g, '').toUpperCase();
}

/** A field as a change shows it: its own attributes, without its nested fields. */
function describe(p: DeclaredItems): Record<string, unknown> {
  const { properties, items, ...own } = p as DeclaredProperty;
  return { ...own, ...(properties ? { properties: properties.length } : {}), ...(items ? { items: true } : {}) };
}
