import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { PROMOTION_STATES, type PromotionState } from '../api/enums';
import { POLL } from '../api/polling';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { Pager } from '../components/Pager';
import { ProblemView } from '../components/ProblemView';
import { statusInfo } from '../components/StatusBadge';
import { PromotionTable } from './promotion/PromotionTable';
import { usePromotionList } from './promotion/queries';

const route = getRouteApi('/_app/promotions');

/** `/promotions`: promotions, newest first, filtered by state and product (in the URL), cursor-paged, polled with ETags. */
export default function PromotionsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const ids = { state: useId(), product: useId() };
  const [product, setProduct] = useState(search.product ?? '');
  // the field follows the URL (back/forward, a link with ?product=)
  useEffect(() => setProduct(search.product ?? ''), [search.product]);

  const list = usePromotionList({ state: search.state, product: search.product, cursor: search.cursor, limit: 50 }, POLL.list);

  const applyProduct = (event: FormEvent) => {
    event.preventDefault();
    const value = product.trim();
    void navigate({ search: (s) => ({ ...s, product: value || undefined, cursor: undefined }) });
  };
  const filtered = Boolean(search.state || search.product);

  return (
    <Page title="Promotions" description="Every promotion and rollback, newest first.">
      <form className="promotion-filters" role="search" aria-label="Filter promotions" onSubmit={applyProduct}>
        <div className="form__field">
          <label htmlFor={ids.state}>State</label>
          <select
            id={ids.state}
            className="select"
            value={search.state ?? ''}
            onChange={(e) => void navigate({ search: (s) => ({ ...s, state: (e.target.value || undefined) as PromotionState | undefined, cursor: undefined }) })}
          >
            <option value="">Any state</option>
            {PROMOTION_STATES.map((s) => (
              <option key={s} value={s}>
                {statusInfo(s).label}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field">
          <label htmlFor={ids.product}>Product</label>
          <input id={ids.product} className="input" value={product} onChange={(e) => setProduct(e.target.value)} placeholder="e.g. orders-daily" maxLength={63} autoComplete="off" spellCheck={false} />
        </div>
        <div className="promotion-filters__buttons">
          <button type="submit" className="button">
            Apply
          </button>
          {filtered && (
            <button type="button" className="button button--quiet" onClick={() => void navigate({ search: {} })}>
              Clear filters
            </button>
          )}
        </div>
      </form>

      {list.error && <ProblemView error={list.error} onRetry={() => void list.refetch()} />}
      {!list.data ? (
        !list.error && <Loading label="Loading promotions…" />
      ) : list.data.items.length === 0 ? (
        <div className="empty-state">
          <p>{filtered ? 'No promotion matches these filters.' : 'No promotion has been requested yet.'}</p>
        </div>
      ) : (
        <>
          <PromotionTable items={list.data.items} caption="Promotions" showCompleted />
          <Pager cursor={search.cursor} nextCursor={list.data.nextCursor} onChange={(cursor) => void navigate({ search: (s) => ({ ...s, cursor }) })} label="Promotions" />
        </>
      )}
    </Page>
  );
}
