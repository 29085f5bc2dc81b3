import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrchestratorsFile, OrchestratorsFileError } from './orchestrators-file';

const ENVS = ['dev', 'staging', 'prod'];

async function fileWith(text: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'gh-orch-')), 'orchestrators.yaml');
  await writeFile(path, text);
  return path;
}

const AIRFLOW = `orchestrators:
  - name: airflow-prod
    kind: airflow
    baseUrl: http://airflow:8080
    environment: prod
    credentials: { username: { env: AF_USER }, password: { env: AF_PASS } }
`;

const DAGSTER = `orchestrators:
  - name: dagster-prod
    kind: dagster
    baseUrl: http://dagster:3000
    environment: prod
    repositoryLocation: definitions.py
    storage:
      kinds: { postgres: "postgres://warehouse:5432", snowflake: "snowflake://acme-prod" }
      default: bigquery
`;

describe('loadOrchestratorsFile', () => {
  it('keeps a Dagster instance’s storage mapping (where dagster/table_name tables live)', async () => {
    const [dagster] = loadOrchestratorsFile(await fileWith(DAGSTER), {}, ENVS);
    expect(dagster).toMatchObject({ kind: 'dagster', storage: { kinds: { postgres: 'postgres://warehouse:5432', snowflake: 'snowflake://acme-prod' }, default: 'bigquery' } });
    const [bare] = loadOrchestratorsFile(await fileWith(DAGSTER.replace(/    storage:[\s\S]*/, '')), {}, ENVS);
    expect(bare).not.toHaveProperty('storage');
  });

  it('resolves credentials from the environment and fills defaults', async () => {
    const [airflow] = loadOrchestratorsFile(await fileWith(AIRFLOW), { AF_USER: 'gatehouse', AF_PASS: 's3cret' }, ENVS);
    expect(airflow).toMatchObject({ kind: 'airflow', apiVersion: 'v2', timeoutMs: 10_000, credentials: { username: 'gatehouse', password: 's3cret' } });
    expect(airflow).not.toHaveProperty('uiUrl');
    const [linked] = loadOrchestratorsFile(await fileWith(AIRFLOW + '    uiUrl: https://airflow.example.com/\n'), { AF_USER: 'u', AF_PASS: 'p' }, ENVS);
    expect(linked).toMatchObject({ uiUrl: 'https://airflow.example.com/' });
  });

  it.each([
    ['an unset credential variable', AIRFLOW, {}, /credentials\.username: environment variable AF_USER is not set/],
    ['an unknown environment', AIRFLOW.replace('environment: prod', 'environment: qa'), { AF_USER: 'u', AF_PASS: 'p' }, /environment: qa is not in GATEHOUSE_ENVIRONMENTS/],
    ['an unknown kind', AIRFLOW.replace('kind: airflow', 'kind: prefect'), {}, /orchestrators\[0\]/],
    ['a bad URL', AIRFLOW.replace('http://airflow:8080', 'airflow'), {}, /baseUrl/],
    ['a bad UI URL', AIRFLOW.replace('    environment: prod\n', '    environment: prod\n    uiUrl: ftp://airflow.example.com\n'), { AF_USER: 'u', AF_PASS: 'p' }, /orchestrators\[0\]\.uiUrl: must be an http\(s\) URL/],
    ['an inline password', AIRFLOW.replace('password: { env: AF_PASS }', 'password: hunter2'), {}, /credentials\.password/],
    ['an unknown field', AIRFLOW.replace('    environment: prod\n', '    environment: prod\n    colour: red\n'), {}, /colour: unknown field/],
    ['YAML syntax', 'orchestrators: [', {}, /orchestrators\.yaml/],
    ['a storage namespace with a trailing /', DAGSTER.replace('postgres://warehouse:5432"', 'postgres://warehouse:5432/"'), {}, /orchestrators\[0\]\.storage\.kinds\.postgres: must be an OpenLineage dataset namespace/],
    ['a storage namespace with a space', DAGSTER.replace('default: bigquery', 'default: big query'), {}, /orchestrators\[0\]\.storage\.default: must be an OpenLineage dataset namespace/],
    ['an unknown storage field', DAGSTER.replace('      default: bigquery', '      fallback: bigquery'), {}, /orchestrators\[0\]\.storage\.fallback: unknown field/],
    ['storage on an Airflow instance', AIRFLOW + '    storage: { kinds: {} }\n', { AF_USER: 'u', AF_PASS: 'p' }, /orchestrators\[0\]\.storage: unknown field/],
  ])('names the problem for %s', async (_what, text, env, message) => {
    const path = await fileWith(text);
    expect(() => loadOrchestratorsFile(path, env, ENVS)).toThrow(OrchestratorsFileError);
    expect(() => loadOrchestratorsFile(path, env, ENVS)).toThrow(message);
  });
});
