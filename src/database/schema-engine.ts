import { readFile } from 'node:fs/promises';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

import type { SchemaEngine } from '@prisma/schema-engine-wasm';

export type { SchemaEngine };
type WasmModule = typeof import('@prisma/schema-engine-wasm');

/** The slice of the WebAssembly API used here (@types/node 20 does not declare it). */
interface Wasm {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: Record<string, unknown>): Promise<{ exports: Record<string, unknown> }>;
  Module: { imports(module: object): { module: string }[] };
}
const WebAssemblyApi = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

let bindings: Promise<WasmModule> | undefined;

/**
 * The schema engine ships as a bundler build (it `import`s its .wasm), which Node cannot load
 * directly; instantiate the WebAssembly by hand against its JS glue instead.
 */
function loadBindings(): Promise<WasmModule> {
  bindings ??= (async () => {
    const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as WasmModule & {
      __wbg_set_wasm(exports: Record<string, unknown>): void;
    };
    const wasmPath = require.resolve('@prisma/schema-engine-wasm').replace(/schema_engine\.js$/, 'schema_engine_bg.wasm');
    const module = await WebAssemblyApi.compile(await readFile(wasmPath));
    const imports: Record<string, unknown> = {};
    for (const entry of WebAssemblyApi.Module.imports(module)) imports[entry.module] ??= withUnrefTimers(glue);
    const instance = await WebAssemblyApi.instantiate(module, imports);
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return bindings;
}

/**
 * The engine arms 10-second timers while it works and never clears them (its glue has no
 * clearTimeout): after a migration, a short-lived process (a test worker, a script) stayed alive
 * ten seconds more. Its timers are made not to hold the process open; callers await the engine's
 * work, and a running Gatehouse is kept alive by its server anyway.
 */
function withUnrefTimers(glue: object): Record<string, unknown> {
  const wrapped: Record<string, unknown> = { ...glue };
  for (const [name, value] of Object.entries(glue)) {
    if (!name.startsWith('__wbg_setTimeout_') || typeof value !== 'function') continue;
    wrapped[name] = (...args: unknown[]) => {
      const timer = (value as (...a: unknown[]) => unknown)(...args) as { unref?: () => void } | undefined;
      timer?.unref?.();
      return timer;
    };
  }
  return wrapped;
}

/** Opens a schema engine on a migration-aware driver adapter (PGlite or pg). */
export async function openSchemaEngine(
  factory: SqlMigrationAwareDriverAdapterFactory,
  schema: { path: string; content: string },
  onLog: (line: string) => void = () => {},
): Promise<SchemaEngine> {
  const wasm = await loadBindings();
  return wasm.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    onLog,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}
