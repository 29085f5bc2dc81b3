#!/usr/bin/env node
// Prints the console's bundle sizes (raw and gzip -9) from a production build in console/dist:
// the initial JavaScript that index.html loads before any lazy route (its entry scripts,
// modulepreload links and their static imports), the initial CSS, and each lazily loaded
// chunk with what it adds beyond the initial set. It prints figures and exits 0; it is not an assert.
//
//   npm run --workspace @gatehouse/console build && node console/scripts/bundle-size.mjs [distDir]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const consoleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? join(consoleDir, 'dist'));
const indexHtml = join(dist, 'index.html');
if (!existsSync(indexHtml)) {
  console.log(`no build at ${relative(process.cwd(), dist) || dist}: run "npm run --workspace @gatehouse/console build" first`);
  process.exit(0);
}

const BUDGET_KIB = 250;
const html = readFileSync(indexHtml, 'utf8');

/** URL path in the page ("/assets/x.js") → file path in dist. */
const fileOf = (url) => join(dist, url.replace(/^\//, '').split(/[?#]/)[0]);

function attr(tag, name) {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return m ? (m[2] ?? m[3] ?? m[4]) : undefined;
}

const tags = [...html.matchAll(/<(script|link)\b[^>]*>/gi)].map((m) => m[0]);
const entryUrls = [];
const cssUrls = [];
for (const tag of tags) {
  if (/^<script/i.test(tag)) {
    const src = attr(tag, 'src');
    if (src) entryUrls.push(src);
  } else {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase();
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel === 'modulepreload') entryUrls.push(href);
    if (rel === 'stylesheet') cssUrls.push(href);
  }
}
const inlineScripts = [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>/gi)].length;
const inlineStyles = [...html.matchAll(/<style\b/gi)].length + [...html.matchAll(/\sstyle\s*=/gi)].length;

const sizes = new Map();
function sizeOf(file) {
  if (!sizes.has(file)) {
    const body = readFileSync(file);
    sizes.set(file, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  return sizes.get(file);
}

// Static imports in an ES module chunk: `import … from "./x.js"`, `import "./x.js"`,
// `export … from "./x.js"`. A dynamic `import("./x.js")` is not one (the paren excludes it).
// Strings may be written with any quote (rolldown emits template literals).
const STATIC = /\b(?:import|export)\s*(?:[^"'`();]*?\bfrom\s*)?["'`]([^"'`]+\.m?js)["'`]/g;
const DYNAMIC = /\bimport\s*\(\s*["'`]([^"'`$]+\.m?js)["'`]\s*\)/g;

const resolveIn = (file, spec) => (spec.startsWith('.') ? join(dirname(file), spec) : spec.startsWith('/') ? fileOf(spec) : null);

function imports(file, pattern) {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(pattern)].map((m) => resolveIn(file, m[1])).filter((f) => f && existsSync(f));
}

function closure(roots, exclude = new Set()) {
  const seen = new Set();
  const stack = [...roots];
  while (stack.length) {
    const f = stack.pop();
    if (seen.has(f) || exclude.has(f)) continue;
    seen.add(f);
    stack.push(...imports(f, STATIC));
  }
  return seen;
}

const sum = (files) => [...files].reduce((t, f) => ({ raw: t.raw + sizeOf(f).raw, gzip: t.gzip + sizeOf(f).gzip }), { raw: 0, gzip: 0 });
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const name = (f) => posix.join(...relative(dist, f).split(/[\\/]/));
const row = (label, s) => `  ${label.padEnd(44)} ${kib(s.raw).padStart(10)} raw ${kib(s.gzip).padStart(10)} gzip`;

const initial = closure(entryUrls.map(fileOf).filter(existsSync));
const initialTotal = sum(initial);
console.log(`Console bundle (${relative(process.cwd(), dist) || dist})`);
console.log('');
console.log('Initial JavaScript (loaded by index.html before any lazy route):');
for (const f of [...initial].sort()) console.log(row(name(f), sizeOf(f)));
console.log(row('total', initialTotal));
console.log(`  budget ${BUDGET_KIB} KiB gzip: ${initialTotal.gzip <= BUDGET_KIB * 1024 ? 'within' : 'OVER'} (${((initialTotal.gzip / (BUDGET_KIB * 1024)) * 100).toFixed(0)}% used)`);

const css = cssUrls.map(fileOf).filter(existsSync);
if (css.length) {
  console.log('');
  console.log('Initial CSS:');
  for (const f of css) console.log(row(name(f), sizeOf(f)));
}

// Lazy entries: what the initial (and lazy) chunks import dynamically, each with the chunks it
// adds beyond the initial set.
const lazyEntries = new Set();
const queue = [...initial];
const visited = new Set();
while (queue.length) {
  const f = queue.pop();
  if (visited.has(f)) continue;
  visited.add(f);
  for (const d of imports(f, DYNAMIC)) {
    if (!initial.has(d)) lazyEntries.add(d);
    queue.push(d, ...closure([d], initial));
  }
}
console.log('');
console.log('Lazy chunks (own size; "+ adds" = with the static imports not in the initial set):');
for (const f of [...lazyEntries].sort()) {
  const adds = closure([f], initial);
  const own = sizeOf(f);
  const extra = adds.size > 1 ? `   + adds ${kib(sum(adds).gzip)} gzip with ${[...adds].filter((x) => x !== f).map(name).join(', ')}` : '';
  console.log(row(name(f), own) + extra);
}

const allJs = readdirSync(join(dist, 'assets')).filter((n) => /\.m?js$/.test(n)).map((n) => join(dist, 'assets', n));
const unreached = allJs.filter((f) => !initial.has(f) && !lazyEntries.has(f) && !visited.has(f));
if (unreached.length) {
  console.log('');
  console.log('Other chunks (not reached from index.html by the scan):');
  for (const f of unreached.sort()) console.log(row(name(f), sizeOf(f)));
}

console.log('');
console.log(`index.html: ${inlineScripts} inline script(s), ${inlineStyles} inline style(s) (the CSP needs 0 and 0)`);
