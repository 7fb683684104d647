#!/usr/bin/env node
// Runs @doyensec/electronegativity over the built app (out/) and fails on any finding that
// security/electronegativity-explained.json does not list with a reason.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const explained = JSON.parse(readFileSync(join(root, 'security', 'electronegativity-explained.json'), 'utf8')).findings;
const report = join(mkdtempSync(join(tmpdir(), 'electronegativity-')), 'report.csv');

// -e pins the Electron version, so the tool need not fetch the release list (there is no network here).
const run = spawnSync(
  process.execPath,
  [join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js'), '-i', join(root, 'out'), '-e', electronVersion, '-r', '-o', report, '-v', 'false'],
  { cwd: root, encoding: 'utf8' }
);
if (run.status !== 0) {
  console.error(`electronegativity failed to run (exit ${run.status}):\n${run.stderr}`);
  process.exit(1);
}

// CSV columns: issue, severity, confidence, filename, location, sample, description, url
const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1).filter(Boolean);
const findings = rows.map((row) => {
  const cells = row.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, ''));
  return { check: cells[0], severity: cells[1], file: cells[3], location: cells[4] };
});
const unexplained = findings.filter((f) => !explained.some((e) => e.check === f.check && e.file === f.file));
for (const f of findings) {
  const reason = explained.find((e) => e.check === f.check && e.file === f.file)?.reason;
  console.log(`${reason ? 'explained' : 'UNEXPLAINED'}  ${f.check}  ${f.file}:${f.location}${reason ? `  — ${reason.slice(0, 90)}…` : ''}`);
}
console.log(`electronegativity: ${findings.length} finding(s), ${unexplained.length} unexplained (Electron ${electronVersion})`);
process.exit(unexplained.length === 0 ? 0 : 1);
