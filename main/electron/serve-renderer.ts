import { protocol } from 'electron';
import { readFile, realpath } from 'node:fs/promises';
import {
  APP_HOST,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  appResponseHeaders,
  isInsideFolder,
  resolveAppRequest
} from './app-protocol';

/** Registers `app:` as a privileged standard scheme. Electron allows this only before `ready`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

function notFound(): Response {
  return new Response('not found', { status: 404, headers: appResponseHeaders('text/plain; charset=utf-8') });
}

/** Answers the routes the app serves besides its files (the session files), or `undefined`. */
export type AppRoutes = (request: Request) => Promise<Response | undefined>;

/**
 * Serves the built renderer folder on `app://flightdeck/` (call after `ready`), after `routes`
 * (the session files, the same as browser mode's). Files: only GET and HEAD; the path is resolved
 * by `resolveAppRequest` and then checked again after symlinks are followed, so nothing outside
 * `rendererDir` is ever read. Every refusal is a 404. Only the app's own page can reach
 * `app://` at all (the scheme is not CORS-enabled, and navigation elsewhere is refused).
 */
export function serveRenderer(rendererDir: string, routes: AppRoutes): void {
  // A missing folder makes every request a 404 rather than an unhandled rejection.
  const realRoot = realpath(rendererDir).catch(() => null);
  protocol.handle(APP_SCHEME, async (request) => {
    const routed = new URL(request.url).host === APP_HOST ? await routes(request) : undefined;
    if (routed) return routed;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('method not allowed', { status: 405, headers: appResponseHeaders('text/plain; charset=utf-8') });
    }
    const resolution = resolveAppRequest(request.url, rendererDir);
    if (!resolution.ok) return notFound();
    try {
      const [root, file] = await Promise.all([realRoot, realpath(resolution.filePath)]);
      if (root === null || !isInsideFolder(root, file)) return notFound();
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: appResponseHeaders(resolution.contentType)
      });
    } catch {
      // Missing file, a folder, or unreadable: all the same to the page.
      return notFound();
    }
  });
}
