import type { Me } from '../../api/models';

const list = (items: readonly string[], one: string, many: string) => (items.length === 0 ? `no ${many}` : `${items.length === 1 ? one : many} ${items.join(', ')}`);

/** "Hello, Alice Approver — team platform · role approver." */
export function Greeting({ me }: { me: Me | undefined }) {
  if (!me) return <>Hello.</>;
  return (
    <>
      Hello, <strong>{me.name}</strong>
      {me.kind === 'service' && ' (service account)'} — {list(me.teams, 'team', 'teams')} · {list(me.roles, 'role', 'roles')}.
    </>
  );
}
