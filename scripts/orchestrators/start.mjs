#!/usr/bin/env node
// Real Airflow 3 and Dagster 1.13 on loopback, for tests and demos. Plain Node 20 ESM, stdlib only.
//
//   import { startOrchestrators } from './scripts/orchestrators/start.mjs';
//   const o = await startOrchestrators({ airflow: true, dagster: true, workDir });
//   o.airflow  -> { baseUrl, username, password, apiVersion: 'v2', users, version, ... }
//   o.dagster  -> { baseUrl, graphqlUrl, locationName, repositoryName, assetJobName, version, ... }
//   await o.stop();
//
//   node scripts/orchestrators/start.mjs up [--no-airflow] [--no-dagster] [--work-dir DIR]
//        [--openlineage-url URL] [--openlineage-api-key KEY] [--openlineage-namespace NS]
//
// See README.md beside this file for what runs, ports, auth and known traps.

import { spawn, execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');

export const FIXTURES = Object.freeze({
  airflowDagsFolder: path.join(REPO_ROOT, 'test', 'fixtures', 'airflow', 'dags'),
  dagsterDefinitions: path.join(REPO_ROOT, 'test', 'fixtures', 'dagster', 'definitions.py'),
});
export const FIXTURE_DAG_IDS = Object.freeze(['orders_daily', 'customers_snapshot', 'always_fails']);
export const FIXTURE_ASSET_KEYS = Object.freeze([
  ['sales', 'raw_orders'],
  ['sales', 'orders_daily'],
  ['finance', 'revenue'],
  ['sales', 'broken_asset'],
]);

const DEFAULT_AIRFLOW_USERS = Object.freeze({
  admin: { password: 'admin', role: 'admin' },
  viewer: { password: 'viewer', role: 'viewer' },
});

// ---------------------------------------------------------------------------------------------------------------------
// small helpers

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Like Promise.race([promise, timeout]) but the timer never outlives the race (no stray timers keep Node alive). */
async function within(promise, ms, onTimeout) {
  let timer;
  try {
    return await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(() => resolve(onTimeout), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

function defaultLog(line) {
  process.stderr.write(`[orchestrators] ${line}\n`);
}

/** Free TCP ports on 127.0.0.1 (all held open at once so they are distinct). */
export async function freePorts(n) {
  const servers = [];
  try {
    for (let i = 0; i < n; i++) {
      const s = net.createServer();
      await new Promise((resolve, reject) => {
        s.once('error', reject);
        s.listen(0, '127.0.0.1', resolve);
      });
      servers.push(s);
    }
    return servers.map((s) => s.address().port);
  } finally {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  }
}

function tail(file, lines = 40) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.split('\n').slice(-lines - 1).join('\n');
  } catch (e) {
    return `(no log: ${e.message})`;
  }
}

/** Runs scripts/orchestrators/venv.sh for the given kinds; resolves { airflow?: path, dagster?: path }. */
export async function ensureVenvs(kinds, { log = defaultLog } = {}) {
  const out = {};
  for (const kind of kinds) {
    const t0 = Date.now();
    const stdout = await new Promise((resolve, reject) => {
      const child = execFile('bash', [path.join(HERE, 'venv.sh'), kind], { maxBuffer: 1 << 20 }, (err, so) =>
        err ? reject(new Error(`venv.sh ${kind} failed (exit ${err.code}); see its output above`)) : resolve(so),
      );
      child.stderr.on('data', (d) => {
        for (const l of String(d).split('\n')) if (l.trim() && !/ is ignored: it is neither/.test(l)) log(l);
      });
    });
    out[kind] = stdout.trim().split('\n').pop();
    log(`${kind} venv: ${out[kind]} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// process management: every service runs in its own session/process group (spawn detached) under a tiny sh wrapper.
// The wrapper's watcher blocks on a pipe from this Node process: when Node dies for any reason (even SIGKILL) the pipe
// closes, and the watcher kills the wrapper, TERMs the whole process group and KILLs it 10 s later. stop() instead
// TERMs the wrapper: it kills its watcher, forwards TERM to the service and waits for it, so shutdown is graceful.

const WRAPPER = `
exec 3<&0
"$@" </dev/null 3<&- &
child=$!
{ trap '' TERM; read -r _ <&3; kill -KILL $$ 2>/dev/null; kill -TERM 0 2>/dev/null; sleep 10; kill -KILL 0 2>/dev/null; } &
watcher=$!
exec 3<&-
trap 'kill -KILL "$watcher" 2>/dev/null; kill -TERM "$child" 2>/dev/null' TERM INT HUP
while :; do
  wait "$child"; rc=$?
  kill -0 "$child" 2>/dev/null || break
done
kill -KILL "$watcher" 2>/dev/null
exit "$rc"
`;

const live = new Set(); // services not yet reaped

function readProcs() {
  const procs = [];
  let entries = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return null; // not Linux: fall back to process-group kills only
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // rest: state ppid pgrp session ...
      if (rest[0] === 'Z') continue;
      procs.push({ pid: Number(e), ppid: Number(rest[1]), pgrp: Number(rest[2]), sid: Number(rest[3]) });
    } catch {
      /* raced with exit */
    }
  }
  return procs;
}

/** All live pids belonging to a service: its session (sid = wrapper pid) plus any descendants that left it. */
function treePids(svc, procs = readProcs()) {
  if (!procs) return [];
  const set = new Set(procs.filter((p) => p.sid === svc.pid || p.pid === svc.pid).map((p) => p.pid));
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of procs) {
      if (!set.has(p.pid) && set.has(p.ppid)) {
        set.add(p.pid);
        grew = true;
      }
    }
  }
  return [...set];
}

function signalTree(svc, signal) {
  try {
    process.kill(-svc.pid, signal);
  } catch {
    /* group gone */
  }
  for (const pid of treePids(svc)) {
    try {
      process.kill(pid, signal);
    } catch {
      /* gone */
    }
  }
}

function treeAlive(svc) {
  const procs = readProcs();
  if (procs) return treePids(svc, procs).length > 0;
  try {
    process.kill(-svc.pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Memory of a service's whole process tree in MiB (Linux only; zeros elsewhere): rss sums VmRSS (over-counts pages
 * shared between forked workers), pss sums proportional set size (shared pages split between sharers).
 */
export function memoryMiB(svc) {
  let rssKb = 0;
  let pssKb = 0;
  for (const pid of treePids(svc)) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) rssKb += Number(m[1]);
      const p = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (p) pssKb += Number(p[1]);
    } catch {
      /* gone, or not readable */
    }
  }
  return { rss: Math.round(rssKb / 1024), pss: Math.round(pssKb / 1024) };
}

function spawnService(name, cmd, args, { env, cwd, logFile }) {
  const fd = fs.openSync(logFile, 'a');
  fs.writeSync(fd, `# ${new Date().toISOString()} ${cmd} ${args.join(' ')}\n`);
  let child;
  try {
    child = spawn('/bin/sh', ['-c', WRAPPER, name, cmd, ...args], { detached: true, stdio: ['pipe', fd, fd], env, cwd });
  } finally {
    fs.closeSync(fd);
  }
  const svc = { name, pid: child.pid, logFile, child, exited: false, exitInfo: null };
  svc.exitPromise = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      svc.exited = true;
      svc.exitInfo = signal ? `signal ${signal}` : `exit code ${code}`;
      resolve();
    }),
  );
  child.stdin.on('error', () => {});
  child.unref();
  child.stdin.unref?.();
  live.add(svc);
  installExitHooks();
  return svc;
}

async function stopServices(services, { graceMs = 15000, log } = {}) {
  // SIGTERM only the wrapper: it forwards TERM to the service's main process (which shuts its own workers down, e.g.
  // LocalExecutor workers wait for a poison pill and ignore TERM) and disarms its watchdog. Whatever is left of the
  // tree after graceMs gets SIGKILL.
  for (const svc of services) {
    try {
      process.kill(svc.pid, 'SIGTERM');
    } catch {
      signalTree(svc, 'SIGTERM'); // wrapper already gone
    }
  }
  const t0 = Date.now();
  let pending = services.filter(treeAlive);
  while (pending.length && Date.now() - t0 < graceMs) {
    await sleep(200);
    pending = pending.filter(treeAlive);
  }
  for (const svc of pending) {
    log?.(`${svc.name}: still running ${graceMs / 1000} s after SIGTERM (${treePids(svc).length} processes); sending SIGKILL`);
    signalTree(svc, 'SIGKILL');
  }
  const killDeadline = Date.now() + 5000;
  while (pending.length && Date.now() < killDeadline) {
    await sleep(100);
    pending = pending.filter(treeAlive);
  }
  await within(Promise.all(services.map((s) => s.exitPromise)), 2000);
  for (const svc of services) {
    svc.child.stdin.destroy();
    live.delete(svc);
  }
  if (pending.length) throw new Error(`processes still alive after SIGKILL: ${pending.map((s) => s.name).join(', ')}`);
}

let hooksInstalled = false;
function installExitHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  // On exit without stop() the pipes to the wrappers close with this process; their watchers then TERM (and 10 s later
  // KILL) each process group. Nothing to do synchronously here beyond making that explicit.
  process.on('exit', () => {
    for (const svc of live) svc.child.stdin.destroy();
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    const handler = async () => {
      process.removeListener(sig, handler);
      try {
        await stopServices([...live], { graceMs: 8000 });
      } catch {
        /* best effort */
      }
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    };
    process.on(sig, handler);
  }
}

async function runToCompletion(name, cmd, args, opts, timeoutMs) {
  const svc = spawnService(name, cmd, args, opts);
  const r = await within(svc.exitPromise.then(() => 'done'), timeoutMs, 'timeout');
  if (r === 'timeout') {
    await stopServices([svc]);
    throw new Error(`${name} timed out after ${timeoutMs / 1000} s\n--- tail of ${opts.logFile} ---\n${tail(opts.logFile)}`);
  }
  live.delete(svc);
  if (svc.exitInfo !== 'exit code 0') {
    throw new Error(`${name} failed (${svc.exitInfo})\n--- tail of ${opts.logFile} ---\n${tail(opts.logFile)}`);
  }
}

function baseEnv(venv) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(AIRFLOW|DAGSTER_|OPENLINEAGE|PYTHONPATH$|PYTHONHOME$|VIRTUAL_ENV$|PIP_)/.test(k)) continue;
    env[k] = v;
  }
  env.PATH = `${path.join(venv, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`;
  env.VIRTUAL_ENV = venv;
  env.PYTHONDONTWRITEBYTECODE = '1'; // no __pycache__ inside the checkout's fixture folders
  env.PYTHONUNBUFFERED = '1';
  const noProxy = ['127.0.0.1', 'localhost', '::1', process.env.NO_PROXY, process.env.no_proxy].filter(Boolean).join(',');
  env.NO_PROXY = noProxy;
  env.no_proxy = noProxy;
  return env;
}

async function waitUntil(label, timeoutMs, services, probe) {
  const t0 = Date.now();
  let last = 'not probed yet';
  while (Date.now() - t0 < timeoutMs) {
    const dead = services.find((s) => s.exited);
    if (dead) {
      throw new Error(
        `${label}: process '${dead.name}' exited (${dead.exitInfo}) before becoming ready; last check: ${last}\n` +
          services.map((s) => `--- tail of ${s.logFile} ---\n${tail(s.logFile)}`).join('\n'),
      );
    }
    try {
      const r = await probe();
      if (r === true) return Date.now() - t0;
      last = String(r);
    } catch (e) {
      last = e.cause ? `${e.message}: ${e.cause.code ?? e.cause.message}` : e.message;
      if (e.fatal) {
        throw new Error(`${label}: ${last}\n` + services.map((s) => `--- tail of ${s.logFile} ---\n${tail(s.logFile)}`).join('\n'));
      }
    }
    await sleep(1000);
  }
  throw new Error(
    `${label}: not ready after ${Math.round(timeoutMs / 1000)} s; last check: ${last}\n` +
      services.map((s) => `--- tail of ${s.logFile} ---\n${tail(s.logFile)}`).join('\n'),
  );
}

async function fetchJson(url, init = {}, timeoutMs = 10000) {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: res.status, body };
}

// ---------------------------------------------------------------------------------------------------------------------
// Airflow 3

/** POST /auth/token with the simple auth manager; returns the JWT. */
export async function airflowToken(baseUrl, username, password) {
  const { status, body } = await fetchJson(`${baseUrl}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if ((status !== 200 && status !== 201) || !body?.access_token) {
    throw new Error(`POST /auth/token -> ${status} ${JSON.stringify(body).slice(0, 200)}`);
  }
  return body.access_token;
}

async function startAirflow({ venv, workDir, port, opts, log }) {
  const home = path.join(workDir, 'airflow-home');
  const logs = path.join(workDir, 'logs');
  await fsp.mkdir(home, { recursive: true });
  const users = opts.airflowUsers ?? DEFAULT_AIRFLOW_USERS;
  const passwordsFile = path.join(home, 'simple_auth_manager_passwords.json');
  await fsp.writeFile(passwordsFile, JSON.stringify(Object.fromEntries(Object.entries(users).map(([u, v]) => [u, v.password]))));
  const baseUrl = `http://127.0.0.1:${port}`;
  const dagsFolder = path.resolve(opts.airflowDagsFolder ?? FIXTURES.airflowDagsFolder);

  const env = baseEnv(venv);
  Object.assign(env, {
    AIRFLOW_HOME: home,
    AIRFLOW__CORE__DAGS_FOLDER: dagsFolder,
    AIRFLOW__CORE__LOAD_EXAMPLES: 'False',
    AIRFLOW__CORE__EXECUTOR: 'LocalExecutor',
    AIRFLOW__CORE__PARALLELISM: String(opts.airflowParallelism ?? 3),
    AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION: opts.airflowPausedAtCreation === false ? 'False' : 'True',
    AIRFLOW__CORE__AUTH_MANAGER: 'airflow.api_fastapi.auth.managers.simple.simple_auth_manager.SimpleAuthManager',
    AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS: Object.entries(users)
      .map(([u, v]) => `${u}:${v.role}`)
      .join(','),
    AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE: passwordsFile,
    AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS: 'False',
    AIRFLOW__CORE__FERNET_KEY: `${crypto.randomBytes(32).toString('base64url')}=`,
    AIRFLOW__CORE__EXECUTION_API_SERVER_URL: `${baseUrl}/execution/`,
    AIRFLOW__DATABASE__SQL_ALCHEMY_CONN: `sqlite:///${path.join(home, 'airflow.db')}`,
    AIRFLOW__API__HOST: '127.0.0.1',
    AIRFLOW__API__PORT: String(port),
    AIRFLOW__API__WORKERS: '1',
    AIRFLOW__API__BASE_URL: baseUrl,
    AIRFLOW__API__SECRET_KEY: crypto.randomBytes(24).toString('hex'),
    AIRFLOW__API__EXPOSE_CONFIG: 'False',
    AIRFLOW__API_AUTH__JWT_SECRET: crypto.randomBytes(32).toString('hex'), // shared by all components
    AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL: '5',
    AIRFLOW__DAG_PROCESSOR__MIN_FILE_PROCESS_INTERVAL: String(opts.airflowMinFileProcessInterval ?? 10),
    AIRFLOW__DAG_PROCESSOR__PARSING_PROCESSES: '1',
    AIRFLOW__DAG_PROCESSOR__PRINT_STATS_INTERVAL: '0',
    AIRFLOW__SCHEDULER__ENABLE_HEALTH_CHECK: 'False',
    AIRFLOW__LOGGING__BASE_LOG_FOLDER: path.join(home, 'logs'),
    AIRFLOW__LOGGING__COLORED_CONSOLE_LOG: 'False',
  });
  if (opts.openlineageUrl) {
    const transport = { type: 'http', url: opts.openlineageUrl, endpoint: opts.openlineageEndpoint ?? 'api/v1/lineage', timeout: 5 };
    if (opts.openlineageApiKey) transport.auth = { type: 'api_key', apiKey: opts.openlineageApiKey };
    env.AIRFLOW__OPENLINEAGE__TRANSPORT = JSON.stringify(transport);
    env.AIRFLOW__OPENLINEAGE__NAMESPACE = opts.openlineageNamespace ?? 'gatehouse-test-airflow';
    env.AIRFLOW__OPENLINEAGE__DISABLED = 'False';
  } else {
    env.AIRFLOW__OPENLINEAGE__DISABLED = 'True';
  }
  Object.assign(env, opts.airflowEnv ?? {});

  const airflowBin = path.join(venv, 'bin', 'airflow');
  const spawnOpts = (n) => ({ env, cwd: home, logFile: path.join(logs, `airflow-${n}.log`) });
  const t0 = Date.now();
  log('airflow: db migrate');
  await runToCompletion('airflow-db-migrate', airflowBin, ['db', 'migrate'], spawnOpts('db-migrate'), 300000);
  log(`airflow: db migrated in ${((Date.now() - t0) / 1000).toFixed(1)} s; starting api-server on ${baseUrl}, scheduler, dag-processor`);
  // Airflow on SQLite can lose its scheduler (or DAG processor) to "database is locked" when the
  // scheduler, the api-server and task processes write at the same moment; runs then stay queued
  // for ever. Like a process manager would, restart them (until stop() begins): both resume from
  // the metadata database.
  const supervision = { stopping: false };
  const services = [];
  const restarting = (name, args, file) => {
    const svc = spawnService(name, airflowBin, args, spawnOpts(file));
    svc.exitPromise.then(() => {
      if (supervision.stopping) return;
      log(`${name} exited (${svc.exitInfo}); restarting it`);
      services.push(restarting(name, args, file));
    });
    return svc;
  };
  services.push(
    spawnService('airflow-api-server', airflowBin, ['api-server', '--host', '127.0.0.1', '--port', String(port), '--workers', '1'], spawnOpts('api-server')),
    restarting('airflow-scheduler', ['scheduler', '--skip-serve-logs'], 'scheduler'),
    restarting('airflow-dag-processor', ['dag-processor'], 'dag-processor'),
  );
  if (opts.airflowTriggerer) services.push(spawnService('airflow-triggerer', airflowBin, ['triggerer', '--skip-serve-logs'], spawnOpts('triggerer')));

  const [username, { password }] = Object.entries(users).find(([, v]) => v.role === 'admin') ?? Object.entries(users)[0];
  const wantDags = opts.airflowDagIds ?? (opts.airflowDagsFolder ? [] : FIXTURE_DAG_IDS);
  let token = null;
  const info = { baseUrl, username, password, apiVersion: 'v2', users, home, dagsFolder, logs: Object.fromEntries(services.map((s) => [s.name, s.logFile])) };
  return {
    info,
    services,
    supervision,
    ready: async (timeoutMs) => {
      const ms = await waitUntil('airflow', timeoutMs, services, async () => {
        if (!token) token = await airflowToken(baseUrl, username, password);
        const auth = { headers: { authorization: `Bearer ${token}` } };
        const health = await fetchJson(`${baseUrl}/api/v2/monitor/health`);
        const h = health.body ?? {};
        for (const c of ['metadatabase', 'scheduler', 'dag_processor']) {
          if (h[c]?.status !== 'healthy') return `health: ${c} is ${h[c]?.status ?? 'unknown'}`;
        }
        const errs = await fetchJson(`${baseUrl}/api/v2/importErrors?limit=100`, auth);
        if (errs.status === 401) {
          token = null;
          return 'token rejected';
        }
        if (errs.body?.import_errors?.length) {
          const e = new Error(`DAG import errors:\n${errs.body.import_errors.map((x) => `${x.filename}: ${x.stack_trace}`).join('\n')}`);
          e.fatal = true;
          throw e;
        }
        const dags = await fetchJson(`${baseUrl}/api/v2/dags?limit=100`, auth);
        if (dags.status !== 200) return `GET /api/v2/dags -> ${dags.status}`;
        const have = new Set((dags.body?.dags ?? []).map((d) => d.dag_id));
        const missing = wantDags.filter((d) => !have.has(d));
        return missing.length ? `DAGs not parsed yet: ${missing.join(', ')}` : true;
      });
      const v = await fetchJson(`${baseUrl}/api/v2/version`);
      info.version = v.body?.version;
      log(`airflow ${info.version}: ready ${((Date.now() - t0) / 1000).toFixed(1)} s after db migrate started (${(ms / 1000).toFixed(1)} s after spawn)`);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Dagster 1.13

/** POST a GraphQL document to a Dagster webserver; returns `data` (throws on transport/GraphQL errors). */
export async function dagsterGraphql(graphqlUrl, query, variables = {}) {
  const { status, body } = await fetchJson(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  // Dagster answers HTTP 500 when a resolver captured an error into a PythonError union member: parse the body anyway.
  if (!body || typeof body !== 'object' || (!body.data && body.errors)) {
    throw new Error(`GraphQL ${status}: ${JSON.stringify(body).slice(0, 500)}`);
  }
  return body.data;
}

const DAGSTER_READY_QUERY = `query GatehouseReady {
  locationStatusesOrError { __typename ... on WorkspaceLocationStatusEntries { entries { name loadStatus } } ... on PythonError { message } }
  workspaceOrError { __typename ... on Workspace { locationEntries { name locationOrLoadError { __typename ... on PythonError { message stack } } } } }
  assetNodes { assetKey { path } }
  instance { runQueuingSupported daemonHealth { allDaemonStatuses { daemonType required healthy } } }
  version
}`;

async function startDagster({ venv, workDir, port, opts, log }) {
  const home = path.join(workDir, 'dagster-home');
  const logs = path.join(workDir, 'logs');
  await fsp.mkdir(home, { recursive: true });
  const definitions = path.resolve(opts.dagsterDefinitions ?? FIXTURES.dagsterDefinitions);
  await fsp.writeFile(
    path.join(home, 'dagster.yaml'),
    [
      '# written by scripts/orchestrators/start.mjs',
      'telemetry:',
      '  enabled: false',
      'nux:',
      '  enabled: false',
      'run_coordinator:', // the default since 1.10; runs are dequeued by dagster-daemon
      '  module: dagster.core.run_coordinator',
      '  class: QueuedRunCoordinator',
      '  config:',
      `    max_concurrent_runs: ${opts.dagsterMaxConcurrentRuns ?? 4}`,
      '    dequeue_interval_seconds: 1',
      'run_launcher:',
      '  module: dagster.core.launcher',
      '  class: DefaultRunLauncher',
      'code_servers:',
      '  local_startup_timeout: 180',
      '',
    ].join('\n'),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const graphqlUrl = `${baseUrl}/graphql`;
  const env = baseEnv(venv);
  Object.assign(env, { DAGSTER_HOME: home, DAGSTER_DISABLE_TELEMETRY: '1' }, opts.dagsterEnv ?? {});
  const bin = (n) => path.join(venv, 'bin', n);
  const spawnOpts = (n) => ({ env, cwd: home, logFile: path.join(logs, `dagster-${n}.log`) });
  const workspaceArgs = ['-f', definitions, '-d', path.dirname(definitions)];
  const t0 = Date.now();
  log('dagster: instance migrate');
  await runToCompletion('dagster-instance-migrate', bin('dagster'), ['instance', 'migrate'], spawnOpts('instance-migrate'), 180000);
  log(`dagster: starting webserver on ${baseUrl} and daemon`);
  const services = [
    spawnService('dagster-webserver', bin('dagster-webserver'), ['-h', '127.0.0.1', '-p', String(port), ...workspaceArgs], spawnOpts('webserver')),
    spawnService('dagster-daemon', bin('dagster-daemon'), ['run', ...workspaceArgs], spawnOpts('daemon')),
  ];
  const locationName = path.basename(definitions);
  const wantAssets = opts.dagsterAssetKeys ?? (opts.dagsterDefinitions ? [] : FIXTURE_ASSET_KEYS);
  const info = {
    baseUrl,
    graphqlUrl,
    locationName,
    repositoryName: '__repository__',
    assetJobName: '__ASSET_JOB',
    home,
    definitions,
    logs: Object.fromEntries(services.map((s) => [s.name, s.logFile])),
  };
  return {
    info,
    services,
    ready: async (timeoutMs) => {
      const ms = await waitUntil('dagster', timeoutMs, services, async () => {
        const d = await dagsterGraphql(graphqlUrl, DAGSTER_READY_QUERY);
        const entries = d.locationStatusesOrError?.entries;
        if (!entries) return `locationStatusesOrError: ${JSON.stringify(d.locationStatusesOrError)}`;
        const notLoaded = entries.filter((e) => e.loadStatus !== 'LOADED');
        if (!entries.length || notLoaded.length) return `locations loading: ${notLoaded.map((e) => e.name).join(', ') || '(none yet)'}`;
        for (const le of d.workspaceOrError?.locationEntries ?? []) {
          if (le.locationOrLoadError?.__typename === 'PythonError') {
            const e = new Error(`code location ${le.name} failed to load: ${le.locationOrLoadError.message}\n${(le.locationOrLoadError.stack ?? []).join('')}`);
            e.fatal = true;
            throw e;
          }
        }
        const have = new Set(d.assetNodes.map((n) => n.assetKey.path.join('/')));
        const missing = wantAssets.map((k) => k.join('/')).filter((k) => !have.has(k));
        if (missing.length) return `assets missing: ${missing.join(', ')}`;
        const daemons = d.instance?.daemonHealth?.allDaemonStatuses ?? [];
        const qrc = daemons.find((s) => s.daemonType === 'QUEUED_RUN_COORDINATOR');
        if (d.instance?.runQueuingSupported && !qrc?.healthy) return 'dagster-daemon (QUEUED_RUN_COORDINATOR) not healthy yet';
        info.version = d.version;
        return true;
      });
      log(`dagster ${info.version}: ready ${((Date.now() - t0) / 1000).toFixed(1)} s after instance migrate started (${(ms / 1000).toFixed(1)} s after spawn)`);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------------

/**
 * Starts real Airflow 3 and/or Dagster 1.13 processes bound to 127.0.0.1 on free ports and waits until they are usable.
 *
 * @param {object} [options]
 * @param {boolean} [options.airflow=true]
 * @param {boolean} [options.dagster=true]
 * @param {string}  [options.workDir]              homes, SQLite DBs and logs/ go here (default: a new temp dir, removed
 *                                                 by stop() unless keepWorkDir; kept when startup fails)
 * @param {boolean} [options.keepWorkDir]
 * @param {string}  [options.openlineageUrl]       Airflow OpenLineage HTTP transport URL (unset: OpenLineage disabled)
 * @param {string}  [options.openlineageApiKey]    sent as "Authorization: Bearer <key>"
 * @param {string}  [options.openlineageEndpoint]  default "api/v1/lineage"
 * @param {string}  [options.openlineageNamespace] default "gatehouse-test-airflow"
 * @param {number}  [options.readyTimeoutMs=300000]
 * @param {object}  [options.airflowUsers]         { name: { password, role } }, role viewer|user|op|admin
 * @param {(line: string) => void} [options.log]   progress lines (default: stderr); pass () => {} to silence
 * @returns {Promise<{workDir: string, airflow?: object, dagster?: object, memory: () => object, services: () => object[],
 *   stop: () => Promise<void>}>}
 */
export async function startOrchestrators(options = {}) {
  const opts = { airflow: true, dagster: true, readyTimeoutMs: 300000, ...options };
  const log = opts.log ?? defaultLog;
  if (!opts.airflow && !opts.dagster) throw new Error('startOrchestrators: nothing to start');
  const createdWorkDir = !opts.workDir;
  const workDir = path.resolve(opts.workDir ?? (await fsp.mkdtemp(path.join(os.tmpdir(), 'gatehouse-orch-'))));
  await fsp.mkdir(path.join(workDir, 'logs'), { recursive: true });
  log(`work dir: ${workDir}`);

  const kinds = [opts.airflow && 'airflow', opts.dagster && 'dagster'].filter(Boolean);
  const venvs = await ensureVenvs(kinds, { log });
  const [airflowPort, dagsterPort] = await freePorts(2);

  const all = [];
  const result = { workDir, airflow: undefined, dagster: undefined };
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const x of all) if (x.supervision) x.supervision.stopping = true;
    await stopServices(all.flatMap((x) => x.services), { log });
    if (createdWorkDir && !opts.keepWorkDir) await fsp.rm(workDir, { recursive: true, force: true });
  };
  result.stop = stop;
  result.memory = () => Object.fromEntries(all.flatMap((x) => x.services).map((s) => [s.name, memoryMiB(s)]));
  result.services = () => all.flatMap((x) => x.services).map((s) => ({ name: s.name, pid: s.pid, logFile: s.logFile, exited: s.exited }));

  const fail = async (e) => {
    stopped = true;
    for (const x of all) if (x.supervision) x.supervision.stopping = true;
    await stopServices(all.flatMap((x) => x.services)).catch(() => {});
    e.message = `${e.message}\n(logs kept in ${path.join(workDir, 'logs')})`;
    throw e;
  };
  const starters = [];
  if (opts.airflow) starters.push(startAirflow({ venv: venvs.airflow, workDir, port: airflowPort, opts, log }));
  if (opts.dagster) starters.push(startDagster({ venv: venvs.dagster, workDir, port: dagsterPort, opts, log }));
  // settle every starter before judging, so a failure in one never leaves the other's processes behind
  const started = await Promise.allSettled(starters);
  for (const s of started) if (s.status === 'fulfilled') all.push(s.value);
  result.airflow = all.find((x) => x.services[0]?.name.startsWith('airflow'))?.info;
  result.dagster = all.find((x) => x.services[0]?.name.startsWith('dagster'))?.info;
  const startErr = started.find((s) => s.status === 'rejected');
  if (startErr) await fail(startErr.reason);
  const ready = await Promise.allSettled(all.map((x) => x.ready(opts.readyTimeoutMs)));
  const readyErr = ready.find((s) => s.status === 'rejected');
  if (readyErr) await fail(readyErr.reason);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------------
// CLI

function parseArgs(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => argv[++i];
    if (a === '--no-airflow') o.airflow = false;
    else if (a === '--no-dagster') o.dagster = false;
    else if (a === '--work-dir') o.workDir = val();
    else if (a === '--keep-work-dir') o.keepWorkDir = true;
    else if (a === '--openlineage-url') o.openlineageUrl = val();
    else if (a === '--openlineage-api-key') o.openlineageApiKey = val();
    else if (a === '--openlineage-namespace') o.openlineageNamespace = val();
    else if (a === '--timeout') o.readyTimeoutMs = Number(val()) * 1000;
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

async function cli() {
  const [cmd, ...rest] = process.argv.slice(2);
  if (cmd !== 'up') {
    process.stderr.write('usage: node scripts/orchestrators/start.mjs up [--no-airflow] [--no-dagster] [--work-dir DIR] [--keep-work-dir]\n' +
      '         [--openlineage-url URL] [--openlineage-api-key KEY] [--openlineage-namespace NS] [--timeout SECONDS]\n');
    process.exit(cmd ? 2 : 0);
  }
  const t0 = Date.now();
  const o = await startOrchestrators(parseArgs(rest));
  const lines = [`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s; work dir ${o.workDir} (logs in logs/)`];
  if (o.airflow) {
    lines.push(`Airflow ${o.airflow.version}: ${o.airflow.baseUrl}  (UI and /api/v2; token: POST ${o.airflow.baseUrl}/auth/token)`);
    for (const [u, v] of Object.entries(o.airflow.users)) lines.push(`  user ${u} / password ${v.password} (role ${v.role})`);
  }
  if (o.dagster) lines.push(`Dagster ${o.dagster.version}: ${o.dagster.baseUrl}  (GraphQL ${o.dagster.graphqlUrl}, location ${o.dagster.locationName})`);
  lines.push('Ctrl-C stops everything.');
  process.stdout.write(lines.map((l) => `${l}\n`).join(''));
  let stopping = false;
  const shutdown = async (sig) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${sig}: stopping...\n`);
    await o.stop();
    process.stdout.write('stopped.\n');
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  setInterval(() => {}, 1 << 30); // stay in the foreground
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli().catch((e) => {
    process.stderr.write(`${e.stack ?? e}\n`);
    process.exit(1);
  });
}
