#!/usr/bin/env node
// End-to-end smoke test of the local orchestrators with plain fetch:
//   Airflow 3: token, unpause, trigger orders_daily with an own dag_run_id + logical_date null + conf, duplicate id
//              -> 409, poll until success; trigger always_fails and see it fail; the OpenLineage provider's events for
//              both runs arrive at an in-process HTTP receiver with the configured API key.
//   Dagster 1.13: launchRun of sales/raw_orders + sales/orders_daily on __ASSET_JOB tagged with a request id (found
//              again via runsOrError tag filter), poll runOrError until SUCCESS; launch sales/broken_asset and see FAILURE.
// Prints timings and memory, stops everything, exits non-zero on any failure.
//
//   node scripts/orchestrators/smoke.mjs [--no-airflow] [--no-dagster] [--no-openlineage] [--keep-work-dir]

import crypto from 'node:crypto';
import { createServer } from 'node:http';
import zlib from 'node:zlib';
import { startOrchestrators, airflowToken, dagsterGraphql } from './start.mjs';

const args = new Set(process.argv.slice(2));
const RUN_TIMEOUT_MS = 180000;
const timings = {};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

function check(cond, msg) {
  if (!cond) throw new Error(`smoke: ${msg}`);
}

async function timed(name, fn) {
  const t0 = Date.now();
  try {
    return await fn();
  } finally {
    timings[name] = Date.now() - t0;
    console.log(`  ${name}: ${secs(timings[name])}`);
  }
}

async function http(method, url, { token, body } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(15000) });
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, body: json };
}

// ------------------------------------------------------------------------------------------------ OpenLineage receiver

const OL_API_KEY = `smoke-${crypto.randomBytes(6).toString('hex')}`;
const olEvents = [];

async function startOpenLineageReceiver() {
  const srv = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      try {
        let buf = Buffer.concat(chunks);
        if (req.headers['content-encoding'] === 'gzip') buf = zlib.gunzipSync(buf);
        olEvents.push({ path: req.url, authorization: req.headers.authorization, event: JSON.parse(buf.toString('utf8')) });
        res.writeHead(201).end();
      } catch (e) {
        res.writeHead(400).end(String(e));
      }
    });
  });
  await new Promise((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${srv.address().port}`, close: () => new Promise((r) => srv.close(r)) };
}

/** run_id of the Airflow DAG run an OpenLineage event belongs to (DAG events: airflowDagRun; task events: airflow). */
function olDagRunId(e) {
  const f = e.run?.facets ?? {};
  return f.airflowDagRun?.dagRun?.run_id ?? f.airflow?.dagRun?.run_id;
}

async function checkOpenLineage(okRun, failRun) {
  const want = [
    ['orders_daily', okRun, 'COMPLETE'],
    ['orders_daily.extract', okRun, 'COMPLETE'],
    ['orders_daily.transform', okRun, 'COMPLETE'],
    ['orders_daily.load', okRun, 'COMPLETE'],
    ['always_fails', failRun, 'FAIL'],
    ['always_fails.boom', failRun, 'FAIL'],
  ];
  const has = ([job, runId, type]) => olEvents.some((x) => x.event.job?.name === job && x.event.eventType === type && olDagRunId(x.event) === runId);
  const t0 = Date.now();
  while (!want.every(has) && Date.now() - t0 < 30000) await sleep(500);
  const missing = want.filter((w) => !has(w));
  check(!missing.length, `OpenLineage events missing: ${JSON.stringify(missing)}; got ${olEvents.length}: ${JSON.stringify(olEvents.map((x) => [x.event.job?.name, x.event.eventType, olDagRunId(x.event)]))}`);
  check(olEvents.every((x) => x.authorization === `Bearer ${OL_API_KEY}` && x.path === '/api/v1/lineage'), 'OpenLineage requests without the API key or on another path');
  console.log(`  airflow: ${olEvents.length} OpenLineage events received (all with Bearer api key), ${Date.now() - t0} ms after the runs ended`);
}

// ------------------------------------------------------------------------------------------------ Airflow

async function airflowSmoke(af, withOpenLineage) {
  const api = `${af.baseUrl}/api/v2`;
  const token = await timed('airflow: POST /auth/token', () => airflowToken(af.baseUrl, af.username, af.password));
  const bad = await http('POST', `${af.baseUrl}/auth/token`, { body: { username: af.username, password: 'wrong' } });
  check(bad.status === 401, `wrong password should give 401, got ${bad.status}`);
  const anon = await http('GET', `${api}/dags`);
  check(anon.status === 401 || anon.status === 403, `unauthenticated GET /dags should be refused, got ${anon.status}`);

  const dags = await http('GET', `${api}/dags?limit=100`, { token });
  const orders = dags.body.dags.find((d) => d.dag_id === 'orders_daily');
  check(orders, 'orders_daily not listed');
  check(JSON.stringify(orders.owners) === '["sales-data"]', `orders_daily owners ${JSON.stringify(orders.owners)}`);
  check(orders.tags.map((t) => t.name).sort().join(',') === 'finance,sales', `orders_daily tags ${JSON.stringify(orders.tags)}`);

  for (const dagId of ['orders_daily', 'always_fails']) {
    const r = await http('PATCH', `${api}/dags/${dagId}?update_mask=is_paused`, { token, body: { is_paused: false } });
    check(r.status === 200 && r.body.is_paused === false, `unpause ${dagId}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
  }

  const trigger = async (dagId, conf) => {
    const runId = `smoke__${crypto.randomUUID()}`;
    const r = await http('POST', `${api}/dags/${dagId}/dagRuns`, { token, body: { dag_run_id: runId, logical_date: null, conf } });
    check(r.status === 200, `trigger ${dagId}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    check(r.body.dag_run_id === runId && r.body.logical_date === null, `trigger ${dagId} echoed ${JSON.stringify(r.body).slice(0, 300)}`);
    return runId;
  };
  const waitRun = async (dagId, runId, want) => {
    const t0 = Date.now();
    for (;;) {
      const r = await http('GET', `${api}/dags/${dagId}/dagRuns/${encodeURIComponent(runId)}`, { token });
      check(r.status === 200, `get run ${dagId}/${runId}: ${r.status}`);
      if (r.body.state === 'success' || r.body.state === 'failed') {
        const tis = await http('GET', `${api}/dags/${dagId}/dagRuns/${encodeURIComponent(runId)}/taskInstances`, { token });
        const states = Object.fromEntries(tis.body.task_instances.map((t) => [t.task_id, t.state]));
        check(r.body.state === want, `${dagId} run ended ${r.body.state}, wanted ${want}; tasks ${JSON.stringify(states)}`);
        return { run: r.body, states };
      }
      check(Date.now() - t0 < RUN_TIMEOUT_MS, `${dagId} run ${runId} still ${r.body.state} after ${RUN_TIMEOUT_MS / 1000} s`);
      await sleep(500);
    }
  };

  const conf = { requested_by: 'gatehouse-smoke', ticket: 'SMOKE-1' };
  const [okRun, failRun] = await timed('airflow: trigger both', async () => [await trigger('orders_daily', conf), await trigger('always_fails', {})]);
  const dup = await http('POST', `${api}/dags/orders_daily/dagRuns`, { token, body: { dag_run_id: okRun, logical_date: null, conf } });
  check(dup.status === 409, `duplicate dag_run_id should give 409, got ${dup.status}`);

  const [ok, failed] = await Promise.all([
    timed('airflow: orders_daily trigger -> success', () => waitRun('orders_daily', okRun, 'success')),
    timed('airflow: always_fails trigger -> failed', () => waitRun('always_fails', failRun, 'failed')),
  ]);
  check(JSON.stringify(ok.run.conf) === JSON.stringify(conf), `conf round trip: ${JSON.stringify(ok.run.conf)}`);
  check(ok.run.run_type === 'manual' && ok.run.triggered_by === 'rest_api', `run_type/triggered_by ${ok.run.run_type}/${ok.run.triggered_by}`);
  check(['extract', 'transform', 'load'].every((t) => ok.states[t] === 'success'), `orders_daily tasks ${JSON.stringify(ok.states)}`);
  check(failed.states.boom === 'failed', `always_fails tasks ${JSON.stringify(failed.states)}`);
  console.log(`  airflow: orders_daily ${okRun} success ${JSON.stringify(ok.states)}; always_fails ${failRun} failed ${JSON.stringify(failed.states)}`);
  if (withOpenLineage) await timed('airflow: OpenLineage events', () => checkOpenLineage(okRun, failRun));
}

// ------------------------------------------------------------------------------------------------ Dagster

const LAUNCH = `mutation Launch($executionParams: ExecutionParams!) {
  launchRun(executionParams: $executionParams) { __typename
    ... on LaunchRunSuccess { run { runId status } }
    ... on PythonError { message stack }
    ... on InvalidSubsetError { message }
    ... on RunConflict { message }
    ... on PipelineNotFoundError { message }
    ... on RunConfigValidationInvalid { errors { message } }
  } }`;
const RUNS_BY_TAG = `query RunsByTag($tags: [ExecutionTag!]) { runsOrError(filter: { tags: $tags }) { __typename
  ... on Runs { results { runId status } } ... on PythonError { message } ... on InvalidPipelineRunsFilterError { message } } }`;
const RUN = `query Run($runId: ID!) { runOrError(runId: $runId) { __typename
  ... on Run { runId status jobName assetSelection { path } stepStats { stepKey status } assetMaterializations { assetKey { path } } tags { key value } }
  ... on RunNotFoundError { message } ... on PythonError { message } } }`;

async function dagsterSmoke(dg) {
  // Dagster 1.13's ExecutionMetadata has no runId (only tags/rootRunId/parentRunId): a caller cannot pre-assign the
  // run id, so a caller-chosen request id travels as a run tag and is found again with runsOrError(filter: {tags}).
  const launch = async (keys, tag) => {
    const requestId = `smoke-${crypto.randomUUID()}`;
    const data = await dagsterGraphql(dg.graphqlUrl, LAUNCH, {
      executionParams: {
        mode: 'default',
        runConfigData: {},
        selector: {
          repositoryLocationName: dg.locationName,
          repositoryName: dg.repositoryName,
          pipelineName: dg.assetJobName,
          assetSelection: keys.map((k) => ({ path: k })),
        },
        executionMetadata: { tags: [{ key: 'gatehouse/request_id', value: requestId }, { key: 'gatehouse/smoke', value: tag }] },
      },
    });
    const r = data.launchRun;
    check(r.__typename === 'LaunchRunSuccess', `launchRun ${tag}: ${JSON.stringify(r).slice(0, 500)}`);
    const found = await dagsterGraphql(dg.graphqlUrl, RUNS_BY_TAG, { tags: [{ key: 'gatehouse/request_id', value: requestId }] });
    const ids = found.runsOrError.results?.map((x) => x.runId) ?? [];
    check(ids.length === 1 && ids[0] === r.run.runId, `runsOrError by request tag found ${JSON.stringify(found.runsOrError)}`);
    return r.run.runId;
  };
  const waitRun = async (runId, want) => {
    const t0 = Date.now();
    for (;;) {
      const d = await dagsterGraphql(dg.graphqlUrl, RUN, { runId });
      const run = d.runOrError;
      check(run.__typename === 'Run', `runOrError ${runId}: ${JSON.stringify(run)}`);
      if (['SUCCESS', 'FAILURE', 'CANCELED'].includes(run.status)) {
        check(run.status === want, `run ${runId} ended ${run.status}, wanted ${want}; steps ${JSON.stringify(run.stepStats)}`);
        return run;
      }
      check(Date.now() - t0 < RUN_TIMEOUT_MS, `run ${runId} still ${run.status} after ${RUN_TIMEOUT_MS / 1000} s`);
      await sleep(500);
    }
  };
  const [okRun, failRun] = await timed('dagster: launch both', async () => [
    await launch([['sales', 'raw_orders'], ['sales', 'orders_daily']], 'ok'),
    await launch([['sales', 'broken_asset']], 'fail'),
  ]);
  const [ok] = await Promise.all([
    timed('dagster: raw_orders+orders_daily launch -> SUCCESS', () => waitRun(okRun, 'SUCCESS')),
    timed('dagster: broken_asset launch -> FAILURE', () => waitRun(failRun, 'FAILURE')),
  ]);
  const mats = ok.assetMaterializations.map((m) => m.assetKey.path.join('/')).sort();
  check(mats.join(',') === 'sales/orders_daily,sales/raw_orders', `materializations ${mats}`);
  check(ok.jobName === '__ASSET_JOB', `jobName ${ok.jobName}`);
  console.log(`  dagster: ${okRun} SUCCESS materialized ${mats.join(', ')}; ${failRun} FAILURE`);
}

// ------------------------------------------------------------------------------------------------ main

async function main() {
  const t0 = Date.now();
  console.log('smoke: starting orchestrators');
  const withOpenLineage = !args.has('--no-openlineage') && !args.has('--no-airflow');
  const receiver = withOpenLineage ? await startOpenLineageReceiver() : null;
  const orch = await startOrchestrators({
    airflow: !args.has('--no-airflow'),
    dagster: !args.has('--no-dagster'),
    keepWorkDir: args.has('--keep-work-dir'),
    ...(receiver ? { openlineageUrl: receiver.url, openlineageApiKey: OL_API_KEY, openlineageNamespace: 'gatehouse-smoke' } : {}),
  }).catch(async (e) => {
    await receiver?.close();
    throw e;
  });
  timings.ready = Date.now() - t0;
  console.log(`smoke: both ready in ${secs(timings.ready)} (incl. venv check); work dir ${orch.workDir}`);
  let failure = null;
  try {
    const t1 = Date.now();
    await Promise.all([orch.airflow && airflowSmoke(orch.airflow, withOpenLineage), orch.dagster && dagsterSmoke(orch.dagster)]);
    timings.checks = Date.now() - t1;
    const mem = orch.memory();
    const sum = (k) => Object.values(mem).reduce((a, m) => a + m[k], 0);
    console.log(`smoke: memory per process tree, MiB (PSS / RSS): ${Object.entries(mem).map(([n, m]) => `${n} ${m.pss}/${m.rss}`).join(', ')}; total PSS ${sum('pss')}, RSS ${sum('rss')}`);
  } catch (e) {
    failure = e;
  } finally {
    const t2 = Date.now();
    await orch.stop().catch((e) => (failure ??= e));
    timings.stop = Date.now() - t2;
    await receiver?.close();
  }
  timings.total = Date.now() - t0;
  console.log(`smoke: ready ${secs(timings.ready)}, checks ${secs(timings.checks ?? 0)}, stop ${secs(timings.stop)}, total ${secs(timings.total)}`);
  if (failure) throw failure;
  console.log('smoke: PASS');
}

main().catch((e) => {
  console.error(`smoke: FAIL\n${e.stack ?? e}`);
  process.exit(1);
});

