import { describe, expect, it } from 'vitest';
import { mergeAnswers } from './model';
import { apiGraph } from './testGraph';
import { buildView, FAN_OUT_LIMIT, groupId, parseGroupId } from './view';

/** dataset:ns:src feeds `n` jobs, each writing one dataset. */
function fanOut(n: number): [string, string][] {
  return Array.from({ length: n }, (_, i) => [
    ['dataset:ns:src', `job:ns:j${String(i).padStart(2, '0')}`],
    [`job:ns:j${String(i).padStart(2, '0')}`, `dataset:ns:out${String(i).padStart(2, '0')}`],
  ]).flat() as [string, string][];
}

const options = { focus: ['dataset:ns:src'], pinned: new Set<string>(), openGroups: new Set<string>() };

describe('group nodes', () => {
  it('draws a fan-out of 20 as it is', () => {
    const view = buildView(mergeAnswers([apiGraph(fanOut(FAN_OUT_LIMIT))]), options);
    expect(view.groups).toEqual([]);
    expect(view.nodes).toHaveLength(41);
  });

  it('collapses more than 20 neighbours into one group, hiding what lies beyond them', () => {
    const view = buildView(mergeAnswers([apiGraph(fanOut(25))]), options);
    expect(view.groups).toHaveLength(1);
    const [group] = view.groups;
    expect(group).toMatchObject({ id: groupId('downstream', 'dataset:ns:src'), anchor: 'dataset:ns:src', direction: 'downstream', total: 25, open: false });
    expect(group!.members).toHaveLength(25);
    expect(view.nodes.map((n) => n.id)).toEqual(['dataset:ns:src']);
    expect(view.edges).toEqual([{ origin: 'dataset:ns:src', destination: group!.id }]);
    expect(view.hiddenCount).toBe(50);
    expect(parseGroupId(group!.id)).toEqual({ direction: 'downstream', anchor: 'dataset:ns:src' });
  });

  it('draws pinned members (added from the group) and what they lead to', () => {
    const graph = mergeAnswers([apiGraph(fanOut(25))]);
    const view = buildView(graph, { ...options, pinned: new Set(['job:ns:j03']) });
    expect(view.nodes.map((n) => n.id).sort()).toEqual(['dataset:ns:out03', 'dataset:ns:src', 'job:ns:j03']);
    expect(view.groups[0]!.members).toHaveLength(24);
  });

  it('draws every member of an open group, and lists it so it can be closed again', () => {
    const graph = mergeAnswers([apiGraph(fanOut(25))]);
    const view = buildView(graph, { ...options, openGroups: new Set([groupId('downstream', 'dataset:ns:src')]) });
    expect(view.nodes).toHaveLength(51);
    expect(view.groups[0]!.open).toBe(true);
    expect(view.edges.some((e) => e.destination.startsWith('group:'))).toBe(false);
  });

  it('never hides the way back to the focus: a job reached from the focus keeps it', () => {
    // the focus is one of 25 outputs of a job: the job's other outputs are grouped, the focus and job stay
    const edges = Array.from({ length: 25 }, (_, i) => ['job:ns:big', `dataset:ns:o${i}`] as [string, string]);
    const view = buildView(mergeAnswers([apiGraph(edges)]), { ...options, focus: ['dataset:ns:o7'] });
    expect(view.nodes.map((n) => n.id).sort()).toEqual(['dataset:ns:o7', 'job:ns:big']);
    expect(view.groups[0]).toMatchObject({ anchor: 'job:ns:big', direction: 'downstream', total: 25 });
    expect(view.groups[0]!.members).toHaveLength(24);
  });
});
