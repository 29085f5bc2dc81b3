import { AUDIT_OUTCOMES, CLASSIFICATIONS, PRODUCT_STATUS_FILTERS, PROMOTION_STATES, POLICY_ACTIONS, POLICY_SUBJECTS, RUN_SOURCES, RUN_STATUSES, SLA_STATUSES, type AuditOutcome, type Classification, type ProductStatusFilter, type PromotionState, type PolicyAction, type PolicySubjectType, type RunSource, type RunStatus, type SlaStatus } from './api/enums';
import { SLA_RANGES, type SlaRange } from './pages/sla/timelineModel';
import { optionalDateTime, optionalEnum, optionalInt, optionalString, safeNext, type RawSearch } from './lib/search';
import { LINEAGE_DIRECTIONS, LINEAGE_LAYOUTS, LINEAGE_VIEWS, MAX_DEPTH, optionalExpansions, optionalList, optionalPath, type LineageDirection, type LineageLayout, type LineageView } from './pages/lineage/urlState';

/**
 * The typed search params of each route, validated by hand (see lib/search.ts: invalid values
 * are dropped). Filter names and values are the API's, so a page can pass them on as the query.
 *
 * A validator returns every key it declares, undefined when absent or invalid: the router lays
 * the validated object over the raw search, so a key left out would keep its raw, unchecked
 * value. Undefined values are not written to the URL.
 */

export interface CatalogSearch {
  q?: string;
  owner?: string;
  domain?: string;
  tier?: number;
  classification?: Classification;
  tag?: string;
  status?: ProductStatusFilter;
  cursor?: string;
}
export function validateCatalogSearch(s: RawSearch): CatalogSearch {
  return {
    q: optionalString(s.q, 200),
    owner: optionalString(s.owner, 200),
    domain: optionalString(s.domain, 63),
    tier: optionalInt(s.tier, 1, 4),
    classification: optionalEnum(s.classification, CLASSIFICATIONS),
    tag: optionalString(s.tag, 63),
    status: optionalEnum(s.status, PRODUCT_STATUS_FILTERS),
    cursor: optionalString(s.cursor, 400),
  };
}

export const PRODUCT_TABS = ['overview', 'manifest', 'revisions', 'promotions', 'runs', 'sla', 'contract', 'impact', 'audit'] as const;
export type ProductTab = (typeof PRODUCT_TABS)[number];
export interface ProductSearch {
  tab?: ProductTab;
  /** Revisions diff: from and to revision numbers. */
  from?: number;
  to?: number;
  /** Revisions diff: "what this environment runs" as the from / to side (wins over from / to). */
  fromEnv?: string;
  toEnv?: string;
  /** The page of the tab's list (promotions, runs, audit); reset when the tab changes. */
  cursor?: string;
  /** Impact: `owner` groups the downstream products by owner. */
  group?: 'owner';
}
export function validateProductSearch(s: RawSearch): ProductSearch {
  return {
    group: optionalEnum(s.group, ['owner'] as const),
    tab: optionalEnum(s.tab, PRODUCT_TABS),
    from: optionalInt(s.from, 1, Number.MAX_SAFE_INTEGER),
    to: optionalInt(s.to, 1, Number.MAX_SAFE_INTEGER),
    fromEnv: optionalString(s.fromEnv, 40),
    toEnv: optionalString(s.toEnv, 40),
    cursor: optionalString(s.cursor, 400),
  };
}

export interface ProductPromoteSearch {
  /** The revision to promote (default: the latest). */
  revision?: number;
  /** The target environment (the source is the one before it). */
  to?: string;
}
export function validateProductPromoteSearch(s: RawSearch): ProductPromoteSearch {
  return {
    revision: optionalInt(s.revision, 1, Number.MAX_SAFE_INTEGER),
    to: optionalString(s.to, 40),
  };
}

export interface PromotionsSearch {
  state?: PromotionState;
  product?: string;
  cursor?: string;
}
export function validatePromotionsSearch(s: RawSearch): PromotionsSearch {
  return {
    state: optionalEnum(s.state, PROMOTION_STATES),
    product: optionalString(s.product, 63),
    cursor: optionalString(s.cursor, 400),
  };
}

export interface AuditSearch {
  principal?: string;
  subjectType?: string;
  subjectId?: string;
  action?: string;
  outcome?: AuditOutcome;
  /** ISO 8601 date or date-time. */
  from?: string;
  to?: string;
  cursor?: string;
}
export function validateAuditSearch(s: RawSearch): AuditSearch {
  return {
    principal: optionalString(s.principal, 200),
    subjectType: optionalString(s.subjectType, 100),
    subjectId: optionalString(s.subjectId, 200),
    action: optionalString(s.action, 100),
    outcome: optionalEnum(s.outcome, AUDIT_OUTCOMES),
    from: optionalDateTime(s.from),
    to: optionalDateTime(s.to),
    cursor: optionalString(s.cursor, 400),
  };
}

export interface RunsSearch {
  product?: string;
  environment?: string;
  orchestrator?: string;
  status?: RunStatus;
  source?: RunSource;
  cursor?: string;
}
export function validateRunsSearch(s: RawSearch): RunsSearch {
  return {
    product: optionalString(s.product, 63),
    environment: optionalString(s.environment, 40),
    orchestrator: optionalString(s.orchestrator, 63),
    status: optionalEnum(s.status, RUN_STATUSES),
    source: optionalEnum(s.source, RUN_SOURCES),
    cursor: optionalString(s.cursor, 400),
  };
}

export interface SlaSearch {
  /** Only the products of my teams. */
  mine?: true;
  status?: SlaStatus;
}
export function validateSlaSearch(s: RawSearch): SlaSearch {
  return {
    mine: s.mine === true || s.mine === 'true' ? true : undefined,
    status: optionalEnum(s.status, SLA_STATUSES),
  };
}

export interface SlaProductSearch {
  environment?: string;
  /** The window ending now (default 7d). */
  range?: SlaRange;
}
export function validateSlaProductSearch(s: RawSearch): SlaProductSearch {
  return {
    environment: optionalString(s.environment, 40),
    range: optionalEnum(s.range, SLA_RANGES),
  };
}

export interface PoliciesSearch {
  /** The question asked of the policy ("may principal do action on subject [id] [field]"), asked once all of principal, action and subject are set. */
  principal?: string;
  action?: PolicyAction;
  subject?: PolicySubjectType;
  /** The resource's id (a product's name…), loaded by the server to match conditions. */
  id?: string;
  field?: string;
}
export function validatePoliciesSearch(s: RawSearch): PoliciesSearch {
  return {
    principal: optionalString(s.principal, 320),
    action: optionalEnum(s.action, POLICY_ACTIONS),
    subject: optionalEnum(s.subject, POLICY_SUBJECTS),
    id: optionalString(s.id, 400),
    field: optionalString(s.field, 100),
  };
}

export interface SignInSearch {
  /** Where to go after signing in: a path of this console (validated: same origin only). */
  next?: string;
}
export function validateSignInSearch(s: RawSearch): SignInSearch {
  return { next: safeNext(s.next) };
}

/** The lineage explorer's view (pages/lineage/urlState.ts has the list encodings). */
export interface LineageSearch {
  /** Open on this data product's own datasets and jobs… */
  product?: string;
  /** …or on this node (`dataset:<namespace>:<name>`, `job:<namespace>:<name>`). */
  node?: string;
  direction?: LineageDirection;
  /** Hops from the focus (default 1). */
  depth?: number;
  /** Expansions: `u:<id>`, `d2:<id>`, `n:<id>`, comma-separated. */
  expanded?: string;
  /** Group nodes drawn open (their ids). */
  groups?: string;
  selected?: string;
  /** A column of the selected dataset. */
  field?: string;
  /** Two node ids: the path between them is highlighted. */
  path?: string;
  /** Datasets drawn with their columns. */
  columns?: string;
  layout?: LineageLayout;
  view?: LineageView;
}
export function validateLineageSearch(s: RawSearch): LineageSearch {
  return {
    product: optionalString(s.product, 63),
    node: optionalString(s.node, 2100),
    direction: optionalEnum(s.direction, LINEAGE_DIRECTIONS),
    depth: optionalInt(s.depth, 1, MAX_DEPTH),
    expanded: optionalExpansions(s.expanded),
    groups: optionalList(s.groups),
    selected: optionalString(s.selected, 2200),
    field: optionalString(s.field, 400),
    path: optionalPath(s.path),
    columns: optionalList(s.columns),
    layout: optionalEnum(s.layout, LINEAGE_LAYOUTS),
    view: optionalEnum(s.view, LINEAGE_VIEWS),
  };
}
