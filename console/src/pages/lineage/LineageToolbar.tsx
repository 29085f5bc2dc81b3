import { LINEAGE_DIRECTIONS, MAX_DEPTH, type LineageDirection, type LineageLayout, type LineageView } from './urlState';

interface LineageToolbarProps {
  direction: LineageDirection;
  depth: number;
  layout: LineageLayout;
  view: LineageView;
  canReset: boolean;
  onChange(patch: { direction?: LineageDirection; depth?: number; layout?: LineageLayout; view?: LineageView }): void;
  onReset(): void;
}

const DIRECTION_LABEL: Record<LineageDirection, string> = { both: 'Upstream and downstream', upstream: 'Upstream only', downstream: 'Downstream only' };

/** Direction, depth (hops: edges from the focus, a job and a dataset each count one), layout and graph/table. */
export function LineageToolbar({ direction, depth, layout, view, canReset, onChange, onReset }: LineageToolbarProps) {
  return (
    <div className="lineage-toolbar" role="group" aria-label="View">
      <label className="lineage-toolbar__field">
        <span className="label">Direction</span>
        <select className="select" value={direction} onChange={(e) => onChange({ direction: e.target.value as LineageDirection })}>
          {LINEAGE_DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {DIRECTION_LABEL[d]}
            </option>
          ))}
        </select>
      </label>
      <label className="lineage-toolbar__field">
        <span className="label">Depth (hops)</span>
        <select className="select" value={depth} onChange={(e) => onChange({ depth: Number(e.target.value) })}>
          {Array.from({ length: MAX_DEPTH }, (_, i) => i + 1).map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <label className="lineage-toolbar__field">
        <span className="label">Layout</span>
        <select className="select" value={layout} onChange={(e) => onChange({ layout: e.target.value as LineageLayout })}>
          <option value="lr">Left to right</option>
          <option value="tb">Top to bottom</option>
        </select>
      </label>
      <div className="lineage-toolbar__views" role="group" aria-label="Show as">
        <button type="button" className="button" aria-pressed={view === 'graph'} onClick={() => onChange({ view: 'graph' })}>
          Graph
        </button>
        <button type="button" className="button" aria-pressed={view === 'table'} onClick={() => onChange({ view: 'table' })}>
          Table
        </button>
      </div>
      <button type="button" className="button button--quiet" disabled={!canReset} onClick={onReset}>
        Reset expansions
      </button>
    </div>
  );
}
