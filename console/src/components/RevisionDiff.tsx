import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { api, data } from '../api/client';
import { Loading } from './Loading';
import { ProblemView } from './ProblemView';
import type { components } from '../api/schema';
import { describeDiff, needsManifests, OP_LABELS, type DescribedDiff, type DiffItem, type ManifestChange } from './revisionDiffModel';

type ContractChange = components['schemas']['ContractChange'];
const LEVELS: Record<ContractChange['level'], { label: string; tone: string }> = {
  breaking: { label: 'Breaking', tone: 'danger' },
  review: { label: 'Review', tone: 'warning' },
  safe: { label: 'Safe', tone: 'neutral' },
};

export interface RevisionDiffProps {
  product: string;
  from: number;
  to: number;
  headingLevel?: 2 | 3;
}

type Level = 2 | 3 | 4;
const H = { 2: 'h2', 3: 'h3', 4: 'h4' } as const;

/** Revisions never change: a diff between two of them, and a revision, are cached for good. */
export function revisionQuery(product: string, revision: number) {
  return {
    queryKey: ['products', product, 'revision', revision] as const,
    queryFn: () => data(api.GET('/api/v1/data-products/{name}/revisions/{number}', { params: { path: { name: product, number: revision } } })),
    staleTime: Infinity,
  };
}

/**
 * The changes between two revisions of a product, as a reviewer reads them: grouped by area
 * (ownership, classification and privacy, SLA, outputs, bindings, the rest), each as
 * "field: before → after" with its kind in words (Added, Removed, Changed), lists as the items
 * added and removed, the governance-relevant changes flagged at the top (owner, classification
 * raised or lowered, personal data on or off, an output removed, the SLA loosened), and the raw
 * changes as JSON in a disclosure. Outputs and bindings are compared by identity, from the two
 * revisions' manifests. The contract's changes (outputs, declared schemas, governance) are listed
 * as the server classifies them: breaking, review or safe, with the rule.
 */
export function RevisionDiff({ product, from, to, headingLevel = 2 }: RevisionDiffProps) {
  const headingId = useId();
  const same = from === to;
  const diff = useQuery({
    queryKey: ['diff', product, from, to],
    queryFn: () => data(api.GET('/api/v1/data-products/{name}/diff', { params: { path: { name: product }, query: { from, to } } })),
    enabled: !same,
    staleTime: Infinity,
  });
  const withManifests = Boolean(diff.data && needsManifests(diff.data.changes));
  const before = useQuery({ ...revisionQuery(product, from), enabled: withManifests });
  const after = useQuery({ ...revisionQuery(product, to), enabled: withManifests });

  const Heading = H[headingLevel];
  const sub = (headingLevel + 1) as Level;
  let body;
  if (same) {
    body = <p className="diff__empty">No changes: both sides are r{from}.</p>;
  } else if (diff.error) {
    body = <ProblemView error={diff.error} headingLevel={sub === 4 ? 3 : sub} onRetry={() => void diff.refetch()} />;
  } else if (!diff.data || (withManifests && (before.isPending || after.isPending) && !before.error && !after.error)) {
    body = <Loading label="Loading the changes…" />;
  } else {
    // if a manifest could not be read, outputs and bindings are shown by position instead
    const manifests = before.data && after.data ? { before: before.data.manifest, after: after.data.manifest } : null;
    body = <DiffBody changes={diff.data.changes} contract={diff.data.contract?.changes ?? []} described={describeDiff(diff.data.changes, manifests)} from={from} to={to} level={sub} />;
  }
  return (
    <section className="diff" aria-labelledby={headingId} aria-busy={diff.isFetching || undefined}>
      <Heading id={headingId} className="diff__heading">
        Changes from r{from} to r{to}
      </Heading>
      {body}
    </section>
  );
}

/** The contract's changes as the server classified them (breaking first is the server's order within each output). */
function ContractChanges({ changes, level }: { changes: ContractChange[]; level: Level }) {
  const Sub = H[level];
  const breaking = changes.filter((c) => c.level === 'breaking').length;
  return (
    <section className="diff-group" aria-label="Contract" data-area="contract">
      <Sub className="diff-group__title">
        Contract{breaking > 0 && <>: {breaking} breaking change{breaking === 1 ? '' : 's'}</>}
      </Sub>
      <ul className="diff-group__items">
        {changes.map((c, i) => (
          <li key={`${c.rule}-${c.output}-${c.field}-${i}`} className="diff-line" data-rule={c.rule} data-level={c.level}>
            <span className={`badge badge--${LEVELS[c.level].tone}`}>{LEVELS[c.level].label}</span> {c.message} (<code>{c.rule}</code>)
          </li>
        ))}
      </ul>
    </section>
  );
}

function DiffBody({ changes, contract, described, from, to, level }: { changes: ManifestChange[]; contract: ContractChange[]; described: DescribedDiff; from: number; to: number; level: Level }) {
  const Sub = H[level];
  if (!described.count && !contract.length) return <p className="diff__empty">No changes: r{from} and r{to} have the same manifest.</p>;
  const areas = described.groups.length;
  return (
    <>
      <p className="diff__summary">
        {described.count > 0 && (
          <>
            {described.count} change{described.count === 1 ? '' : 's'} in {areas} area{areas === 1 ? '' : 's'}
            {described.flags.length ? `, ${described.flags.length} of them governance-relevant` : ''}
          </>
        )}
        {described.count > 0 && contract.length > 0 && '; '}
        {contract.length > 0 && `${contract.length} contract change${contract.length === 1 ? '' : 's'}`}.
      </p>
      {described.flags.length > 0 && (
        <div className="diff-flags" role="group" aria-label="Governance-relevant changes">
          <Sub className="diff-flags__title">Governance-relevant changes</Sub>
          <ul>
            {described.flags.map((f, i) => (
              <li key={`${f.kind}-${i}`} data-flag={f.kind}>
                <span className="diff-flag__marker" aria-hidden="true">
                  ⚑
                </span>{' '}
                {f.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {contract.length > 0 && <ContractChanges changes={contract} level={level} />}
      {described.groups.map((g) => (
        <section key={g.area} className="diff-group" aria-label={g.label} data-area={g.area}>
          <Sub className="diff-group__title">{g.label}</Sub>
          <ul className="diff-group__items">
            {g.items.map((item) => (
              <DiffLine key={item.key} item={item} />
            ))}
          </ul>
        </section>
      ))}
      <details className="diff__raw">
        <summary>Raw changes (JSON)</summary>
        <pre tabIndex={0} aria-label={`Changes from r${from} to r${to}, JSON`}>
          <code>{JSON.stringify(changes, null, 2)}</code>
        </pre>
      </details>
    </>
  );
}

function DiffLine({ item }: { item: DiffItem }) {
  const values = item.list ? (
    <ListValues item={item} />
  ) : item.op === 'changed' ? (
    <>
      <span className="diff-value diff-value--before">{item.before}</span> <Arrow /> <span className="diff-value diff-value--after">{item.after}</span>
    </>
  ) : item.op === 'added' ? (
    <span className="diff-value diff-value--after">{item.after}</span>
  ) : (
    <span className="diff-value diff-value--before">{item.before}</span>
  );
  return (
    <li className={`diff-line diff-line--${item.op}${item.flag ? ' diff-line--flagged' : ''}`} data-path={item.path}>
      <span className={`diff-op diff-op--${item.op}`}>{OP_LABELS[item.op]}</span> <span className="diff-line__field">{item.field}</span>: {values}
      {item.flag && <span className="diff-line__flag"> (governance-relevant)</span>}
    </li>
  );
}

function ListValues({ item }: { item: DiffItem }) {
  const list = item.list!;
  if (!list.added.length && !list.removed.length) {
    // same items, another order
    return (
      <>
        <span className="diff-value diff-value--before">{item.before}</span> <Arrow /> <span className="diff-value diff-value--after">{item.after}</span>
      </>
    );
  }
  return (
    <ul className="diff-list">
      {list.added.map((x) => (
        <li key={`+${x}`} className="diff-list__item diff-list__item--added">
          <span className="diff-list__op">added</span> {x}
        </li>
      ))}
      {list.removed.map((x) => (
        <li key={`-${x}`} className="diff-list__item diff-list__item--removed">
          <span className="diff-list__op">removed</span> {x}
        </li>
      ))}
      {list.kept.length > 0 && <li className="diff-list__item diff-list__item--kept">unchanged: {list.kept.join(', ')}</li>}
    </ul>
  );
}

/** "→", read as "to". */
function Arrow() {
  return (
    <>
      <span aria-hidden="true">→</span>
      <span className="visually-hidden">to</span>
    </>
  );
}
