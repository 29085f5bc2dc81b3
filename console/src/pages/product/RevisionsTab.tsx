import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { api, data } from '../../api/client';
import { Loading } from '../../components/Loading';
import { ProblemView } from '../../components/ProblemView';
import { RelativeTime } from '../../components/RelativeTime';
import { RevisionDiff } from '../../components/RevisionDiff';
import type { ProductSearch } from '../../searchParams';
import { productKeys, type DataProduct } from './queries';

const REVISIONS_PAGE = 100;

export interface DiffSide {
  /** The revision on this side; null when the environment named runs nothing. */
  revision: number | null;
  /** Set when the side is "what this environment runs". */
  environment?: string;
}

/**
 * The two sides of the diff from the URL: `fromEnv` / `toEnv` ("what staging runs") win over
 * `from` / `to` (revision numbers); by default the previous revision against the latest.
 */
export function diffSides(product: Pick<DataProduct, 'revision' | 'environments'>, search: Pick<ProductSearch, 'from' | 'to' | 'fromEnv' | 'toEnv'>): { from: DiffSide; to: DiffSide } {
  const runs = (env: string): DiffSide => ({ revision: product.environments.find((e) => e.environment === env)?.revision ?? null, environment: env });
  const from = search.fromEnv ? runs(search.fromEnv) : { revision: search.from ?? Math.max(1, product.revision - 1) };
  const to = search.toEnv ? runs(search.toEnv) : { revision: search.to ?? product.revision };
  return { from, to };
}

const sideValue = (side: DiffSide) => (side.environment ? `env:${side.environment}` : `r:${side.revision}`);

interface RevisionsTabProps {
  product: DataProduct;
  search: ProductSearch;
  /** Sets from / to (and clears the other way of naming that side). */
  onPick: (side: 'from' | 'to', value: { revision: number } | { environment: string }) => void;
}

/** The revisions (oldest first, paged) and a diff between any two of them, or a revision and what an environment runs. */
export function RevisionsTab({ product, search, onPick }: RevisionsTabProps) {
  const id = useId();
  const { from, to } = diffSides(product, search);
  const revisions = useInfiniteQuery({
    queryKey: productKeys.revisions(product.name),
    queryFn: ({ pageParam, signal }) =>
      data(api.GET('/api/v1/data-products/{name}/revisions', { params: { path: { name: product.name }, query: { limit: REVISIONS_PAGE, ...(pageParam ? { cursor: pageParam } : {}) } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const numbers = Array.from({ length: product.revision }, (_, i) => product.revision - i);
  const runsIn = (n: number) => product.environments.filter((e) => e.revision === n).map((e) => e.environment);

  const picker = (side: 'from' | 'to', current: DiffSide) => (
    <div className="form__field">
      <label htmlFor={`${id}-${side}`}>{side === 'from' ? 'From' : 'To'}</label>
      <select
        id={`${id}-${side}`}
        className="select"
        value={sideValue(current)}
        onChange={(e) => {
          const v = e.target.value;
          onPick(side, v.startsWith('env:') ? { environment: v.slice(4) } : { revision: Number(v.slice(2)) });
        }}
      >
        <optgroup label="What an environment runs">
          {product.environments.map((e) => (
            <option key={e.environment} value={`env:${e.environment}`} disabled={e.revision === null && sideValue(current) !== `env:${e.environment}`}>
              What {e.environment} runs ({e.revision === null ? 'nothing yet' : `r${e.revision}`})
            </option>
          ))}
        </optgroup>
        <optgroup label="Revisions">
          {!current.environment && current.revision !== null && !numbers.includes(current.revision) && <option value={`r:${current.revision}`}>r{current.revision} (no such revision)</option>}
          {numbers.map((n) => (
            <option key={n} value={`r:${n}`}>
              r{n}
              {n === product.revision ? ' (latest)' : ''}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );

  const nothing = [from, to].find((s) => s.revision === null);
  return (
    <div className="product-revisions">
      <section className="product-revisions__compare" aria-labelledby={`${id}-compare`}>
        <h3 id={`${id}-compare`}>Compare</h3>
        <div className="product-revisions__pickers">
          {picker('from', from)}
          {picker('to', to)}
        </div>
        {nothing ? (
          <p className="notice">Nothing runs in {nothing.environment} yet: pick a revision or another environment.</p>
        ) : (
          <>
            <p className="product-muted" data-testid="diff-sides">
              {describeSide(from)} → {describeSide(to)}
            </p>
            <RevisionDiff product={product.name} from={from.revision!} to={to.revision!} headingLevel={3} />
          </>
        )}
      </section>
      <section aria-labelledby={`${id}-list`}>
        <h3 id={`${id}-list`}>Revisions</h3>
        {revisions.error ? (
          <ProblemView error={revisions.error} headingLevel={3} onRetry={() => void revisions.refetch()} />
        ) : !revisions.data ? (
          <Loading label="Loading the revisions…" />
        ) : (
          <>
            <div className="table-wrap">
              <table className="table" aria-label={`Revisions of ${product.name}, oldest first`}>
                <thead>
                  <tr>
                    <th scope="col">Revision</th>
                    <th scope="col">Author</th>
                    <th scope="col">Created</th>
                    <th scope="col">Runs in</th>
                    <th scope="col">Digest</th>
                    <th scope="col">Changes</th>
                  </tr>
                </thead>
                <tbody>
                  {revisions.data.pages
                    .flatMap((p) => p.items)
                    .map((r) => (
                      <tr key={r.number}>
                        <th scope="row">
                          r{r.number}
                          {r.number === product.revision ? ' (latest)' : ''}
                        </th>
                        <td>
                          <code>{r.author}</code>
                        </td>
                        <td>
                          <RelativeTime value={r.createdAt} />
                        </td>
                        <td>{runsIn(r.number).join(', ') || '—'}</td>
                        <td>
                          <code title={r.digest}>{r.digest.slice(7, 19)}</code>
                        </td>
                        <td>
                          {r.number > 1 ? (
                            <Link to="/products/$name" params={{ name: product.name }} search={{ tab: 'revisions', from: r.number - 1, to: r.number }}>
                              <span className="visually-hidden">Changes from </span>r{r.number - 1} → r{r.number}
                            </Link>
                          ) : (
                            'first revision'
                          )}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
            {revisions.hasNextPage && (
              <p>
                <button type="button" className="button" onClick={() => void revisions.fetchNextPage()} disabled={revisions.isFetchingNextPage}>
                  {revisions.isFetchingNextPage ? 'Loading…' : 'Show more revisions'}
                </button>
              </p>
            )}
          </>
        )}
      </section>
    </div>
  );
}

function describeSide(side: DiffSide): string {
  return side.environment ? `what ${side.environment} runs (r${side.revision})` : `r${side.revision}`;
}
