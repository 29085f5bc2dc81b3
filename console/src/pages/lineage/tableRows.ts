import type { CsvRow } from '../../lib/csv';
import type { Display, DisplayNode, HighlightState } from './display';
import { runState } from './runState';

export const HIGHLIGHT_WORDS: Record<HighlightState, string> = {
  selected: 'selected',
  path: 'on path',
  upstream: 'upstream',
  downstream: 'downstream',
  dimmed: '—',
  none: '—',
};

export function nodeLabel(n: DisplayNode): string {
  if (n.group) return `${n.group.members.length} more ${n.group.direction} of ${n.group.anchor}`;
  return n.node?.name ?? n.id;
}

export function nodeStatus(n: DisplayNode): string {
  if (n.kind === 'JOB') return runState(n.node?.latestRun?.status).label;
  if (n.kind === 'DATASET') return n.node?.lastProducedAt ? `produced ${n.node.lastProducedAt}` : 'not produced yet';
  return `${n.group?.members.length ?? 0} hidden`;
}

/** The nodes table as CSV (the same columns the page shows). */
export function nodeCsvRows(display: Display): CsvRow[] {
  return [
    ['id', 'kind', 'namespace', 'name', 'products', 'owners', 'status', 'highlight'],
    ...display.nodes.map((n) => [
      n.id,
      n.kind.toLowerCase(),
      n.node?.namespace ?? '',
      nodeLabel(n),
      (n.node?.products ?? []).map((p) => p.name).join(' '),
      [...new Set((n.node?.products ?? []).map((p) => p.owner))].join(' '),
      nodeStatus(n),
      HIGHLIGHT_WORDS[n.state] === '—' ? '' : HIGHLIGHT_WORDS[n.state],
    ]),
  ];
}

export function edgeCsvRows(display: Display): CsvRow[] {
  return [['from', 'to', 'highlighted'], ...display.edges.map((e) => [e.origin, e.destination, e.highlighted])];
}
