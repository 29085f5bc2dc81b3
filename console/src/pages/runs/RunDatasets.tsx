import { lineageHref, nodeParts } from '../../lib/nodeId';
import type { RunDetail } from './taskRuns';

interface RunDatasetsModel {
  read: string[];
  written: string[];
}

/** The lineage node ids of the datasets the run read and wrote, when the answer has them. */
export function runDatasets(run: RunDetail): RunDatasetsModel | null {
  const d = (run as { datasets?: { read?: unknown; written?: unknown } }).datasets;
  if (!d) return null;
  const ids = (v: unknown) => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : typeof x === 'object' && x && 'id' in x ? String((x as { id: unknown }).id) : null)).filter((x): x is string => Boolean(x)) : []);
  return { read: ids(d.read), written: ids(d.written) };
}

function DatasetList({ ids, label }: { ids: string[]; label: string }) {
  if (!ids.length) return <p className="product-muted">None reported.</p>;
  return (
    <ul className="run-datasets__list" aria-label={label}>
      {ids.map((id) => {
        const p = nodeParts(id);
        return (
          <li key={id}>
            <a href={lineageHref(id)}>{p.name}</a> <span className="product-muted">{p.namespace}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** The datasets a run read and wrote, as its lineage reported them; each opens the lineage explorer. */
export function RunDatasets({ run }: { run: RunDetail }) {
  const model = runDatasets(run);
  return (
    <section aria-labelledby="run-datasets" className="run-datasets">
      <h2 id="run-datasets">Datasets</h2>
      {!model ? (
        <p className="empty-state">{run.lineage ? 'The run’s lineage names no dataset.' : 'No lineage was reported for this run yet, so its datasets are not known.'}</p>
      ) : (
        <div className="run-datasets__grid">
          <div>
            <h3>Read</h3>
            <DatasetList ids={model.read} label="Datasets read" />
          </div>
          <div>
            <h3>Written</h3>
            <DatasetList ids={model.written} label="Datasets written" />
          </div>
        </div>
      )}
    </section>
  );
}
