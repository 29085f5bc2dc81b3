// Prints Gatehouse's OpenAPI document (what GET /openapi.json answers) without a server or a
// database of its own: the app is built on an in-memory embedded database and asked in process.
// Needs the compiled server (npm run build).
//
//   node scripts/openapi-document.mjs > openapi.json
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createApp } = require('../dist/src/app.factory.js');
const { loadConfig } = require('../dist/src/config/config.js');

const config = { ...loadConfig({ GATEHOUSE_ADMIN_TOKEN: 'openapi-document-only-0000', GATEHOUSE_LOG_LEVEL: 'silent' }), database: { kind: 'embedded', dataDir: 'memory://' } };
const { default: pino } = await import('pino');
const app = await createApp(config, { logger: pino({ level: 'silent' }), printSecret: () => undefined });
try {
  const answer = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/openapi.json' });
  if (answer.statusCode !== 200) throw new Error(`/openapi.json answered ${answer.statusCode}`);
  process.stdout.write(`${JSON.stringify(JSON.parse(answer.body), null, 2)}\n`);
} finally {
  await app.close();
}
