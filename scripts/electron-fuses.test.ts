import { FuseV1Options } from '@electron/fuses';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FUSES } from '../main/electron/fuses';
import { applyFuses } from './electron-fuses';

// A stand-in for an Electron binary, for this test only: filler bytes around the fuse wire
// Electron compiles in (the sentinel @electron/fuses searches for, wire version 1, the wire
// length, then one ASCII '0'/'1' per fuse). It checks this script's logic, not Electron.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const WIRE_LENGTH = 9;

function fakeBinary(wire: string): Buffer {
  return Buffer.concat([
    Buffer.alloc(4096, 0xcc),
    Buffer.from(SENTINEL, 'ascii'),
    Buffer.from([1, wire.length]),
    Buffer.from(wire, 'ascii'),
    Buffer.alloc(4096, 0xdd)
  ]);
}

function wireOf(file: string): string {
  const bytes = readFileSync(file);
  const start = bytes.indexOf(SENTINEL) + SENTINEL.length + 2;
  return bytes.subarray(start, start + WIRE_LENGTH).toString('ascii');
}

function fuse(wire: string, option: FuseV1Options): string | undefined {
  return wire[option];
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'flightdeck-fuses-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('applyFuses', () => {
  it('says a missing binary is missing and creates nothing', async () => {
    const missing = join(dir, 'electron');
    await expect(applyFuses(missing, 'dev-binary')).resolves.toEqual({ binary: missing, status: 'missing' });
    expect(() => statSync(missing)).toThrow();
  });

  it('flips the dev fuses, leaves the others alone, then changes nothing on a second run', async () => {
    const binary = join(dir, 'electron');
    // On: RunAsNode, NODE_OPTIONS, inspect, file:// privileges and a ninth fuse; off: the others.
    writeFileSync(binary, fakeBinary('101100011'));
    const first = await applyFuses(binary, 'dev-binary');
    expect(first).toMatchObject({ status: 'flipped', notInBinary: [] });
    if (first.status !== 'missing') {
      expect([...first.changed].sort()).toEqual(
        ['EnableNodeOptionsEnvironmentVariable', 'GrantFileProtocolExtraPrivileges', 'RunAsNode'].sort()
      );
    }
    const wire = wireOf(binary);
    expect(fuse(wire, FuseV1Options.RunAsNode)).toBe('0');
    expect(fuse(wire, FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
    expect(fuse(wire, FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('0');
    expect(fuse(wire, FuseV1Options.EnableNodeCliInspectArguments)).toBe('1');
    expect(fuse(wire, FuseV1Options.OnlyLoadAppFromAsar)).toBe('0');
    expect(fuse(wire, FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('0');
    expect(wire[8]).toBe('1'); // a fuse newer than @electron/fuses knows keeps its value

    const before = readFileSync(binary);
    const mtimeBefore = statSync(binary).mtimeMs;
    await expect(applyFuses(binary, 'dev-binary')).resolves.toMatchObject({ status: 'already-set', changed: [] });
    expect(readFileSync(binary).equals(before)).toBe(true);
    expect(statSync(binary).mtimeMs).toBe(mtimeBefore);
  });

  it('sets every packaged fuse as configured', async () => {
    const binary = join(dir, 'electron');
    writeFileSync(binary, fakeBinary('101100011'));
    await applyFuses(binary, 'packaged-asar');
    const wire = wireOf(binary);
    for (const [name, on] of Object.entries(FUSES['packaged-asar'])) {
      expect(fuse(wire, FuseV1Options[name as keyof typeof FuseV1Options]), name).toBe(on ? '1' : '0');
    }
  });

  it('reports fuses an older Electron does not have, and sets the rest', async () => {
    const binary = join(dir, 'electron');
    writeFileSync(binary, fakeBinary('1011'));
    const report = await applyFuses(binary, 'dev-binary');
    expect(report).toMatchObject({ status: 'flipped', notInBinary: ['GrantFileProtocolExtraPrivileges'] });
  });

  it('fails loudly on a file that is not an Electron binary', async () => {
    const binary = join(dir, 'electron');
    writeFileSync(binary, Buffer.alloc(1024, 0));
    await expect(applyFuses(binary, 'dev-binary')).rejects.toThrow(/sentinel/);
  });
});
