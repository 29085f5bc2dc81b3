import { useId, useState } from 'react';
import { Loading } from '../../components/Loading';
import { ProblemView } from '../../components/ProblemView';
import { readNode } from './model';
import { useNeighbours } from './queries';
import type { GroupNode } from './view';

export const GROUP_PAGE_SIZE = 20;

interface GroupPanelProps {
  group: GroupNode;
  anchorName: string;
  /** Nodes drawn already (listed as such instead of "Add"). */
  drawn: ReadonlySet<string>;
  onAdd(id: string): void;
  onOpen(): void;
  onClose(): void;
}

/**
 * A collapsed fan-out: the anchor's neighbours on that side as the server lists them (all of
 * them, not only those loaded), searchable by name and paged, each addable to the graph on its
 * own; or every loaded member drawn at once ("Draw all").
 */
export function GroupPanel({ group, anchorName, drawn, onAdd, onOpen, onClose }: GroupPanelProps) {
  const headingId = useId();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  // cursors of the pages before the one shown (Previous pops one)
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const page = useNeighbours(group.anchor, group.direction, q, cursor, GROUP_PAGE_SIZE);
  const items = (page.data?.items ?? []).map(readNode);
  return (
    <section className="lineage-panel" aria-labelledby={headingId}>
      <div className="lineage-panel__header">
        <h2 id={headingId} className="lineage-panel__title">
          {group.members.length} {group.direction} of {anchorName}
        </h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Clear selection
        </button>
      </div>
      <p className="lineage-panel__note">
        {anchorName} has {page.data && !q ? page.data.total : group.total} {group.direction} neighbours; more than 20 are drawn as this group. Add the ones you need, or draw
        them all.
      </p>
      <div className="lineage-panel__actions">
        <button type="button" className="button" onClick={onOpen}>
          Draw all {group.members.length}
        </button>
      </div>
      <form
        className="lineage-panel__search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(draft.trim());
          setCursors([undefined]);
        }}
      >
        <label className="label" htmlFor={`${headingId}-q`}>
          Search the group
        </label>
        <input id={`${headingId}-q`} className="input" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" className="button">
          Search
        </button>
      </form>
      {page.isPending ? (
        <Loading label="Loading neighbours…" />
      ) : page.error ? (
        <ProblemView error={page.error} onRetry={() => void page.refetch()} headingLevel={3} />
      ) : (
        <>
          <p className="lineage-panel__note" role="status">
            {page.data!.total === 0 ? 'Nothing matches.' : `${page.data!.total} match${page.data!.total === 1 ? '' : 'es'}${q ? ` for “${q}”` : ''}, page ${cursors.length}`}
          </p>
          <ul className="lineage-panel__members" aria-label="Group members">
            {items.map((m) => (
              <li key={m.id}>
                <span className="lineage-panel__member">
                  <span className="lineage-panel__kind">{m.kind === 'JOB' ? 'Job' : 'Dataset'}</span> {m.name}
                </span>
                {drawn.has(m.id) ? (
                  <span className="lineage-panel__note">in the graph</span>
                ) : (
                  <button type="button" className="button" aria-label={`Add ${m.name} to the graph`} onClick={() => onAdd(m.id)}>
                    Add
                  </button>
                )}
              </li>
            ))}
          </ul>
          <div className="lineage-panel__pager">
            <button type="button" className="button" disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>
              Previous
            </button>
            <button type="button" className="button" disabled={!page.data!.nextCursor} onClick={() => setCursors([...cursors, page.data!.nextCursor ?? undefined])}>
              Next
            </button>
          </div>
        </>
      )}
    </section>
  );
}
