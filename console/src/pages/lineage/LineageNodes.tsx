import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { RelativeTime } from '../../components/RelativeTime';
import { useLineageActions } from './actions';
import { MAX_COLUMNS_DRAWN, type DisplayNode } from './display';
import { runState } from './runState';

export type LineageFlowNode = Node<{ item: DisplayNode }, 'dataset' | 'job' | 'fanout'>;

const STATE_WORDS: Record<DisplayNode['state'], string> = {
  selected: 'selected',
  path: 'on the path',
  upstream: 'upstream of the selection',
  downstream: 'downstream of the selection',
  dimmed: '',
  none: '',
};

function Ends({ vertical }: { vertical: boolean }) {
  return (
    <>
      <Handle type="target" position={vertical ? Position.Top : Position.Left} isConnectable={false} className="lnode__handle" />
      <Handle type="source" position={vertical ? Position.Bottom : Position.Right} isConnectable={false} className="lnode__handle" />
    </>
  );
}

function ExpandButtons({ item, label }: { item: DisplayNode; label: string }) {
  const actions = useLineageActions();
  return (
    <span className="lnode__expand">
      <button type="button" className="lnode__expand-button" aria-label={`Expand upstream of ${label}`} title="One more hop upstream" onClick={() => actions.expand(item.id, 'upstream')}>
        <span aria-hidden="true">{actions.layout === 'tb' ? '▲' : '◀'}</span>
      </button>
      <button type="button" className="lnode__expand-button" aria-label={`Expand downstream of ${label}`} title="One more hop downstream" onClick={() => actions.expand(item.id, 'downstream')}>
        <span aria-hidden="true">{actions.layout === 'tb' ? '▼' : '▶'}</span>
      </button>
    </span>
  );
}

function Products({ item }: { item: DisplayNode }) {
  const products = item.node?.products ?? [];
  if (!products.length) return null;
  return (
    <span className="lnode__products">
      {products.map((p) => (
        <span key={p.name} className="lnode__product" title={`Data product ${p.name}, owned by ${p.owner}`}>
          {p.name}
          {p.owner && <span className="lnode__owner"> · {p.owner}</span>}
        </span>
      ))}
    </span>
  );
}

/** A dataset's or job's head: its kind, namespace and name (the button that selects it) and its expand buttons. */
function NodeHead({ item, kind }: { item: DisplayNode; kind: 'Dataset' | 'Job' }) {
  const actions = useLineageActions();
  const n = item.node!;
  return (
    <div className="lnode__head">
      <button type="button" className="lnode__main" aria-pressed={item.state === 'selected'} onClick={() => actions.select(item.id)}>
        <span className="lnode__kind">
          {kind}
          {STATE_WORDS[item.state] && <span className="visually-hidden">, {STATE_WORDS[item.state]}</span>}
        </span>
        <span className="lnode__namespace">{n.namespace}</span>
        <span className="lnode__name">{n.name}</span>
      </button>
      <ExpandButtons item={item} label={n.name} />
    </div>
  );
}

function DatasetNodeView({ data }: NodeProps<LineageFlowNode>) {
  const { item } = data;
  const actions = useLineageActions();
  const n = item.node!;
  const vertical = actions.layout === 'tb';
  const columns = item.columns;
  return (
    <div className={`lnode lnode--dataset is-${item.state}${item.focus ? ' is-focus' : ''}${n.products.length ? ' has-product' : ''}`}>
      <Ends vertical={vertical} />
      <NodeHead item={item} kind="Dataset" />
      <span className="lnode__meta">
        {n.lastProducedAt ? (
          <>
            produced <RelativeTime value={n.lastProducedAt} />
          </>
        ) : (
          'not produced yet'
        )}
        <Products item={item} />
      </span>
      {columns && (
        <ul className="lnode__columns" aria-label={`Columns of ${n.name}`}>
          {columns.slice(0, MAX_COLUMNS_DRAWN).map((c) => (
            <li key={c.name} className={`lnode__column is-${c.state}`}>
              <Handle type="target" id={`in:${c.name}`} position={vertical ? Position.Top : Position.Left} isConnectable={false} className="lnode__handle" />
              <button type="button" aria-pressed={c.state === 'selected'} onClick={() => actions.selectColumn(item.id, c.name)}>
                {c.name}
                {c.type && <span className="lnode__column-type"> {c.type}</span>}
                {c.state !== 'none' && c.state !== 'selected' && <span className="visually-hidden"> ({c.state === 'upstream' ? 'feeds the selected column' : 'fed by the selected column'})</span>}
              </button>
              <Handle type="source" id={`out:${c.name}`} position={vertical ? Position.Bottom : Position.Right} isConnectable={false} className="lnode__handle" />
            </li>
          ))}
          {columns.length > MAX_COLUMNS_DRAWN && <li className="lnode__column">… {columns.length - MAX_COLUMNS_DRAWN} more in the table</li>}
        </ul>
      )}
    </div>
  );
}

function JobNodeView({ data }: NodeProps<LineageFlowNode>) {
  const { item } = data;
  const actions = useLineageActions();
  const n = item.node!;
  const run = runState(n.latestRun?.status);
  return (
    <div className={`lnode lnode--job run--${run.tone} is-${item.state}${item.focus ? ' is-focus' : ''}`}>
      <Ends vertical={actions.layout === 'tb'} />
      <NodeHead item={item} kind="Job" />
      <span className="lnode__meta">
        <span className={`badge badge--${run.tone}`} data-status={run.status}>
          {run.label}
        </span>
        {n.orchestrator && <span className="lnode__orchestrator">{n.orchestrator.name}</span>}
        <Products item={item} />
      </span>
    </div>
  );
}

function GroupNodeView({ data }: NodeProps<LineageFlowNode>) {
  const { item } = data;
  const actions = useLineageActions();
  const g = item.group!;
  const label = `${g.members.length} more ${g.direction}`;
  return (
    <div className={`lnode lnode--group is-${item.state}`}>
      <Ends vertical={actions.layout === 'tb'} />
      <button type="button" className="lnode__main" aria-pressed={item.state === 'selected'} onClick={() => actions.select(item.id)}>
        <span className="lnode__kind">Group</span>
        <span className="lnode__name">{label}</span>
        <span className="lnode__namespace">of {g.total} neighbours — open to search and add</span>
      </button>
    </div>
  );
}

export const NODE_TYPES = {
  dataset: memo(DatasetNodeView),
  job: memo(JobNodeView),
  fanout: memo(GroupNodeView),
};
