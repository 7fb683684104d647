/**
 * Electron fuses Flightdeck sets, as pure data (names as in `@electron/fuses`' FuseV1Options).
 * `scripts/electron-fuses.ts` writes them into an Electron binary; `npm start` runs it on the
 * development binary in node_modules once that binary exists.
 *
 * Fuses are bits compiled into the binary and read before any JavaScript runs, so no code,
 * environment variable or argument can turn them back on (https://www.electronjs.org/docs/latest/tutorial/fuses).
 */
export type FuseName =
  | 'RunAsNode'
  | 'EnableCookieEncryption'
  | 'EnableNodeOptionsEnvironmentVariable'
  | 'EnableNodeCliInspectArguments'
  | 'EnableEmbeddedAsarIntegrityValidation'
  | 'OnlyLoadAppFromAsar'
  | 'LoadBrowserProcessSpecificV8Snapshot'
  | 'GrantFileProtocolExtraPrivileges';

/**
 * `dev-binary`: node_modules/electron's binary, which `npm start`, `npm run dev` and the
 * Electron e2e project all run, loading the app from out/ (no asar).
 * `packaged-asar`: a packaged app whose code is in resources/app.asar.
 */
export type FuseTarget = 'dev-binary' | 'packaged-asar';

export type FuseSettings = Readonly<Partial<Record<FuseName, boolean>>>;

/** Off on every binary: nothing here needs them, and each lets a local process run code as the app. */
const OFF_EVERYWHERE = {
  // ELECTRON_RUN_AS_NODE=1 would turn the app into a plain Node.js with its signature and permissions.
  RunAsNode: false,
  // NODE_OPTIONS (--require, --inspect…) would inject code into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // The renderer is served on app://flightdeck/, never from file://, so file pages need no extra powers.
  GrantFileProtocolExtraPrivileges: false
} as const satisfies FuseSettings;

/** The fuses per target; a fuse not listed keeps the binary's default. */
export const FUSES: Readonly<Record<FuseTarget, FuseSettings>> = {
  // EnableNodeCliInspectArguments stays on here: Playwright's _electron.launch starts this binary
  // with --inspect=0 and drives the app through that port (with the fuse off, launch times out:
  // Playwright's Electron docs, "Known issues"). The asar fuses stay off: `npm start` runs
  // `electron .` from out/ without an asar, and with OnlyLoadAppFromAsar on the binary would
  // find no app to load and not start.
  'dev-binary': { ...OFF_EVERYWHERE },
  // Applies once the app is packaged with an asar (resources/app.asar plus its integrity hash in
  // the packager's output): no debugger attaches, only the asar is loaded, and a modified asar
  // is refused at start.
  'packaged-asar': {
    ...OFF_EVERYWHERE,
    EnableNodeCliInspectArguments: false,
    EnableEmbeddedAsarIntegrityValidation: true,
    OnlyLoadAppFromAsar: true
  }
};

