import { externalRunUrl } from './run-links';

const airflow3 = { kind: 'airflow' as const, baseUrl: 'http://airflow-apiserver:8080', uiUrl: 'https://airflow.example.com/', apiVersion: 'v2' as const };
const dag = { kind: 'dag' as const, dagId: 'orders daily' };
const triggered = { id: '0b5c7f3e-8f1a-4c1e-9d7a-2f0e6b1c9a10', source: 'gatehouse' as const, target: dag, lineageRunId: null };

describe('links to runs in the orchestrators’ own UIs', () => {
  it('opens an Airflow 3 run by DAG and dag_run_id, under the UI URL', () => {
    expect(externalRunUrl(airflow3, triggered, null)).toBe('https://airflow.example.com/dags/orders%20daily/runs/0b5c7f3e-8f1a-4c1e-9d7a-2f0e6b1c9a10');
    expect(externalRunUrl({ ...airflow3, uiUrl: undefined }, triggered, null)).toBe('http://airflow-apiserver:8080/dags/orders%20daily/runs/0b5c7f3e-8f1a-4c1e-9d7a-2f0e6b1c9a10');
  });

  it('uses the dag_run_id lineage named for runs only lineage reported, and Airflow 2’s grid', () => {
    const observed = { ...triggered, source: 'lineage' as const, lineageRunId: triggered.id };
    expect(externalRunUrl(airflow3, observed, 'scheduled__2026-12-01T00:00:00+00:00')).toBe('https://airflow.example.com/dags/orders%20daily/runs/scheduled__2026-12-01T00%3A00%3A00%2B00%3A00');
    expect(externalRunUrl(airflow3, observed, null)).toBeNull();
    expect(externalRunUrl({ ...airflow3, apiVersion: 'v1' }, triggered, null)).toBe('https://airflow.example.com/dags/orders%20daily/grid?dag_run_id=0b5c7f3e-8f1a-4c1e-9d7a-2f0e6b1c9a10');
  });

  it('opens a Dagster run by Dagster’s own id once lineage reported it', () => {
    const dagster = { kind: 'dagster' as const, baseUrl: 'http://dagster:3000' };
    const assets = { ...triggered, target: { kind: 'assets' as const, assetKeys: [['sales', 'orders']] } };
    expect(externalRunUrl(dagster, assets, null)).toBeNull();
    expect(externalRunUrl(dagster, { ...assets, lineageRunId: 'a1b2c3d4-0000-4000-8000-000000000000' }, null)).toBe('http://dagster:3000/runs/a1b2c3d4-0000-4000-8000-000000000000');
  });
});
