import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { ProblemView } from '../components/ProblemView';
import { LineageActionsContext, type LineageActions } from './lineage/actions';
import { display as toDisplay } from './lineage/display';
import { graphState, usePublishedGraphState } from './lineage/graphState';
import { GroupPanel } from './lineage/GroupPanel';
import { LineageCanvas } from './lineage/LineageCanvas';
import { LineageTable } from './lineage/LineageTable';
import { LineageToolbar } from './lineage/LineageToolbar';
import type { Direction, Graph } from './lineage/model';
import { NodePanel } from './lineage/NodePanel';
import { useMaxNodes, useServerPath } from './lineage/queries';
import { useLineageData } from './lineage/useLineageData';
import { warmUpLayout } from './lineage/layoutClient';
import { useLayout } from './lineage/useLayout';
import { decodeExpansions, decodeList, decodePath, encodeExpansions, encodeList, withExpansion, withoutExpansionsOf, type Expansion } from './lineage/urlState';
import { buildView, isGroupId, type ViewGraph } from './lineage/view';
import '../styles/lineage.css';

const route = getRouteApi('/_app/lineage');

/**
 * `/lineage`: the lineage explorer. Opens on a product's own datasets and jobs (`?product=`) or on a node
 * (`?node=`) with one hop up and one down; every node can be expanded; fan-outs over 20 are group
 * nodes; selecting highlights upstream and downstream, two nodes give the path between them,
 * datasets can show their columns and column lineage. All of it is in the URL. The graph has a
 * table twin (and CSV), and more than the server's node limit is refused, with how to narrow it.
 */
export default function LineagePage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const direction = search.direction ?? 'both';
  const depth = search.depth ?? 1;
  const layoutDir = search.layout ?? 'lr';
  const view = search.view ?? 'graph';
  const expansions = useMemo(() => decodeExpansions(search.expanded), [search.expanded]);
  const openGroups = useMemo(() => new Set(decodeList(search.groups)), [search.groups]);
  const columns = useMemo(() => new Set(decodeList(search.columns)), [search.columns]);
  const path = useMemo(() => decodePath(search.path), [search.path]);
  const { maxNodes, pending: settingsPending } = useMaxNodes();
  const serverPath = useServerPath(path);
  const pathFound = serverPath.data?.found ? serverPath.data : undefined;

  const hasStart = Boolean(search.product || search.node);
  useEffect(() => {
    if (hasStart && view === 'graph') warmUpLayout();
  }, [hasStart, view]);

  const lineage = useLineageData({ product: search.product, node: search.node, depth, direction, expansions, path: pathFound, maxNodes, limitKnown: !settingsPending });
  const graph = useMemo(() => labelFocus(lineage.graph, lineage.focus, lineage.product), [lineage.graph, lineage.focus, lineage.product]);
  const selected = search.selected;
  const pinned = useMemo(
    () => new Set([...expansions.map((e) => e.node), ...(selected && !isGroupId(selected) ? [selected] : []), ...(path ?? []), ...(pathFound?.nodes ?? [])]),
    [expansions, selected, path, pathFound],
  );
  const viewGraph: ViewGraph = useMemo(() => buildView(graph, { focus: lineage.focus, pinned, openGroups }), [graph, lineage.focus, pinned, openGroups]);
  const shown = useMemo(
    () => toDisplay(viewGraph, { focus: lineage.focus, selected, path, columns, field: search.field }),
    [viewGraph, lineage.focus, selected, path, columns, search.field],
  );
  const drawnCount = shown.nodes.length;
  const tooMany = lineage.truncated || drawnCount > maxNodes;
  const layout = useLayout(shown, layoutDir, view === 'graph' && !tooMany && !lineage.pending);
  const loaded = Boolean(search.product || search.node) && !lineage.pending && !lineage.error;
  const state = useMemo(
    () =>
      loaded
        ? graphState(shown, {
            view,
            ready: view === 'graph' && !tooMany && layout.ready,
            layoutMs: layout.result?.ms ?? null,
            layoutCached: layout.result?.cached ?? false,
            tooMany,
            selected: selected ?? null,
            field: search.field ?? null,
          })
        : null,
    [loaded, shown, view, tooMany, layout.ready, layout.result, selected, search.field],
  );
  usePublishedGraphState(state);

  type Patch = Partial<typeof search>;
  const update = (patch: Patch) => void navigate({ search: (prev) => ({ ...prev, ...patch }) });
  const setExpansions = (list: Expansion[]) => update({ expanded: encodeExpansions(list) });
  const actions: LineageActions = {
    layout: layoutDir,
    select: (id) => update({ selected: id === selected ? undefined : id, field: undefined }),
    expand: (id, d: Direction) => setExpansions(withExpansion(expansions, { kind: d === 'upstream' ? 'u' : 'd', node: id })),
    selectColumn: (node, field) => update({ selected: node, field: node === selected && field === search.field ? undefined : field }),
  };

  const title = lineage.product ? `Lineage of ${lineage.product.name}` : search.node ? `Lineage of ${graph.nodes.get(lineage.focus[0] ?? '')?.name ?? search.node}` : 'Lineage';
  if (!search.product && !search.node) {
    return (
      <Page title="Lineage" description="What feeds a dataset, job or data product, and what it feeds.">
        <LineageStart onOpen={(s) => void navigate({ search: s })} />
      </Page>
    );
  }

  const selectedItem = shown.nodes.find((n) => n.id === selected);
  const selectedGroup = selectedItem?.group;
  const openAnchored = viewGraph.groups.filter((g) => g.open && g.anchor === selected);
  const groupsClosed = shown.nodes.filter((n) => n.kind === 'GROUP');
  const hiddenInGroups = groupsClosed.reduce((sum, g) => sum + (g.group?.members.length ?? 0), 0);

  return (
    <Page title={title} description="Datasets and jobs as lineage reported them, with the data products they belong to. Depth counts hops: each dataset and job is one.">
      <LineageToolbar
        direction={direction}
        depth={depth}
        layout={layoutDir}
        view={view}
        canReset={expansions.length > 0 || openGroups.size > 0}
        onChange={(patch) => update(patch)}
        onReset={() => update({ expanded: undefined, groups: undefined })}
      />
      {lineage.error ? (
        <ProblemView error={lineage.error} onRetry={lineage.retry} />
      ) : lineage.pending ? (
        <Loading label="Loading lineage…" />
      ) : lineage.focus.length === 0 ? (
        <div className="empty-state">
          <p>{lineage.product ? `No lineage event has named a dataset of ${lineage.product.name} yet.` : 'No lineage event has named this node yet.'}</p>
        </div>
      ) : (
        <LineageActionsContext.Provider value={actions}>
          <p className="lineage-summary" role="status" aria-live="polite">
            {drawnCount - groupsClosed.length} nodes and {shown.edges.length} edges drawn
            {groupsClosed.length > 0 && `, ${hiddenInGroups} more in ${groupsClosed.length} group${groupsClosed.length === 1 ? '' : 's'}`}.
            {selectedItem && !selectedGroup && ` Selected ${selectedItem.node?.name}: ${shown.counts.upstream} upstream, ${shown.counts.downstream} downstream highlighted.`}
            {shown.path === 'none' &&
              (serverPath.isPending
                ? ' Looking for a path…'
                : serverPath.data?.truncated
                  ? ' No path found among the nodes searched; the search stopped at its limit, so a longer way round may exist.'
                  : ' Lineage does not connect these two nodes (within 20 hops).')}
            {shown.path && shown.path !== 'none' && ` Path of ${shown.path.nodes.length} nodes highlighted.`}
            {search.field && ` Column ${search.field} selected.`}
          </p>
          {lineage.unseen.length > 0 && (
            <p className="notice lineage-unseen">
              No lineage event has named {lineage.unseen.length === 1 ? 'this declared output' : `these ${lineage.unseen.length} declared outputs`} yet: {lineage.unseen.map((id) => id.slice(id.lastIndexOf(':') + 1)).join(', ')}.
            </p>
          )}
          <div className="lineage">
            <div className="lineage__main">
              {tooMany ? (
                <div className="notice notice--warning lineage-too-many" role="alert">
                  <p>
                    This view has more than {maxNodes} nodes, more than the console draws at once{lineage.truncated ? ' (the walk stopped there)' : ''}. Narrow it: lower the
                    depth, show one direction only, or reset the expansions. The table lists what was loaded.
                  </p>
                </div>
              ) : null}
              {view === 'table' ? (
                <LineageTable display={shown} title={title} onSelect={actions.select} />
              ) : tooMany ? null : layout.error ? (
                <ProblemView error={layout.error} />
              ) : (
                <div
                  className="lineage-graph"
                  data-state={layout.ready ? 'ready' : 'layout'}
                  data-layout-ms={layout.result?.ms ?? ''}
                  aria-busy={!layout.ready || undefined}
                  aria-label="Lineage graph"
                  role="region"
                >
                  {!layout.ready && <Loading label={`Laying out ${drawnCount} nodes…`} />}
                  {layout.result && (
                    <LineageCanvas
                      key={`${lineage.focus.join(',')}|${layoutDir}`}
                      display={shown}
                      positions={layout.result.positions}
                      focus={lineage.focus[0]}
                      vertical={layoutDir === 'tb'}
                      onSelect={actions.select}
                    />
                  )}
                </div>
              )}
            </div>
            {selectedItem && (
              <aside className="lineage__side" aria-label="Selection">
                {selectedGroup ? (
                  <GroupPanel
                    key={selectedGroup.id}
                    group={selectedGroup}
                    anchorName={graph.nodes.get(selectedGroup.anchor)?.name ?? selectedGroup.anchor}
                    drawn={new Set(shown.nodes.map((n) => n.id))}
                    onAdd={(id) => update({ expanded: encodeExpansions(withExpansion(expansions, { kind: 'n', node: id })), selected: id })}
                    onOpen={() => update({ groups: encodeList([...openGroups, selectedGroup.id]), selected: selectedGroup.anchor })}
                    onClose={() => update({ selected: undefined })}
                  />
                ) : (
                  <NodePanel
                    key={selectedItem.id}
                    item={selectedItem}
                    display={shown}
                    columnsShown={columns.has(selectedItem.id)}
                    field={search.field}
                    pathTo={path && path[0] === selectedItem.id ? path[1] : undefined}
                    expanded={{ upstream: expansions.some((e) => e.node === selectedItem.id && e.kind === 'u'), downstream: expansions.some((e) => e.node === selectedItem.id && e.kind === 'd') }}
                    onExpand={(d) => actions.expand(selectedItem.id, d)}
                    onCollapse={() => setExpansions(withoutExpansionsOf(expansions, selectedItem.id))}
                    onToggleColumns={() => {
                      const next = new Set(columns);
                      if (next.has(selectedItem.id)) next.delete(selectedItem.id);
                      else next.add(selectedItem.id);
                      update({ columns: encodeList([...next]), field: undefined });
                    }}
                    onSelectColumn={(field) => actions.selectColumn(selectedItem.id, field)}
                    onFocus={() => void navigate({ search: { node: selectedItem.id, layout: search.layout, view: search.view } })}
                    onPath={(to) => update({ path: to ? encodeList([selectedItem.id, to]) : undefined })}
                    onClose={() => update({ selected: undefined, field: undefined })}
                  />
                )}
                {openAnchored.map((g) => (
                  <div key={g.id} className="lineage-panel__actions">
                    <button type="button" className="button" onClick={() => update({ groups: encodeList([...openGroups].filter((id) => id !== g.id)) })}>
                      Collapse the {g.members.length} {g.direction} into a group
                    </button>
                  </div>
                ))}
              </aside>
            )}
          </div>
        </LineageActionsContext.Provider>
      )}
    </Page>
  );
}

/** The product's datasets carry its name and owner even before the server labels nodes with their products. */
function labelFocus(graph: Graph, focus: readonly string[], product: { name: string; owner: string } | null): Graph {
  if (!product) return graph;
  const missing = focus.filter((id) => !graph.nodes.get(id)?.products.some((p) => p.name === product.name));
  if (!missing.length) return graph;
  const nodes = new Map(graph.nodes);
  for (const id of missing) {
    const n = nodes.get(id);
    if (n) nodes.set(id, { ...n, products: [...n.products, product] });
  }
  return { nodes, edges: graph.edges };
}

/** Without a product or node: where to start. */
function LineageStart({ onOpen }: { onOpen(search: { product?: string; node?: string }): void }) {
  const [product, setProduct] = useState('');
  const [node, setNode] = useState('');
  const submit = (e: FormEvent, s: { product?: string; node?: string }) => {
    e.preventDefault();
    onOpen(s);
  };
  return (
    <div className="lineage-start">
      <form onSubmit={(e) => submit(e, { product: product.trim() })} className="lineage-start__form">
        <label className="label" htmlFor="lineage-start-product">
          Data product
        </label>
        <input id="lineage-start-product" className="input" value={product} onChange={(e) => setProduct(e.target.value)} placeholder="orders-daily" />
        <button type="submit" className="button button--primary" disabled={!product.trim()}>
          Open its lineage
        </button>
      </form>
      <form onSubmit={(e) => submit(e, { node: node.trim() })} className="lineage-start__form">
        <label className="label" htmlFor="lineage-start-node">
          Dataset or job id
        </label>
        <input id="lineage-start-node" className="input" value={node} onChange={(e) => setNode(e.target.value)} placeholder="dataset:<namespace>:<name> or job:<namespace>:<name>" />
        <button type="submit" className="button button--primary" disabled={!node.trim()}>
          Open its lineage
        </button>
      </form>
    </div>
  );
}
