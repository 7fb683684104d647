#!/usr/bin/env node
// Runs @doyensec/electronegativity over the built app (out/) and fails on any finding that
// security/electronegativity-explained.json does not list with a reason. The report is read in
// its SARIF form (JSON, a real parser), never by splitting text by hand.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const explained = JSON.parse(readFileSync(join(root, 'security', 'electronegativity-explained.json'), 'utf8')).findings;
const workDir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const report = join(workDir, 'report.sarif');

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

let sarif;
try {
  sarif = JSON.parse(readFileSync(report, 'utf8'));
} catch (error) {
  console.error(`electronegativity wrote no readable SARIF report (${error.message})`);
  process.exit(1);
}
rmSync(workDir, { recursive: true, force: true });

const results = sarif.runs?.flatMap((r) => r.results ?? []) ?? [];
const findings = results.map((result) => {
  const location = result.locations?.[0]?.physicalLocation;
  return {
    check: result.ruleId,
    level: result.level,
    file: location?.artifactLocation?.uri,
    line: location?.region?.startLine
  };
});
const reasonOf = (f) => explained.find((e) => e.check === f.check && e.file === f.file)?.reason;
const unexplained = findings.filter((f) => !reasonOf(f));
for (const f of findings) {
  const reason = reasonOf(f);
  console.log(`${reason ? 'explained' : 'UNEXPLAINED'}  ${f.check}  ${f.file}:${f.line}${reason ? `  — ${reason.slice(0, 90)}…` : ''}`);
}
console.log(`electronegativity: ${findings.length} finding(s), ${unexplained.length} unexplained (Electron ${electronVersion})`);
process.exit(unexplained.length === 0 ? 0 : 1);
