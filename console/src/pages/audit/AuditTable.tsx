import { Link } from '@tanstack/react-router';
import { Fragment, useState } from 'react';
import type { components } from '../../api/schema';
import { absoluteTime } from '../../lib/time';
import { formatJson, shortHash } from './format';

export type AuditEntry = components['schemas']['AuditEntry'];

const COLUMNS = 9;

/**
 * Audit entries, newest first: one row each, with a disclosure button that opens a row below it
 * with before / after / details as formatted JSON and the full hash and prevHash.
 */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (seq: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(seq)) next.delete(seq);
      else next.add(seq);
      return next;
    });
  return (
    <div className="table-wrap">
      <table className="table audit-table">
        <caption className="visually-hidden">Audit entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Details</span>
            </th>
            <th scope="col" className="numeric">
              Seq
            </th>
            <th scope="col">Time</th>
            <th scope="col">Principal</th>
            <th scope="col">Action</th>
            <th scope="col">Subject</th>
            <th scope="col">Outcome</th>
            <th scope="col">Policy version</th>
            <th scope="col">Hash</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <EntryRows key={e.seq} entry={e} open={open.has(e.seq)} onToggle={() => toggle(e.seq)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EntryRows({ entry: e, open, onToggle }: { entry: AuditEntry; open: boolean; onToggle: () => void }) {
  const detailId = `audit-entry-${e.seq}`;
  const at = new Date(e.at);
  return (
    <Fragment>
      <tr className={open ? 'audit-row is-open' : 'audit-row'}>
        <td className="audit-row__toggle">
          <button type="button" className="button button--quiet audit-toggle" aria-expanded={open} aria-controls={detailId} onClick={onToggle}>
            <span className="audit-toggle__icon" aria-hidden="true" />
            <span className="visually-hidden">Details of entry {e.seq}</span>
          </button>
        </td>
        <td className="numeric">{e.seq}</td>
        <td className="audit-nowrap">
          <time dateTime={at.toISOString()}>{absoluteTime(at)}</time>
        </td>
        <td className="audit-nowrap">
          <code>{e.principal}</code>
        </td>
        <td className="audit-nowrap">
          <code>{e.action}</code>
        </td>
        <td>
          <Subject subject={e.subject} />
        </td>
        <td>
          <Outcome outcome={e.outcome} />
        </td>
        <td className="audit-nowrap">{e.policyVersion ? <code title={e.policyVersion}>{shortHash(e.policyVersion)}</code> : <span className="audit-muted">none</span>}</td>
        <td className="audit-nowrap">
          <code title={e.hash}>{shortHash(e.hash)}</code>
        </td>
      </tr>
      <tr id={detailId} className="audit-detail" hidden={!open}>
        <td colSpan={COLUMNS}>{open && <EntryDetail entry={e} />}</td>
      </tr>
    </Fragment>
  );
}

function Subject({ subject }: { subject: AuditEntry['subject'] }) {
  const { type, id } = subject;
  if (id === null) {
    return (
      <>
        {type} <span className="audit-muted">(all)</span>
      </>
    );
  }
  const link =
    type === 'DataProduct' ? (
      <Link to="/products/$name" params={{ name: id }}>
        {id}
      </Link>
    ) : type === 'Promotion' ? (
      <Link to="/promotions/$id" params={{ id }}>
        {id}
      </Link>
    ) : (
      <code>{id}</code>
    );
  return (
    <>
      <span className="audit-subject__type">{type}</span> {link}
    </>
  );
}

const OUTCOMES: Record<AuditEntry['outcome'], { label: string; tone: string }> = {
  succeeded: { label: 'Succeeded', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  denied: { label: 'Denied', tone: 'warning' },
};

function Outcome({ outcome }: { outcome: AuditEntry['outcome'] }) {
  const o = OUTCOMES[outcome] ?? { label: outcome, tone: 'neutral' };
  return (
    <span className={`badge badge--${o.tone}`} data-outcome={outcome}>
      {o.label}
    </span>
  );
}

function EntryDetail({ entry: e }: { entry: AuditEntry }) {
  return (
    <div className="audit-entry">
      <dl className="audit-entry__facts">
        <dt>Hash</dt>
        <dd>
          <code>{e.hash}</code>
        </dd>
        <dt>Previous hash</dt>
        <dd>
          <code>{e.prevHash}</code>
        </dd>
        <dt>Time</dt>
        <dd>
          <code>{e.at}</code>
        </dd>
        <dt>Request id</dt>
        <dd>{e.requestId ? <code>{e.requestId}</code> : <span className="audit-muted">none (outside a request)</span>}</dd>
        <dt>Policy version</dt>
        <dd>{e.policyVersion ? <code>{e.policyVersion}</code> : <span className="audit-muted">none</span>}</dd>
      </dl>
      <div className="audit-entry__json">
        <JsonBlock label="Before" value={e.before} />
        <JsonBlock label="After" value={e.after} />
        <JsonBlock label="Details" value={e.details} />
      </div>
    </div>
  );
}

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <figure className="audit-json">
      <figcaption className="audit-json__label">{label}</figcaption>
      {value === null || value === undefined ? (
        <p className="audit-muted">none</p>
      ) : (
        // focusable: a long document scrolls inside the block, and keyboard users must reach it
        <pre className="audit-json__body" tabIndex={0} aria-label={`${label} (JSON)`}>
          <code>{formatJson(value)}</code>
        </pre>
      )}
    </figure>
  );
}
