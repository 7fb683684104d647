import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * The URL of a worker entry named `name`, for a module at `moduleUrl` beside it in the source.
 * Run from source (tsx, vitest) that is `./<name>.ts`; bundled, the worker is an entry of its own
 * in out/main/, and the calling module may sit in a shared chunk one folder down.
 */
export function workerEntryUrl(moduleUrl: string, name: string): URL {
  if (moduleUrl.endsWith('.ts')) return new URL(`./${name}.ts`, moduleUrl);
  const beside = new URL(`./${name}.js`, moduleUrl);
  const above = new URL(`../${name}.js`, moduleUrl);
  return existsSync(fileURLToPath(beside)) || !existsSync(fileURLToPath(above)) ? beside : above;
}

/**
 * Starts a worker thread. Run from source, the worker is TypeScript: Node 20 does not apply the
 * tsx loader (`--import tsx`) to a worker's entry, so a tiny evaluated bootstrap registers tsx's
 * ESM hooks in the worker and then imports it.
 */
export function startWorkerThread(url: URL, workerData: unknown): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  const require = createRequire(import.meta.url);
  const tsxPackage = require.resolve('tsx/package.json');
  const manifest = require(tsxPackage) as { exports: Record<string, { import: { default: string } }> };
  const api = pathToFileURL(join(dirname(tsxPackage), manifest.exports['./esm/api']?.import.default ?? 'dist/esm/api/index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); }).catch((error) => { throw error; });`;
  return new Worker(bootstrap, { eval: true, workerData, execArgv: [] });
}
