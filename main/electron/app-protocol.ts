import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../host/content-security-policy';

/**
 * The `app://flightdeck/` origin the desktop app serves its built renderer from, instead of
 * `file://` (Electron security checklist: "avoid file://, prefer a custom protocol"). This
 * module is pure (no Electron, no file system), so every decision it makes is unit-tested;
 * `serve-renderer.ts` wires it to `protocol.handle`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'flightdeck';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * The scheme's privileges: `standard` (a real origin, relative URLs resolve), `secure` (a
 * secure context like https) and `supportFetchAPI` (module scripts load through fetch).
 * Not `corsEnabled` (other origins could read its files), not `bypassCSP`.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8'
};

/**
 * The Content-Type for a file, by extension; `application/octet-stream` when unknown (with
 * `nosniff`, the page cannot run it as a script or a style).
 *
 * @example contentTypeFor('/out/renderer/assets/index.js') // 'text/javascript; charset=utf-8'
 */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.posix.extname(filePath.replaceAll('\\', '/')).toLowerCase()] ?? 'application/octet-stream';
}

/** The headers of every `app://` response: the same policy and hardening browser mode sends. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store'
  };
}

export type AppRequestResolution =
  | { readonly ok: true; readonly filePath: string; readonly contentType: string }
  | { readonly ok: false; readonly status: 404; readonly reason: string };

/** The `node:path` functions the resolver needs: `path.win32` in tests checks Windows rules. */
export type PathFlavour = Pick<typeof path, 'resolve' | 'sep' | 'isAbsolute'>;

/** True when `candidate` is `root` itself or lies below it (both already resolved). */
export function isInsideFolder(root: string, candidate: string, paths: PathFlavour = path): boolean {
  const base = root.endsWith(paths.sep) ? root : root + paths.sep;
  return candidate === root || candidate.startsWith(base);
}

const refused = (reason: string): AppRequestResolution => ({ ok: false, status: 404, reason });

/**
 * Maps an `app://flightdeck/…` request to a file inside `rendererDir`, or refuses it (404).
 * Refused: another scheme or host, credentials or a port in the URL, malformed percent
 * escapes, null bytes, backslashes, colons (drive letters, NTFS streams), any segment
 * starting with a dot once decoded (so `..`, `%2e%2e` and `%2f`-smuggled segments, and dot
 * files), absolute paths, and anything whose resolved path is not inside `rendererDir`.
 * `/` serves `index.html`; the query and the fragment are ignored.
 *
 * @example resolveAppRequest('app://flightdeck/assets/index.js', '/app/out/renderer')
 *   // { ok: true, filePath: '/app/out/renderer/assets/index.js', contentType: 'text/javascript; charset=utf-8' }
 * @example resolveAppRequest('app://flightdeck/%2e%2e/main/index.js', '/app/out/renderer').ok // false
 */
export function resolveAppRequest(requestUrl: string, rendererDir: string, paths: PathFlavour = path): AppRequestResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return refused('not a URL');
  }
  if (url.protocol !== `${APP_SCHEME}:`) return refused(`not the ${APP_SCHEME}: scheme`);
  if (url.host !== APP_HOST) return refused(`unknown host "${url.host}"`);
  if (url.username !== '' || url.password !== '') return refused('credentials in the URL');

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return refused('malformed percent escape');
  }
  if (decoded.includes('\0')) return refused('null byte in the path');
  if (decoded.includes('\\')) return refused('backslash in the path');
  if (decoded.includes(':')) return refused('colon in the path');

  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.slice(1);
  const segments = relative.split('/');
  if (segments.some((segment) => segment.startsWith('.'))) return refused('dot segment in the path');
  if (segments.some((segment) => segment === '')) return refused('empty segment in the path');
  if (paths.isAbsolute(relative)) return refused('absolute path');

  const root = paths.resolve(rendererDir);
  const filePath = paths.resolve(root, ...segments);
  if (filePath === root || !isInsideFolder(root, filePath, paths)) return refused('outside the renderer folder');
  return { ok: true, filePath, contentType: contentTypeFor(filePath) };
}

/**
 * The page the desktop window shows: the dev server in `npm run dev`, `app://flightdeck/`
 * otherwise.
 *
 * @example flightdeckPageUrl(undefined) // 'app://flightdeck/index.html'
 */
export function flightdeckPageUrl(devServerUrl: string | undefined): string {
  return devServerUrl ? devServerUrl : APP_ENTRY_URL;
}

/**
 * True for Flightdeck's own pages and nothing else: `app://flightdeck/…`, or the dev
 * server's origin when one is in use (then `app://` is refused: the window never shows it).
 *
 * @example isFlightdeckPageUrl('app://flightdeck/index.html', undefined) // true
 * @example isFlightdeckPageUrl('file:///etc/passwd', undefined) // false
 */
export function isFlightdeckPageUrl(url: string, devServerUrl: string | undefined): boolean {
  try {
    const candidate = new URL(url);
    if (devServerUrl) return candidate.origin === new URL(devServerUrl).origin;
    // For a non-special scheme Node's URL gives origin "null", so compare scheme and host.
    return (
      candidate.protocol === `${APP_SCHEME}:` &&
      candidate.host === APP_HOST &&
      candidate.username === '' &&
      candidate.password === ''
    );
  } catch {
    return false;
  }
}
