import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { RelativeTime } from '../../components/RelativeTime';
import type { Promotion } from './model';
import { awaitingAcknowledgementQuery } from './queries';
import { Section } from './Section';

/** The breaking-change gate's products still waiting, from its evidence (empty when it has none). */
function waitingFor(p: Promotion): string[] {
  const evidence: unknown = p.gates.find((g) => g.check === 'breakingChangesAcknowledged')?.evidence;
  const list = typeof evidence === 'object' && evidence !== null ? (evidence as { waitingFor?: unknown }).waitingFor : undefined;
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * Promotions whose breaking contract changes wait for my acknowledgement (as a downstream
 * product's owner or steward), asked again with the approvals. Shown only when something waits:
 * most people are nobody's downstream owner.
 */
export function AcknowledgementsSection() {
  const query = useQuery(awaitingAcknowledgementQuery);
  const items = query.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Section
      title="Breaking changes waiting for my acknowledgement"
      count={items.length}
      description={
        <>
          Promotions that change, in a breaking way, a contract your products read; each waits for the downstream products’ acknowledgements
          {query.dataUpdatedAt > 0 && (
            <>
              {' '}
              (updated <RelativeTime value={query.dataUpdatedAt} />)
            </>
          )}
          .
        </>
      }
    >
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Breaking changes waiting for my acknowledgement</caption>
          <thead>
            <tr>
              <th scope="col">Promotion</th>
              <th scope="col">From → to</th>
              <th scope="col">Requested by</th>
              <th scope="col">Waiting for</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to="/promotions/$id" params={{ id: p.id }}>
                    {p.product} r{p.revision}
                  </Link>
                </th>
                <td className="home-nowrap">
                  {p.from} <span aria-hidden="true">→</span>
                  <span className="visually-hidden">to</span> {p.to}
                </td>
                <td>{p.requestedBy}</td>
                <td>{waitingFor(p).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {query.data?.nextCursor && <p className="home-section__more">More are waiting.</p>}
    </Section>
  );
}
