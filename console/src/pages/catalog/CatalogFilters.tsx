import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { CLASSIFICATIONS } from '../../api/enums';
import type { CatalogSearch } from '../../searchParams';
import { hasFilter, type CatalogFilter } from './catalogQuery';

/** How long typing pauses before a text filter is applied. */
export const TYPING_DELAY_MS = 350;

type TextKey = 'q' | 'owner' | 'domain' | 'tag';
const TEXT_KEYS: TextKey[] = ['q', 'owner', 'domain', 'tag'];

export interface FilterChange {
  patch: Partial<CatalogFilter>;
  /** Replace the history entry (while typing) rather than add one. */
  replace: boolean;
}

interface CatalogFiltersProps {
  search: CatalogSearch;
  onChange: (change: FilterChange) => void;
}

const norm = (text: string) => text.trim();

/**
 * The catalog's search box and filters. Selects apply at once; text filters apply when typing
 * pauses or on Enter. Every value lives in the URL (the page passes it on to the API), so the
 * inputs follow the URL when it changes otherwise (back button, "Clear filters").
 */
export function CatalogFilters({ search, onChange }: CatalogFiltersProps) {
  const id = useId();
  const [text, setText] = useState<Record<TextKey, string>>(() => Object.fromEntries(TEXT_KEYS.map((k) => [k, search[k] ?? ''])) as Record<TextKey, string>);
  // what this component last wrote to the URL, per text field (trimmed)
  const pushed = useRef<Record<TextKey, string>>({ ...text });

  // the URL changed by other means: show it
  const urlText = TEXT_KEYS.map((k) => search[k] ?? '').join('\u0000');
  useEffect(() => {
    const next = { ...text };
    let changed = false;
    for (const k of TEXT_KEYS) {
      const url = search[k] ?? '';
      if (url !== pushed.current[k]) {
        pushed.current[k] = url;
        next[k] = url;
        changed = true;
      }
    }
    if (changed) setText(next);
  }, [urlText]);

  const pending = (): Partial<CatalogFilter> => {
    const patch: Partial<CatalogFilter> = {};
    for (const k of TEXT_KEYS) {
      const value = norm(text[k]);
      if (value !== pushed.current[k]) {
        pushed.current[k] = value;
        patch[k] = value || undefined;
      }
    }
    return patch;
  };

  // typing: apply after a pause
  useEffect(() => {
    if (TEXT_KEYS.every((k) => norm(text[k]) === pushed.current[k])) return;
    const timer = setTimeout(() => {
      const patch = pending();
      if (Object.keys(patch).length) onChange({ patch, replace: true });
    }, TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch = pending();
    if (Object.keys(patch).length) onChange({ patch, replace: false });
  };

  const setField = (k: TextKey) => (e: { target: { value: string } }) => setText((t) => ({ ...t, [k]: e.target.value }));
  const select = (patch: Partial<CatalogFilter>) => onChange({ patch: { ...pending(), ...patch }, replace: false });

  const clear = () => {
    for (const k of TEXT_KEYS) pushed.current[k] = '';
    setText({ q: '', owner: '', domain: '', tag: '' });
    onChange({ patch: { q: undefined, owner: undefined, domain: undefined, tag: undefined, tier: undefined, classification: undefined, status: undefined }, replace: false });
  };

  return (
    <form className="catalog-filters" role="search" aria-label="Search the catalog" onSubmit={submit}>
      <div className="catalog-filters__search">
        <label htmlFor={`${id}-q`}>Search</label>
        <input id={`${id}-q`} className="input" type="search" value={text.q} onChange={setField('q')} placeholder="Name, title, description…" aria-describedby={`${id}-q-hint`} autoComplete="off" />
        <p id={`${id}-q-hint`} className="form__hint">
          Free text over names, titles and descriptions; results update as you type.
        </p>
      </div>
      <div className="catalog-filters__grid">
        <div className="form__field">
          <label htmlFor={`${id}-owner`}>Owner</label>
          <input id={`${id}-owner`} className="input" value={text.owner} onChange={setField('owner')} placeholder="e.g. team:sales-data" autoComplete="off" />
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-domain`}>Domain</label>
          <input id={`${id}-domain`} className="input" value={text.domain} onChange={setField('domain')} autoComplete="off" />
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-tag`}>Tag</label>
          <input id={`${id}-tag`} className="input" value={text.tag} onChange={setField('tag')} autoComplete="off" />
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-tier`}>Tier</label>
          <select id={`${id}-tier`} className="select" value={search.tier ?? ''} onChange={(e) => select({ tier: e.target.value ? Number(e.target.value) : undefined })}>
            <option value="">Any tier</option>
            {[1, 2, 3, 4].map((t) => (
              <option key={t} value={t}>
                Tier {t}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-classification`}>Classification</label>
          <select
            id={`${id}-classification`}
            className="select"
            value={search.classification ?? ''}
            onChange={(e) => select({ classification: (CLASSIFICATIONS as readonly string[]).includes(e.target.value) ? (e.target.value as CatalogFilter['classification']) : undefined })}
          >
            <option value="">Any classification</option>
            {CLASSIFICATIONS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} className="select" value={search.status ?? 'active'} onChange={(e) => select({ status: e.target.value === 'retired' || e.target.value === 'all' ? e.target.value : undefined })}>
            <option value="active">Active</option>
            <option value="retired">Retired</option>
            <option value="all">Active and retired</option>
          </select>
        </div>
      </div>
      <div className="catalog-filters__actions">
        <button type="submit" className="button">
          Apply
        </button>
        {hasFilter(search) && (
          <button type="button" className="button button--quiet" onClick={clear}>
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}
