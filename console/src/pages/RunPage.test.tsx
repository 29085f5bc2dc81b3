import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { signIn } from '../auth/session';
import { fakeFetch, json, problem } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';
import { OLGA, path, query } from './product/testing';
import { durationMs, formatDuration, runWindow, spanOf, taskName, taskRows, type RunDetail } from './runs/taskRuns';

const NS = 'airflow-prod';
const at = (s: number) => new Date(Date.UTC(2026, 10, 29, 2, 0, s)).toISOString();
const ID = '5f0c2d3a-1111-4222-8333-000000000001';

const RUN: RunDetail = {
  id: ID,
  source: 'gatehouse',
  lineageRunId: 'dag-run',
  orchestrator: 'airflow-prod',
  environment: 'prod',
  product: 'orders-daily',
  revision: 3,
  target: { kind: 'dag', dagId: 'orders_daily' },
  status: 'succeeded',
  nativeStatus: 'success',
  steps: [],
  error: null,
  requestedBy: 'olga',
  requestedAt: at(0),
  startedAt: at(0),
  endedAt: at(30),
  updatedAt: at(30),
  externalUrl: null,
  live: false,
  lineage: {
    runId: 'dag-run',
    job: `job:${NS}:orders_daily`,
    status: 'succeeded',
    startedAt: at(0),
    endedAt: at(30),
    errorMessage: null,
    inputs: ['dataset:postgres://wh:5432:raw.orders'],
    outputs: [],
    tasks: [
      {
        runId: 'try-2',
        job: `job:${NS}:orders_daily.load`,
        status: 'succeeded',
        startedAt: at(10),
        endedAt: at(25),
        errorMessage: null,
        tries: [
          { try: 1, runId: 'try-1', status: 'failed', startedAt: at(10), endedAt: at(15), errorMessage: 'connection reset by peer' },
          { try: 2, runId: 'try-2', status: 'succeeded', startedAt: at(20), endedAt: at(25), errorMessage: null },
        ],
        inputs: ['dataset:postgres://wh:5432:raw.orders'],
        outputs: ['dataset:postgres://wh:5432:analytics.orders_daily'],
      },
      { runId: 'x', job: `job:${NS}:orders_daily.extract`, status: 'succeeded', startedAt: at(1), endedAt: at(9), errorMessage: null, tries: [{ try: 1, runId: 'x', status: 'succeeded', startedAt: at(1), endedAt: at(9), errorMessage: null }], inputs: [], outputs: [] },
    ],
  },
};

describe('run model', () => {
  it('one row per task in start order, named without the DAG, with its tries', () => {
    const rows = taskRows(RUN);
    expect(rows.map((r) => [r.name, r.status, r.tries.length])).toEqual([
      ['extract', 'succeeded', 1],
      ['load', 'succeeded', 2],
    ]);
    expect(taskName('job:ns:other.task', 'job:ns:orders_daily')).toBe('other.task');
  });

  it('durations and spans on the run window', () => {
    expect(formatDuration(durationMs(at(10), at(25)))).toBe('15 s');
    expect(formatDuration(860)).toBe('0.9 s');
    expect(formatDuration(65_000)).toBe('1 min 5 s');
    expect(formatDuration(3_780_000)).toBe('1 h 3 min');
    expect(formatDuration(null)).toBe('—');
    const window = runWindow(RUN, taskRows(RUN))!;
    expect(window.end - window.start).toBe(30_000);
    expect(spanOf(window, at(10), at(25))).toEqual({ offset: 1 / 3, width: 0.5 });
    expect(spanOf(window, null, null)).toBeNull();
  });

  it('falls back to the orchestrator’s steps when no lineage arrived', () => {
    const rows = taskRows({ ...RUN, lineage: null, steps: [{ name: 'load', status: 'running', startedAt: at(3), endedAt: null }] });
    expect(rows).toEqual([{ key: 'load', name: 'load', job: null, status: 'running', startedAt: at(3), endedAt: null, errorMessage: null, tries: [] }]);
  });
});

function server(run: RunDetail) {
  return fakeFetch((r) => {
    const p = path(r);
    if (p === '/api/v1/me') return json(OLGA);
    if (p === `/api/v1/runs/${ID}`) return json(run);
    if (p === '/api/v1/runs/00000000-0000-4000-8000-000000000000') return problem(404, 'not_found', 'Not found');
    if (p === '/api/v1/runs') {
      const q = query(r);
      return json({ items: q.status === 'cancelled' ? [] : [run], nextCursor: q.cursor ? null : 'c2' });
    }
    if (p === '/api/v1/orchestrators') return json({ items: [{ name: 'airflow-prod', kind: 'airflow', environment: 'prod', baseUrl: 'http://airflow', lineageNamespace: NS, health: { healthy: true, version: '2.10.0', details: {} } }] });
    return new Response(null, { status: 404 });
  });
}

describe('the runs pages', () => {
  it('run detail: each task once with its final state; the tries open on demand; the external link', async () => {
    server({ ...RUN, externalUrl: 'http://airflow.example/dags/orders_daily/grid?dag_run_id=x' });
    signIn('ghs_olga');
    renderApp(`/runs/${ID}`);
    const tasks = await screen.findByRole('table', { name: 'Task runs' });
    const load = within(tasks).getByRole('row', { name: /^load/ });
    expect(within(load).getByText('Succeeded')).toBeTruthy();
    expect(within(load).getByRole('cell', { name: '15 s' })).toBeTruthy();
    expect(within(tasks).getByRole('link', { name: 'load' }).getAttribute('href')).toBe(`/lineage?node=${encodeURIComponent(`job:${NS}:orders_daily.load`)}`);
    const tries = screen.getByRole('table', { name: 'Tries of load', hidden: true });
    expect(tries.closest('tr')!.hidden).toBe(true);
    const toggle = within(load).getByRole('button', { name: 'Show 2 tries of load' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(tries.closest('tr')!.hidden).toBe(false);
    const rows = within(tries).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Try 1', 'Try 2']);
    expect(within(rows[0]!).getByText('connection reset by peer')).toBeTruthy();
    expect(within(rows[0]!).getByText('Failed')).toBeTruthy();
    // the one-try task has no toggle
    expect(within(within(tasks).getByRole('row', { name: /^extract/ })).getByText('1 try')).toBeTruthy();
    const external = screen.getByRole('link', { name: 'Open in Airflow (opens in a new tab)' });
    expect(external.getAttribute('href')).toBe('http://airflow.example/dags/orders_daily/grid?dag_run_id=x');
    expect(external.getAttribute('rel')).toBe('noopener noreferrer');
    // the datasets read and written, each opening the lineage explorer
    const read = screen.getByRole('list', { name: 'Datasets read' });
    expect(within(read).getByRole('link', { name: 'raw.orders' }).getAttribute('href')).toBe(`/lineage?node=${encodeURIComponent('dataset:postgres://wh:5432:raw.orders')}`);
    expect(within(screen.getByRole('list', { name: 'Datasets written' })).getAllByRole('link').map((a) => a.textContent)).toEqual(['analytics.orders_daily']);
  });

  it('run detail: an unknown run is not found; a run without lineage says why it has no tasks', async () => {
    server({ ...RUN, lineage: null });
    signIn('ghs_olga');
    const app = renderApp('/runs/00000000-0000-4000-8000-000000000000');
    expect(await screen.findByText(/There is no run 00000000/)).toBeTruthy();
    await app.router.navigate({ to: '/runs/$id', params: { id: ID } });
    expect(await screen.findByText(/No task is known yet/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Open in/ })).toBeNull();
  });

  it('runs list: filters go to the URL and the query, pages by cursor, rows open the detail', async () => {
    const fake = server(RUN);
    signIn('ghs_olga');
    const app = renderApp('/runs');
    const table = await screen.findByRole('table', { name: 'Runs' });
    expect(within(table).getByRole('link', { name: 'Run 5f0c2d3a of orders-daily, Succeeded' }).getAttribute('href')).toBe(`/runs/${ID}`);
    await userEvent.type(screen.getByLabelText('Product'), 'orders-daily');
    await waitFor(() => expect(screen.getByRole('option', { name: 'airflow-prod' })).toBeTruthy());
    await userEvent.selectOptions(screen.getByLabelText('Orchestrator'), 'airflow-prod');
    await userEvent.selectOptions(screen.getByLabelText('Source'), 'Triggered by Gatehouse');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(app.router.state.location.search).toEqual({ product: 'orders-daily', orchestrator: 'airflow-prod', source: 'gatehouse' }));
    await waitFor(() => expect(fake.requests.some((r) => r.url.endsWith('/api/v1/runs?product=orders-daily&orchestrator=airflow-prod&source=gatehouse'))).toBe(true));
    await userEvent.click(await screen.findByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(app.router.state.location.search).toMatchObject({ cursor: 'c2', product: 'orders-daily' }));
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'Cancelled');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByText('No run matches these filters.')).toBeTruthy();
    expect(app.router.state.location.search).not.toHaveProperty('cursor');
  });
});
