import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { FUSES, type FuseName } from './fuses';

const ALL_NAMES: readonly FuseName[] = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges'
];

describe('FUSES', () => {
  it('names only fuses @electron/fuses knows', () => {
    for (const name of ALL_NAMES) expect(typeof FuseV1Options[name], name).toBe('number');
    for (const settings of Object.values(FUSES)) {
      for (const name of Object.keys(settings)) expect(ALL_NAMES).toContain(name);
    }
  });

  it('turns off running as Node, NODE_OPTIONS and file:// extra privileges on every binary', () => {
    for (const settings of Object.values(FUSES)) {
      expect(settings).toMatchObject({
        RunAsNode: false,
        EnableNodeOptionsEnvironmentVariable: false,
        GrantFileProtocolExtraPrivileges: false
      });
    }
  });

  it('locks a packaged app down fully: no inspector, asar only, asar integrity checked', () => {
    expect(FUSES['packaged-asar']).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      GrantFileProtocolExtraPrivileges: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true
    });
  });

  it('keeps the dev binary able to start from out/ and to be driven by Playwright', () => {
    const dev = FUSES['dev-binary'];
    // `npm start` runs `electron .` without an asar: with these on it would not start.
    expect(dev.OnlyLoadAppFromAsar).not.toBe(true);
    expect(dev.EnableEmbeddedAsarIntegrityValidation).not.toBe(true);
    // Playwright's _electron.launch attaches through --inspect=0.
    expect(dev.EnableNodeCliInspectArguments).not.toBe(false);
  });
});
