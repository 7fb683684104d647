// Writes Flightdeck's fuses (main/electron/fuses.ts) into an Electron binary with @electron/fuses.
//   tsx scripts/electron-fuses.ts [path-to-electron-binary]        (node_modules/electron's by default)
//   tsx scripts/electron-fuses.ts --target packaged-asar <path-to-packaged-app-binary>
// Idempotent: it reads the fuse wire first and writes only when a fuse differs. Where there is
// no binary it says so and does nothing.
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { FUSES, type FuseName, type FuseTarget } from '../main/electron/fuses';

/** What one run found and did. `missing` means no binary: nothing was read or written. */
export type FuseReport =
  | { readonly binary: string; readonly status: 'missing' }
  | {
      readonly binary: string;
      readonly status: 'already-set' | 'flipped';
      /** Fuses whose byte changed in this run (empty when already set). */
      readonly changed: readonly FuseName[];
      /** Fuses in the configuration that this Electron's fuse wire does not have. */
      readonly notInBinary: readonly FuseName[];
    };

// The fuse wire's bytes (@electron/fuses' FuseState): ASCII '0', '1' and 'r' (removed).
const DISABLED = 48;
const ENABLED = 49;
const REMOVED = 114;

/**
 * Sets `FUSES[target]` on the binary at `binaryPath`, reading first and writing only what
 * differs (a second run changes nothing and does not touch the file).
 */
export async function applyFuses(binaryPath: string, target: FuseTarget): Promise<FuseReport> {
  if (!existsSync(binaryPath)) return { binary: binaryPath, status: 'missing' };
  const wanted = Object.entries(FUSES[target]) as [FuseName, boolean][];
  const current = (await getCurrentFuseWire(binaryPath)) as unknown as Record<number, number | undefined>;
  const inBinary = (name: FuseName): boolean => {
    const state = current[FuseV1Options[name]];
    return state !== undefined && state !== REMOVED;
  };
  const notInBinary = wanted.filter(([name]) => !inBinary(name)).map(([name]) => name);
  const changed = wanted
    .filter(([name, on]) => inBinary(name) && current[FuseV1Options[name]] !== (on ? ENABLED : DISABLED))
    .map(([name]) => name);
  if (changed.length === 0) return { binary: binaryPath, status: 'already-set', changed, notInBinary };

  const config: Partial<Record<FuseV1Options, boolean>> = {};
  for (const name of changed) config[FuseV1Options[name]] = FUSES[target][name] as boolean;
  await flipFuses(binaryPath, {
    version: FuseVersion.V1,
    // Flipping a fuse breaks an ad-hoc macOS signature (arm64 refuses to run it): sign again.
    resetAdHocDarwinSignature: process.platform === 'darwin',
    ...config
  });
  return { binary: binaryPath, status: 'flipped', changed, notInBinary };
}

/**
 * node_modules/electron's binary path (its `main` export), or why there is none: the package
 * throws when its download never ran (path.txt is written by the download).
 */
function defaultBinaryPath(): { path: string } | { reason: string } {
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' ? { path } : { reason: 'the electron package exports no binary path' };
  } catch (error) {
    return { reason: `node_modules/electron has no binary (${error instanceof Error ? error.message : String(error)})` };
  }
}

function describe(report: FuseReport, target: FuseTarget): string {
  if (report.status === 'missing') return `No Electron binary at ${report.binary}: no fuses flipped.`;
  const settings = Object.entries(FUSES[target])
    .map(([name, on]) => `${name}=${on ? 'on' : 'off'}`)
    .join(', ');
  const absent = report.notInBinary.length > 0 ? ` (not in this Electron: ${report.notInBinary.join(', ')})` : '';
  return report.status === 'flipped'
    ? `Fuses (${target}) set on ${report.binary}: flipped ${report.changed.join(', ')}; now ${settings}${absent}.`
    : `Fuses (${target}) already set on ${report.binary}: ${settings}${absent}.`;
}

async function main(args: readonly string[]): Promise<number> {
  const targetIndex = args.indexOf('--target');
  const target = (targetIndex >= 0 ? args[targetIndex + 1] : 'dev-binary') as FuseTarget;
  if (!(target in FUSES)) {
    console.error(`Unknown --target "${target}"; use ${Object.keys(FUSES).join(' or ')}.`);
    return 2;
  }
  const positional = args.filter((arg, i) => arg !== '--target' && (targetIndex < 0 || i !== targetIndex + 1));
  if (target === 'packaged-asar' && positional[0] === undefined) {
    // On node_modules' binary these would stop `npm start` (it loads out/, not an asar).
    console.error('--target packaged-asar needs the packaged app\'s binary path.');
    return 2;
  }
  const binary = positional[0] !== undefined ? { path: positional[0] } : defaultBinaryPath();
  if ('reason' in binary) {
    console.log(`No Electron binary: ${binary.reason}. No fuses flipped.`);
    return 0;
  }
  const report = await applyFuses(binary.path, target);
  console.log(describe(report, target));
  return 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`Could not set the Electron fuses: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  );
}
