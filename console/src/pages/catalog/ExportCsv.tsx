import { useEffect, useRef, useState } from 'react';
import { ProblemView } from '../../components/ProblemView';
import { downloadCsv } from '../../lib/csv';
import { exportFilename, fetchAllProducts, productCsvRows, type CatalogFilter, type ExportProgress } from './catalogQuery';

type State = { kind: 'idle' } | { kind: 'running'; progress: ExportProgress } | { kind: 'done'; products: number; filename: string } | { kind: 'cancelled' } | { kind: 'failed'; error: unknown };

const count = (n: number) => `${n.toLocaleString('en')} product${n === 1 ? '' : 's'}`;

/**
 * "Export CSV" of the current filter: every matching product, read page by page from the API
 * (limit 200, all pages, not only the one shown), with the progress announced and a way to stop.
 */
export function ExportCsv({ filter }: { filter: CatalogFilter }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const start = async () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: 'running', progress: { products: 0, pages: 0 } });
    try {
      const items = await fetchAllProducts(filter, { signal: controller.signal, onProgress: (progress) => setState({ kind: 'running', progress }) });
      const filename = exportFilename(filter);
      downloadCsv(filename, productCsvRows(items));
      setState({ kind: 'done', products: items.length, filename });
    } catch (error) {
      if (controller.signal.aborted) setState({ kind: 'cancelled' });
      else setState({ kind: 'failed', error });
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  };

  const running = state.kind === 'running';
  return (
    <div className="catalog-export">
      <div className="catalog-export__buttons">
        <button type="button" className="button" onClick={start} aria-disabled={running || undefined} disabled={running}>
          {running ? 'Exporting…' : 'Export CSV'}
        </button>
        {running && (
          <button type="button" className="button button--quiet" onClick={() => abort.current?.abort()}>
            Stop export
          </button>
        )}
      </div>
      <div className="catalog-export__status" role="status" aria-live="polite">
        {running && (
          <>
            <progress className="catalog-export__progress" aria-label="Export progress" />
            <span>
              Exporting: {count(state.progress.products)} read so far ({state.progress.pages} page{state.progress.pages === 1 ? '' : 's'})…
            </span>
          </>
        )}
        {state.kind === 'done' && (
          <span>
            Exported {count(state.products)} to {state.filename}.
          </span>
        )}
        {state.kind === 'cancelled' && <span>Export stopped; nothing was downloaded.</span>}
      </div>
      {state.kind === 'failed' && <ProblemView error={state.error} headingLevel={2} onRetry={start} />}
    </div>
  );
}
