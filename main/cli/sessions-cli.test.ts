import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../workspace/open-workspace';
import { UsageError } from './cli-args';
import { runSessionsCli } from './sessions-cli';

const resourcesDir = fileURLToPath(new URL('../../resources', import.meta.url));
let dataDir: string;
let copyDir: string;
let lastSeq = 0;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'flightdeck-cli-'));
  copyDir = mkdtempSync(join(tmpdir(), 'flightdeck-cli-copy-'));
  const workspace = await openWorkspace({ dataDir, resourcesDir, initialScenario: 'f22a', sessionName: 'recorded' });
  await workspace.close();
  lastSeq = workspace.session.coordinator.log.lastSeq;
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(copyDir, { recursive: true, force: true });
});

const cli = (...args: string[]): ReturnType<typeof runSessionsCli> => runSessionsCli(args, () => undefined);

describe('npm run cli -- sessions', () => {
  it('lists, exports, imports into another workspace and replays the copy to the same end', async () => {
    expect((await cli('list', '--data-dir', dataDir)).stdout).toMatch(/^\s+1 .* f22a .* ended {2}recorded$/m);
    const file = join(copyDir, 'recorded.jsonl.gz');
    expect((await cli('export', '1', file, '--data-dir', dataDir)).stdout).toMatch(new RegExp(`exported session 1: ${lastSeq} events`));
    expect((await cli('import', file, '--data-dir', copyDir)).stdout).toMatch(new RegExp(`imported as session 1 "recorded": ${lastSeq} events`));
    const lines: string[] = [];
    const replayed = await runSessionsCli(['replay', '1', '--speed', 'max', '--data-dir', copyDir], (line) => lines.push(line));
    expect(lines).toHaveLength(lastSeq);
    expect(lines[0]).toMatch(/^replay #1 .* session_started/);
    expect(replayed.stdout).toMatch(/configuration v1, 0 open violations, 6 engines/);
  });

  it('re-judges with a rules file, and names a bad one', async () => {
    const edits = join(copyDir, 'edits.json');
    writeFileSync(edits, JSON.stringify([{ kind: 'update', ruleId: 'power_budget', patch: { severity: 'critical' } }]));
    expect((await cli('whatif', '1', '--rules', edits, '--data-dir', dataDir)).stdout).toMatch(/re-judged \d+ events .* with 1 rule edits/);
    writeFileSync(edits, JSON.stringify([{ kind: 'rename' }]));
    await expect(cli('whatif', '1', '--rules', edits, '--data-dir', dataDir)).rejects.toThrow(/--rules .*edits\.json: 0\.kind/);
  });

  it('names an unknown session and a bad speed', async () => {
    await expect(cli('replay', '7', '--data-dir', dataDir)).rejects.toThrow(/no session 7 .* known: 1/);
    await expect(cli('replay', '1', '--speed', '0', '--data-dir', dataDir)).rejects.toThrow(UsageError);
    await expect(cli('nonsense', '--data-dir', dataDir)).rejects.toThrow(/expected list, export, import, replay or whatif/);
  });
});
