#!/usr/bin/env node
// Prints the console's bundle sizes (raw and gzip -9) from a production build in console/dist:
// the initial JavaScript that index.html loads before any lazy route (its entry scripts,
// modulepreload links and their static imports), the initial CSS, and each lazily loaded
// chunk with what it adds beyond the initial set. It prints figures and exits 0; it is not an assert.
//
//   npm run --workspace @gatehouse/console build && node console/scripts/bundle-size.mjs [distDir]
//
// It also exports `bundleSizes(distDir)`, the same figures as data (bench/console.bench.ts uses it).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const consoleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUDGET_KIB = 250;

/** URL path in the page ("/assets/x.js") → file path in dist. */
const fileIn = (dist, url) => join(dist, url.replace(/^\//, '').split(/[?#]/)[0]);

function attr(tag, name) {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return m ? (m[2] ?? m[3] ?? m[4]) : undefined;
}

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

const sum = (files) => [...files].reduce((t, f) => ({ raw: t.raw + sizeOf(f).raw, gzip: t.gzip + sizeOf(f).gzip }), { raw: 0, gzip: 0 });

/**
 * The sizes of the build in `dist` (bytes, raw and gzip -9), or null when it has no index.html:
 * `initial` (the JavaScript index.html loads before any lazy route, with its files), `css`, `lazy`
 * (each lazy chunk with what it `adds` beyond the initial set), `other` (chunks the scan did not
 * reach) and the count of inline scripts and styles in index.html. File names are relative to dist.
 */
export function bundleSizes(dist) {
  const indexHtml = join(dist, 'index.html');
  if (!existsSync(indexHtml)) return null;
  const html = readFileSync(indexHtml, 'utf8');
  const fileOf = (url) => fileIn(dist, url);
  const name = (f) => posix.join(...relative(dist, f).split(/[\\/]/));
  const sized = (f) => ({ file: name(f), ...sizeOf(f) });

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

  const initial = closure(entryUrls.map(fileOf).filter(existsSync));
  const css = cssUrls.map(fileOf).filter(existsSync);

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
  const lazy = [...lazyEntries].sort().map((f) => {
    const adds = closure([f], initial);
    return { ...sized(f), adds: sum(adds), with: [...adds].filter((x) => x !== f).map(name) };
  });

  const allJs = readdirSync(join(dist, 'assets')).filter((n) => /\.m?js$/.test(n)).map((n) => join(dist, 'assets', n));
  const other = allJs.filter((f) => !initial.has(f) && !lazyEntries.has(f) && !visited.has(f)).sort().map(sized);

  return {
    dist,
    budgetKiB: BUDGET_KIB,
    initial: { files: [...initial].sort().map(sized), ...sum(initial) },
    css: css.map(sized),
    lazy,
    other,
    inlineScripts,
    inlineStyles,
  };
}

function print(dist) {
  const report = bundleSizes(dist);
  if (!report) {
    console.log(`no build at ${relative(process.cwd(), dist) || dist}: run "npm run --workspace @gatehouse/console build" first`);
    return;
  }
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const row = (label, s) => `  ${label.padEnd(44)} ${kib(s.raw).padStart(10)} raw ${kib(s.gzip).padStart(10)} gzip`;
  const { initial } = report;
  console.log(`Console bundle (${relative(process.cwd(), dist) || dist})`);
  console.log('');
  console.log('Initial JavaScript (loaded by index.html before any lazy route):');
  for (const f of initial.files) console.log(row(f.file, f));
  console.log(row('total', initial));
  console.log(`  budget ${BUDGET_KIB} KiB gzip: ${initial.gzip <= BUDGET_KIB * 1024 ? 'within' : 'OVER'} (${((initial.gzip / (BUDGET_KIB * 1024)) * 100).toFixed(0)}% used)`);

  if (report.css.length) {
    console.log('');
    console.log('Initial CSS:');
    for (const f of report.css) console.log(row(f.file, f));
  }

  console.log('');
  console.log('Lazy chunks (own size; "+ adds" = with the static imports not in the initial set):');
  for (const f of report.lazy) {
    const extra = f.with.length ? `   + adds ${kib(f.adds.gzip)} gzip with ${f.with.join(', ')}` : '';
    console.log(row(f.file, f) + extra);
  }

  if (report.other.length) {
    console.log('');
    console.log('Other chunks (not reached from index.html by the scan):');
    for (const f of report.other) console.log(row(f.file, f));
  }

  console.log('');
  console.log(`index.html: ${report.inlineScripts} inline script(s), ${report.inlineStyles} inline style(s) (the CSP needs 0 and 0)`);
}

// Run as a script (not when imported).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  print(resolve(process.argv[2] ?? join(consoleDir, 'dist')));
}
