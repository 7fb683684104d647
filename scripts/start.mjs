#!/usr/bin/env node
// `npm start`: build, then run the desktop app. When the Electron binary is missing (npm 11
// skips its download script, see package.json "allowScripts") it tries to fetch it once; when
// that fails, or there is no display, it says so in one line and starts browser mode instead.
// Once the binary exists, its fuses are set (scripts/electron-fuses.ts; a no-op when already set).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options }).status ?? 1;
}

/** The Electron binary's path, or null when it is not installed. */
function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function fetchElectron() {
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer) || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return null;
  console.log('Electron binary not installed; downloading it once…');
  const result = spawnSync(process.execPath, [installer], { cwd: root, stdio: 'pipe', timeout: 120_000, encoding: 'utf8' });
  if (result.status !== 0) return null;
  return electronBinary();
}

function startBrowserMode(reason) {
  console.log(`${reason}; starting browser mode instead.`);
  const child = spawn(process.execPath, [join(root, 'out', 'main', 'serve.js'), ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit'
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

console.log('Building Flightdeck…');
if (run(bin('electron-vite'), ['build', '--logLevel', 'warn']) !== 0) {
  console.error('Build failed; see the messages above.');
  process.exit(1);
}

/** Sets the dev binary's fuses (main/electron/fuses.ts); refuses to start the app unfused. */
function setFuses(electron) {
  if (run(bin('tsx'), [join(root, 'scripts', 'electron-fuses.ts'), '--target', 'dev-binary', electron]) !== 0) {
    console.error('Could not set the Electron fuses (see above); not starting the desktop app unprotected.');
    process.exit(1);
  }
}

const electron = electronBinary() ?? fetchElectron();
// As soon as the binary is there (the e2e project runs it too), whether or not it opens a window.
if (electron) setFuses(electron);
if (!electron) {
  startBrowserMode('Electron binary is not available (it could not be downloaded)');
} else if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  startBrowserMode('No display for the desktop window (DISPLAY is not set)');
} else {
  const child = spawn(electron, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
