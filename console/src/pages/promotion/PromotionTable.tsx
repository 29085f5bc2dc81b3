import { Link } from '@tanstack/react-router';
import { RelativeTime } from '../../components/RelativeTime';
import { StatusBadge } from '../../components/StatusBadge';
import type { Promotion } from './queries';

interface PromotionTableProps {
  items: Promotion[];
  /** The table's accessible name (its caption). */
  caption: string;
  /** Adds the "Completed" column (the promotions list). */
  showCompleted?: boolean;
}

/**
 * Promotions as rows: product and revision (the link to the decision screen), from → to, requester,
 * age, expiry, state, and optionally when it completed.
 */
export function PromotionTable({ items, caption, showCompleted }: PromotionTableProps) {
  return (
    <div className="table-wrap">
      <table className="table promotion-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Promotion</th>
            <th scope="col">Environments</th>
            <th scope="col">Requested by</th>
            <th scope="col">Requested</th>
            <th scope="col">Expires</th>
            <th scope="col">State</th>
            {showCompleted && <th scope="col">Completed</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id} data-promotion={p.id}>
              <th scope="row" className="promotion-table__name">
                <Link to="/promotions/$id" params={{ id: p.id }}>
                  {p.product} r{p.revision}
                  {p.kind === 'rollback' && <span className="promotion-table__kind"> (rollback)</span>}
                </Link>
                {p.breakGlass && <span className="promotion-tag">break-glass</span>}
              </th>
              <td className="promotion-table__envs">
                {p.from} <span aria-hidden="true">→</span>
                <span className="visually-hidden">to</span> {p.to}
              </td>
              <td>
                <code>{p.requestedBy}</code>
              </td>
              <td>
                <RelativeTime value={p.createdAt} />
              </td>
              <td>
                <RelativeTime value={p.expiresAt} fallback="—" />
              </td>
              <td>
                <StatusBadge status={p.state} />
              </td>
              {showCompleted && (
                <td>
                  <RelativeTime value={p.completedAt} fallback="—" />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
