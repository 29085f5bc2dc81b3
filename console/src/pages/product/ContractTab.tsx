import { useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { components } from '../../api/schema';
import { Loading } from '../../components/Loading';
import { ProblemView } from '../../components/ProblemView';
import { RelativeTime } from '../../components/RelativeTime';
import { StatusBadge } from '../../components/StatusBadge';

type DeclaredSchema = components['schemas']['DeclaredSchema'];
type ObservedField = components['schemas']['ObservedField'];
type DriftFinding = components['schemas']['DriftFinding'];
/** A declared field at any depth (the generated type spells out each nesting level; the deepest is open). */
type DeclaredNode = Omit<DeclaredSchema[number], 'name' | 'properties' | 'items'> & { name?: string; properties?: unknown; items?: unknown };

/** One row per declared field, nested ones by dotted path (array items as `_element`), depth first. */
export function declaredRows(properties: readonly DeclaredNode[], prefix = ''): { path: string; property: DeclaredNode }[] {
  return properties.flatMap((p) => {
    const path = `${prefix}${p.name ?? ''}`;
    return [{ path, property: p }, ...nestedRows(p, path)];
  });
}

function nestedRows(p: DeclaredNode, path: string): { path: string; property: DeclaredNode }[] {
  const items = p.items ? [{ path: `${path}._element`, property: p.items as DeclaredNode }, ...nestedRows(p.items as DeclaredNode, `${path}._element`)] : [];
  return [...declaredRows((p.properties ?? []) as DeclaredNode[], `${path}.`), ...items];
}

/** Observed fields as `path: type`, depth first. */
export function observedRows(fields: ObservedField[], prefix = ''): { path: string; type: string | null }[] {
  return fields.flatMap((f) => [{ path: `${prefix}${f.name}`, type: f.type ?? null }, ...observedRows(f.fields ?? [], `${prefix}${f.name}.`)]);
}

export function findingText(f: DriftFinding): string {
  if (f.kind === 'missing') return `${f.field}: declared (${f.declared ?? 'untyped'}), not observed`;
  if (f.kind === 'undeclared') return `${f.field}: observed (${f.observed ?? 'untyped'}), not declared`;
  return `${f.field}: observed ${f.observed}, declared ${f.declared}`;
}

const flags = (p: DeclaredNode) => [p.primaryKey && 'primary key', p.required && 'required', p.unique && 'unique'].filter(Boolean).join(', ');

/** The product's contract: each output's declared schema, what lineage observed per environment, and open drift. */
export function ContractTab({ name }: { name: string }) {
  const contract = useQuery({
    queryKey: ['products', name, 'contract'],
    queryFn: ({ signal }) => data(api.GET('/api/v1/data-products/{name}/contract', { params: { path: { name } }, signal })),
  });
  if (contract.error) return <ProblemView error={contract.error} headingLevel={3} onRetry={() => void contract.refetch()} />;
  if (!contract.data) return <Loading label="Loading the contract…" />;
  const { outputs, openDrift } = contract.data;
  if (outputs.length === 0) return <p className="empty-state">{name} declares no outputs: it promises nothing to readers yet.</p>;
  return (
    <div className="product-contract">
      <section aria-labelledby="contract-drift">
        <h3 id="contract-drift">Open drift</h3>
        {openDrift.length === 0 ? (
          <p className="product-muted">No output drifts from its declared schema.</p>
        ) : (
          <ul>
            {openDrift.map((d) => (
              <li key={d.id}>
                <StatusBadge status="failed" label="drifting" /> <code title={d.output}>{d.output}</code> in {d.environment} since <RelativeTime value={d.openedAt} />:
                <ul>
                  {d.findings.map((f) => (
                    <li key={`${f.kind}:${f.field}`}>{findingText(f)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
      {outputs.map((o, i) => (
        <section key={o.output} aria-labelledby={`contract-output-${i}`}>
          <h3 id={`contract-output-${i}`}>
            <code>{o.name}</code> <span className="product-muted">{o.namespace}</span>
          </h3>
          {o.declared ? (
            <div className="table-wrap">
              <table className="table" aria-label={`Declared schema of ${o.name}`}>
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Logical type</th>
                    <th scope="col">Physical type</th>
                    <th scope="col">Guarantees</th>
                    <th scope="col">Classification</th>
                    <th scope="col">Description</th>
                  </tr>
                </thead>
                <tbody>
                  {declaredRows(o.declared).map((r) => (
                    <tr key={r.path}>
                      <th scope="row">
                        <code>{r.path}</code>
                      </th>
                      <td>{r.property.logicalType ?? ''}</td>
                      <td>{r.property.physicalType ?? ''}</td>
                      <td>{flags(r.property)}</td>
                      <td>{r.property.classification ?? ''}</td>
                      <td>{r.property.description ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="product-muted">No schema declared for this output: drift is not checked.</p>
          )}
          <div className="table-wrap">
            <table className="table" aria-label={`Observed schema of ${o.name} per environment`}>
              <thead>
                <tr>
                  <th scope="col">Environment</th>
                  <th scope="col">Observed</th>
                  <th scope="col">Fields</th>
                  <th scope="col">Drift</th>
                </tr>
              </thead>
              <tbody>
                {o.environments.map((e) => (
                  <tr key={e.environment}>
                    <th scope="row">{e.environment}</th>
                    <td>{e.observed ? <RelativeTime value={e.observed.observedAt} /> : 'nothing reported'}</td>
                    <td>{e.observed ? observedRows(e.observed.fields).map((r) => `${r.path}${r.type ? ` ${r.type}` : ''}`).join(', ') : ''}</td>
                    <td>{e.findings.length === 0 ? (e.observed && o.declared ? 'matches' : '') : e.findings.map(findingText).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
