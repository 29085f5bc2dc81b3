import { lineageHref, nodeParts } from '../../lib/nodeId';
import type { RunDetail } from './taskRuns';

interface RunDatasetsModel {
  read: string[];
  written: string[];
}

/** The lineage node ids of the datasets the run read and wrote (its tasks' together), once lineage reported it. */
export function runDatasets(run: RunDetail): RunDatasetsModel | null {
  if (!run.lineage) return null;
  const read = new Set([...run.lineage.inputs, ...run.lineage.tasks.flatMap((t) => t.inputs)]);
  const written = new Set([...run.lineage.outputs, ...run.lineage.tasks.flatMap((t) => t.outputs)]);
  return { read: [...read].sort(), written: [...written].sort() };
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
        <p className="empty-state">No lineage was reported for this run yet, so its datasets are not known.</p>
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
