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

describe('loadOrchestratorsFile', () => {
  it('resolves credentials from the environment and fills defaults', async () => {
    const [airflow] = loadOrchestratorsFile(await fileWith(AIRFLOW), { AF_USER: 'gatehouse', AF_PASS: 's3cret' }, ENVS);
    expect(airflow).toMatchObject({ kind: 'airflow', apiVersion: 'v2', timeoutMs: 10_000, credentials: { username: 'gatehouse', password: 's3cret' } });
  });

  it.each([
    ['an unset credential variable', AIRFLOW, {}, /credentials\.username: environment variable AF_USER is not set/],
    ['an unknown environment', AIRFLOW.replace('environment: prod', 'environment: qa'), { AF_USER: 'u', AF_PASS: 'p' }, /environment: qa is not in GATEHOUSE_ENVIRONMENTS/],
    ['an unknown kind', AIRFLOW.replace('kind: airflow', 'kind: prefect'), {}, /orchestrators\[0\]/],
    ['a bad URL', AIRFLOW.replace('http://airflow:8080', 'airflow'), {}, /baseUrl/],
    ['an inline password', AIRFLOW.replace('password: { env: AF_PASS }', 'password: hunter2'), {}, /credentials\.password/],
    ['an unknown field', AIRFLOW.replace('    environment: prod\n', '    environment: prod\n    colour: red\n'), {}, /colour: unknown field/],
    ['YAML syntax', 'orchestrators: [', {}, /orchestrators\.yaml/],
  ])('names the problem for %s', async (_what, text, env, message) => {
    const path = await fileWith(text);
    expect(() => loadOrchestratorsFile(path, env, ENVS)).toThrow(OrchestratorsFileError);
    expect(() => loadOrchestratorsFile(path, env, ENVS)).toThrow(message);
  });
});
