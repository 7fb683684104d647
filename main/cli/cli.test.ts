import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFlightdeckSession } from '../engines/session/create-session';
import type { FlightdeckSession } from '../engines/session/flightdeck-session';
import { parseCliArgs, UsageError } from './cli-args';
import { runCli } from './run-cli';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scenario = (id: string): string => join(root, 'resources', 'scenarios', `${id}.json`);
let session: FlightdeckSession;

beforeAll(async () => {
  session = await createFlightdeckSession({ resourcesDir: join(root, 'resources') });
});
afterAll(async () => {
  await session.dispose();
});

describe('CLI arguments', () => {
  it('parses each command', () => {
    expect(parseCliArgs(['analyze', '--type', 'cost_analysis', '--config', 'a.json', '--json'])).toEqual({
      command: 'analyze',
      type: 'cost_analysis',
      config: 'a.json',
      json: true
    });
    expect(parseCliArgs(['validate', 'a.json'])).toEqual({ command: 'validate', config: 'a.json', json: false });
    const optimize = parseCliArgs(['optimize', '--config', 'a.json', '--maximize-stealth', '--seed', '7']);
    expect(optimize).toMatchObject({ command: 'optimize', criteria: { maximizeStealth: true, minimizeWeight: false, seed: 7 } });
  });

  it('names what is wrong', () => {
    expect(() => parseCliArgs(['analyze', '--config', 'a.json'])).toThrow(/--type <analysis type> is required/);
    expect(() => parseCliArgs(['simulate'])).toThrow(/--config <aircraft.json> is required/);
    expect(() => parseCliArgs(['optimize', '--config', 'a.json', '--seed', 'x'])).toThrow(/--seed must be a non-negative integer, got "x"/);
    expect(() => parseCliArgs(['launch', 'a.json'])).toThrow(UsageError);
  });
});

describe('CLI commands', () => {
  it('analyze prints real figures as JSON', async () => {
    const output = await runCli({ command: 'analyze', type: 'complete_performance', config: scenario('f16c-block50'), json: true }, session);
    const result = JSON.parse(output.stdout) as { summary: Record<string, number> };
    expect(result.summary.thrustToWeight).toBeGreaterThan(1);
    expect(result.summary.wingLoadingKgM2).toBeGreaterThan(380);
    expect(result.summary.maxMach).toBeGreaterThan(1.5);
  });

  it('validate fails a configuration apply would refuse, and passes one that only breaks a budget', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flightdeck-cli-'));
    const base = JSON.parse(readFileSync(scenario('f22a'), 'utf8')) as { basePlatform: { powerGenerationKW: number }; propulsion: { engineModel: string } };
    const underpowered = join(dir, 'underpowered.json');
    writeFileSync(underpowered, JSON.stringify({ ...base, basePlatform: { ...base.basePlatform, powerGenerationKW: 5 } }));
    const budget = await runCli({ command: 'validate', config: underpowered, json: false }, session);
    expect(budget.exitCode).toBe(0);
    expect(budget.stdout).toMatch(/warning .*power/i);
    const unknownEngine = join(dir, 'unknown-engine.yaml');
    writeFileSync(unknownEngine, `# YAML is read the same way by every command\n${JSON.stringify({ ...base, propulsion: { ...base.propulsion, engineModel: 'RM12' } })}`);
    const refused = await runCli({ command: 'validate', config: unknownEngine, json: false }, session);
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toMatch(/INVALID/);
    expect(refused.stdout).toMatch(/propulsion\.engineModel/);
    await expect(runCli({ command: 'analyze', type: 'complete_performance', config: unknownEngine, json: true }, session)).rejects.toThrow(/unknown-engine\.yaml: propulsion\.engineModel/);
    const ok = await runCli({ command: 'validate', config: scenario('f22a'), json: false }, session);
    expect(ok.exitCode).toBe(0);
  });

  it('names the file and the field of a bad configuration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flightdeck-cli-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ id: 'x', name: 'x' }));
    await expect(runCli({ command: 'simulate', config: file, json: true }, session)).rejects.toThrow(/bad\.json: basePlatform: /);
  });

  it('optimize is deterministic for a seed', async () => {
    const command = {
      command: 'optimize' as const,
      config: scenario('typhoon'),
      json: true,
      criteria: { minimizeWeight: true, maximizeStealth: false, minimizeCost: true, maximizeRange: false, seed: 3, generations: 3, populationSize: 12 }
    };
    const first = JSON.parse((await runCli(command, session)).stdout) as { front: { genes: unknown }[] };
    const second = JSON.parse((await runCli(command, session)).stdout) as { front: { genes: unknown }[] };
    expect(first.front.length).toBeGreaterThan(0);
    expect(second.front.map((f) => f.genes)).toEqual(first.front.map((f) => f.genes));
  });
});

describe('CLI process', () => {
  it('analyze exits non-zero when the configuration is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flightdeck-cli-'));
    const base = JSON.parse(readFileSync(scenario('f22a'), 'utf8')) as { basePlatform: Record<string, unknown> };
    const file = join(dir, 'huge.json');
    writeFileSync(file, JSON.stringify({ ...base, basePlatform: { ...base.basePlatform, emptyMassKg: 1e308 } }));
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'main', 'cli', 'index.ts'), 'analyze', '--type', 'complete_performance', '--config', file], {
      cwd: root,
      encoding: 'utf8'
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/huge\.json: basePlatform\.emptyMassKg/);
  });

  it('exits non-zero with one line naming the problem', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'main', 'cli', 'index.ts'), 'analyze', '--type', 'vibes', '--config', scenario('f22a')], {
      cwd: root,
      encoding: 'utf8'
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/unknown analysis type "vibes"/);
  });
});
