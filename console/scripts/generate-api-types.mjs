#!/usr/bin/env node
// Writes console/src/api/schema.d.ts from an OpenAPI document, or checks it is up to date.
//
//   node console/scripts/generate-api-types.mjs <openapi.json> [--check]
//
// Without --check the file is (re)written. With --check nothing is written: exit 0 when the
// checked-in file is what the document gives, 1 (with a message) when it differs or is missing.
// Exit 2 on a usage or input error.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiTypesFor, SCHEMA_FILE } from './api-types.mjs';

const consoleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(consoleDir, SCHEMA_FILE);
const shown = relative(process.cwd(), target) || target;

const args = process.argv.slice(2);
const check = args.includes('--check');
const files = args.filter((a) => a !== '--check');
if (files.length !== 1 || files[0].startsWith('--')) {
  console.error('usage: node console/scripts/generate-api-types.mjs <openapi.json> [--check]');
  process.exit(2);
}

let documentObject;
try {
  documentObject = JSON.parse(await readFile(files[0], 'utf8'));
} catch (error) {
  console.error(`cannot read the OpenAPI document ${files[0]}: ${error instanceof Error ? error.message : error}`);
  process.exit(2);
}

let text;
try {
  text = await apiTypesFor(documentObject);
} catch (error) {
  console.error(`cannot generate types from ${files[0]}: ${error instanceof Error ? error.message : error}`);
  process.exit(2);
}

if (check) {
  const current = await readFile(target, 'utf8').catch(() => null);
  if (current === text) {
    console.log(`${shown} is up to date with ${files[0]}`);
    process.exit(0);
  }
  console.error(
    current === null
      ? `${shown} is missing; generate it with: node console/scripts/generate-api-types.mjs ${files[0]}`
      : `${shown} differs from what ${files[0]} gives (the API changed?); regenerate it with: node console/scripts/generate-api-types.mjs ${files[0]}`,
  );
  process.exit(1);
}

await writeFile(target, text);
console.log(`wrote ${shown} from ${files[0]}`);
