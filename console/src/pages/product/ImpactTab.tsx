import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { api, data } from '../../api/client';
import { CopyToClipboard } from '../../components/CopyToClipboard';
import { Loading } from '../../components/Loading';
import { ProblemView } from '../../components/ProblemView';
import { downloadCsv } from '../../lib/csv';
import { lineageHref, nodeName } from '../../lib/nodeId';
import { byDistance, distanceLabel, groupByOwner, impactCsvRows, ownersText, type ImpactEntry } from './impact';

interface ImpactTabProps {
  name: string;
  /** `owner`: one table per owner (in the URL, `?tab=impact&group=owner`). */
  group: 'owner' | undefined;
  onGroup: (group: 'owner' | undefined) => void;
}

/**
 * Whom a change of this product reaches: the products downstream of it in lineage, nearest
 * first, with owner, stewards, tier, classification and the lineage path; grouped by owner on
 * demand; the owners to copy, and the list as CSV.
 */
export function ImpactTab({ name, group, onGroup }: ImpactTabProps) {
  const id = useId();
  const impact = useQuery({
    // shared with the promotion screen's "Downstream products"
    queryKey: ['products', name, 'impact'],
    queryFn: ({ signal }) => data(api.GET('/api/v1/data-products/{name}/impact', { params: { path: { name } }, signal })),
  });
  if (impact.error) return <ProblemView error={impact.error} headingLevel={3} onRetry={() => void impact.refetch()} />;
  if (!impact.data) return <Loading label="Loading the products downstream…" />;
  const entries = impact.data.downstream;
  if (!entries.length) return <p className="empty-state">Lineage shows no product that depends on {name}: a change reaches no other product.</p>;
  const owners = groupByOwner(entries);
  return (
    <div className="impact">
      <p>
        {entries.length} product{entries.length === 1 ? '' : 's'} of {owners.length} owner{owners.length === 1 ? '' : 's'} depend{entries.length === 1 ? 's' : ''} on {name}
        {impact.data.truncated ? ' (lineage was cut short: there are more beyond these)' : ''}.
      </p>
      <div className="impact__toolbar">
        <label className="impact__group">
          <input type="checkbox" checked={group === 'owner'} onChange={(e) => onGroup(e.target.checked ? 'owner' : undefined)} /> Group by owner
        </label>
        <CopyToClipboard text={ownersText(entries)} label="Copy owners" copied={`Copied ${owners.length} owner${owners.length === 1 ? '' : 's'} to the clipboard.`} />
        <button type="button" className="button" onClick={() => downloadCsv(`${name}-impact.csv`, impactCsvRows(entries))}>
          Download as CSV
        </button>
      </div>
      {group === 'owner' ? (
        owners.map((g, i) => (
          <section key={g.owner} className="impact__owner" aria-labelledby={`${id}-owner-${i}`}>
            <h3 id={`${id}-owner-${i}`}>
              {g.owner}: {g.entries.length} product{g.entries.length === 1 ? '' : 's'}
            </h3>
            <ImpactTable entries={g.entries} label={`Products of ${g.owner} downstream of ${name}`} showOwner={false} />
          </section>
        ))
      ) : (
        <ImpactTable entries={byDistance(entries)} label={`Products downstream of ${name}`} showOwner />
      )}
    </div>
  );
}

function ImpactTable({ entries, label, showOwner }: { entries: readonly ImpactEntry[]; label: string; showOwner: boolean }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Distance</th>
            {showOwner && <th scope="col">Owner</th>}
            <th scope="col">Stewards</th>
            <th scope="col" className="numeric">
              Tier
            </th>
            <th scope="col">Classification</th>
            <th scope="col">Path</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.product.name}>
              <th scope="row">
                <Link to="/products/$name" params={{ name: e.product.name }}>
                  {e.product.name}
                </Link>
                {e.product.title && e.product.title !== e.product.name && <div className="product-muted">{e.product.title}</div>}
              </th>
              <td>{distanceLabel(e.distance)}</td>
              {showOwner && (
                <td>
                  <code>{e.product.owner}</code>
                </td>
              )}
              <td>{e.product.stewards.length ? e.product.stewards.join(', ') : 'none'}</td>
              <td className="numeric">{e.product.tier}</td>
              <td>{e.product.classification}</td>
              <td>
                <ol className="impact__path" aria-label={`Lineage path to ${e.product.name}`}>
                  {e.path.map((node) => (
                    <li key={node}>
                      <a href={lineageHref(node)} title={node}>
                        {nodeName(node)}
                      </a>
                    </li>
                  ))}
                </ol>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
