// `npm start`: build when dist/ (or the console's console/dist) is missing or older than any
// source file, then run Gatehouse.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const entry = 'dist/src/main.js';

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).filter((n) => n !== 'generated').map((n) => newestMtime(join(path, n))));
}

const page = 'console/dist/index.html';
const olderThan = (built, sources) => !existsSync(built) || sources.some((p) => existsSync(p) && newestMtime(p) > statSync(built).mtimeMs);
const stale = olderThan(entry, ['src', 'prisma', 'adapters', 'package.json']) || olderThan(page, ['console/src', 'console/index.html', 'console/package.json']);
if (stale) {
  process.stderr.write('gatehouse: building (npm run build)…\n');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// A larger young generation: ingesting lineage allocates many short-lived objects (each event is
// several KB of JSON), and with V8's default the scavenger ran often enough to cost ~15% of
// single-event ingestion throughput (docs/benchmarks.md). NODE_OPTIONS can set another size.
const heap = /semi-space/.test(process.env.NODE_OPTIONS ?? '') ? [] : ['--max-semi-space-size=64'];
const run = spawnSync(process.execPath, ['--enable-source-maps', ...heap, entry, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? (run.signal ? 1 : 0));
