import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState } from 'react';
import { meQuery } from '../api/queries';
import { signOut, useToken } from '../auth/session';

/**
 * The header's user menu: a disclosure button with the principal's name, opening a panel with
 * id, kind, teams, roles and "Sign out". Escape or a click elsewhere closes it; focus returns
 * to the button.
 */
export function UserMenu() {
  const token = useToken();
  // not asked once signed out (the shell is still shown while leaving)
  const me = useQuery({ ...meQuery, enabled: token !== null });
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const doSignOut = () => {
    signOut();
    queryClient.clear();
    void navigate({ to: '/sign-in', search: {} });
  };

  const name = me.data?.name ?? (me.isPending ? 'Loading…' : 'Signed in');
  return (
    <div className="user-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="user-menu__avatar" aria-hidden="true">
          {(me.data?.name ?? '?').trim().charAt(0).toUpperCase() || '?'}
        </span>
        <span className="user-menu__name">{name}</span>
        <span className="visually-hidden">: account menu</span>
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!open}>
        {me.data ? (
          <dl className="user-menu__facts">
            <dt>Name</dt>
            <dd>{me.data.name}</dd>
            <dt>Id</dt>
            <dd>
              <code>{me.data.id}</code>
            </dd>
            <dt>Kind</dt>
            <dd>{me.data.kind}</dd>
            <dt>Teams</dt>
            <dd>{me.data.teams.length ? me.data.teams.join(', ') : 'none'}</dd>
            <dt>Roles</dt>
            <dd>{me.data.roles.length ? me.data.roles.join(', ') : 'none'}</dd>
          </dl>
        ) : (
          <p>{me.isError ? 'Who you are could not be loaded.' : 'Loading…'}</p>
        )}
        <button type="button" className="button user-menu__sign-out" onClick={doSignOut}>
          Sign out
        </button>
      </div>
    </div>
  );
}
