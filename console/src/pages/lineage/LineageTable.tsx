import { downloadCsv } from '../../lib/csv';
import type { Display } from './display';
import { edgeCsvRows, HIGHLIGHT_WORDS, nodeCsvRows, nodeLabel, nodeStatus } from './tableRows';

interface LineageTableProps {
  display: Display;
  /** For file names. */
  title: string;
  onSelect(id: string): void;
}

/**
 * The graph's table twin: every drawn node and edge with its highlight state, and CSV export.
 * It is also what the browser tests read: the canvas unmounts nodes outside the viewport, the
 * table never does, and reading what a user reads needs no test-only hook in the production build.
 */
export function LineageTable({ display, title, onSelect }: LineageTableProps) {
  const name = (id: string) => {
    const n = display.nodes.find((x) => x.id === id);
    return n ? nodeLabel(n) : id;
  };
  const slug = title.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '') || 'lineage';
  const highlightedColumns = display.columnEdges.filter((c) => c.highlighted);
  return (
    <div className="lineage-table">
      <div className="lineage-table__header">
        <h2 className="lineage-table__title">Nodes</h2>
        <button type="button" className="button" onClick={() => downloadCsv(`${slug}-nodes.csv`, nodeCsvRows(display))}>
          Export nodes as CSV
        </button>
        <button type="button" className="button" onClick={() => downloadCsv(`${slug}-edges.csv`, edgeCsvRows(display))}>
          Export edges as CSV
        </button>
      </div>
      <div className="table-wrap">
        <table className="table" aria-label="Lineage nodes">
          <thead>
            <tr>
              <th scope="col">Node</th>
              <th scope="col">Kind</th>
              <th scope="col">Namespace</th>
              <th scope="col">Products</th>
              <th scope="col">Status</th>
              <th scope="col">Highlight</th>
            </tr>
          </thead>
          <tbody>
            {display.nodes.map((n) => (
              <tr key={n.id} data-node-id={n.id} data-highlight={n.state} aria-selected={n.state === 'selected' || undefined}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onSelect(n.id)} aria-pressed={n.state === 'selected'}>
                    {nodeLabel(n)}
                  </button>
                  {n.focus && <span className="lineage-table__focus"> (focus)</span>}
                </th>
                <td>{n.kind === 'GROUP' ? 'group' : n.kind.toLowerCase()}</td>
                <td>{n.node?.namespace ?? ''}</td>
                <td>{(n.node?.products ?? []).map((p) => `${p.name} (${p.owner})`).join(', ')}</td>
                <td>{nodeStatus(n)}</td>
                <td>{HIGHLIGHT_WORDS[n.state]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="lineage-table__title">Edges</h2>
      <div className="table-wrap">
        <table className="table" aria-label="Lineage edges">
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Highlight</th>
            </tr>
          </thead>
          <tbody>
            {display.edges.map((e) => (
              <tr key={e.key} data-highlight={e.highlighted ? 'highlighted' : 'none'}>
                <td title={e.origin}>{name(e.origin)}</td>
                <td title={e.destination}>{name(e.destination)}</td>
                <td>{e.highlighted ? 'highlighted' : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {display.columnEdges.length > 0 && (
        <>
          <h2 className="lineage-table__title">Column lineage</h2>
          <div className="table-wrap">
            <table className="table" aria-label="Column lineage">
              <thead>
                <tr>
                  <th scope="col">From column</th>
                  <th scope="col">To column</th>
                  <th scope="col">Highlight</th>
                </tr>
              </thead>
              <tbody>
                {(highlightedColumns.length ? highlightedColumns : display.columnEdges).map((c) => (
                  <tr key={c.key} data-highlight={c.highlighted ? 'highlighted' : 'none'}>
                    <td>
                      {name(c.from.node)}.{c.from.field}
                    </td>
                    <td>
                      {name(c.to.node)}.{c.to.field}
                    </td>
                    <td>{c.highlighted ? 'highlighted' : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
