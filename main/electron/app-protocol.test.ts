import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../host/content-security-policy';
import {
  APP_ENTRY_URL,
  appResponseHeaders,
  contentTypeFor,
  flightdeckPageUrl,
  isFlightdeckPageUrl,
  resolveAppRequest
} from './app-protocol';

const ROOT = '/app/out/renderer';
const WINDOWS_ROOT = 'C:\\app\\out\\renderer';

function resolvedPath(url: string): string | null {
  const resolution = resolveAppRequest(url, ROOT, path.posix);
  return resolution.ok ? resolution.filePath : null;
}

describe('resolveAppRequest', () => {
  it('serves files inside the renderer folder with their content type', () => {
    expect(resolveAppRequest('app://flightdeck/assets/index-B8g3Lw3L.js', ROOT, path.posix)).toEqual({
      ok: true,
      filePath: '/app/out/renderer/assets/index-B8g3Lw3L.js',
      contentType: 'text/javascript; charset=utf-8'
    });
    expect(resolvedPath('app://flightdeck/index.html')).toBe('/app/out/renderer/index.html');
    expect(resolvedPath('app://flightdeck/assets/index.css?v=1#top')).toBe('/app/out/renderer/assets/index.css');
    expect(resolvedPath('app://flightdeck/assets/my%20file.css')).toBe('/app/out/renderer/assets/my file.css');
  });

  it('serves index.html for the root', () => {
    expect(resolvedPath('app://flightdeck/')).toBe('/app/out/renderer/index.html');
    expect(resolvedPath('app://flightdeck')).toBe('/app/out/renderer/index.html');
  });

  it.each([
    'app://flightdeck/../main/index.js',
    'app://flightdeck/assets/../../main/index.js',
    'app://flightdeck/%2e%2e/main/index.js',
    'app://flightdeck/%2E%2E/%2E%2E/etc/passwd',
    'app://flightdeck/.%2e/main/index.js',
    'app://flightdeck/..%2fmain%2findex.js',
    'app://flightdeck/assets%2f..%2f..%2fpackage.json',
    'app://flightdeck/%252e%252e/main/index.js',
    'app://flightdeck/..%5cmain%5cindex.js'
  ])('never resolves outside the folder: %s', (url) => {
    const filePath = resolvedPath(url);
    // Either refused, or (where the URL parser already collapsed the dots) a path inside the folder.
    if (filePath !== null) expect(filePath.startsWith(`${ROOT}/`)).toBe(true);
  });

  it.each([
    ['encoded dot segment', 'app://flightdeck/..%2fmain%2findex.js'],
    ['encoded dots', 'app://flightdeck/assets/%2e%2e%2f%2e%2e%2fpackage.json'],
    ['encoded backslash', 'app://flightdeck/..%5cmain%5cindex.js'],
    ['absolute path in an encoded slash', 'app://flightdeck/%2fetc%2fpasswd'],
    ['double slash', 'app://flightdeck//etc/passwd'],
    ['null byte', 'app://flightdeck/index.html%00.png'],
    ['raw null byte', 'app://flightdeck/index.html\u0000.png'],
    ['malformed escape', 'app://flightdeck/%E0%A4%A'],
    ['dot file', 'app://flightdeck/.env'],
    ['drive letter', 'app://flightdeck/C:/Windows/win.ini'],
    ['NTFS stream', 'app://flightdeck/index.html::$DATA'],
    ['trailing slash (a folder)', 'app://flightdeck/assets/'],
    ['unknown host', 'app://evil.example/index.html'],
    ['host with a port', 'app://flightdeck:8080/index.html'],
    ['credentials', 'app://user:pass@flightdeck/index.html'],
    ['empty host', 'app:///index.html'],
    ['other scheme', 'file:///app/out/renderer/index.html'],
    ['https', 'https://flightdeck/index.html'],
    ['not a URL', 'index.html']
  ])('refuses %s with a 404', (_label, url) => {
    const resolution = resolveAppRequest(url, ROOT, path.posix);
    expect(resolution.ok).toBe(false);
    if (!resolution.ok) expect(resolution.status).toBe(404);
  });

  it('checks containment with Windows path rules too', () => {
    const ok = resolveAppRequest('app://flightdeck/assets/index.js', WINDOWS_ROOT, path.win32);
    expect(ok).toMatchObject({ ok: true, filePath: 'C:\\app\\out\\renderer\\assets\\index.js' });
    for (const url of [
      'app://flightdeck/C:/Windows/win.ini',
      'app://flightdeck/C%3A%5CWindows%5Cwin.ini',
      'app://flightdeck/%5C%5Cserver%5Cshare%5Cfile',
      'app://flightdeck/..%5C..%5Cmain%5Cindex.js'
    ]) {
      expect(resolveAppRequest(url, WINDOWS_ROOT, path.win32).ok, url).toBe(false);
    }
  });

  it('does not treat a sibling folder with the same prefix as inside', () => {
    // /app/out/renderer-evil starts with "/app/out/renderer" but is not inside it.
    expect(resolvedPath('app://flightdeck/..%2frenderer-evil/x.js')).toBeNull();
  });
});

describe('contentTypeFor and headers', () => {
  it('knows the types the build produces, and falls back to octet-stream', () => {
    expect(contentTypeFor('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/r/assets/a.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('C:\\r\\assets\\font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/r/icon.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/r/data.bin')).toBe('application/octet-stream');
    expect(contentTypeFor('/r/README')).toBe('application/octet-stream');
  });

  it('sends the same Content-Security-Policy as browser mode, with nosniff', () => {
    expect(appResponseHeaders('text/html; charset=utf-8')).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store'
    });
  });
});

describe('flightdeckPageUrl and isFlightdeckPageUrl', () => {
  it('uses app://flightdeck/ unless a dev server is set', () => {
    expect(flightdeckPageUrl(undefined)).toBe(APP_ENTRY_URL);
    expect(flightdeckPageUrl('')).toBe(APP_ENTRY_URL);
    expect(flightdeckPageUrl('http://localhost:5173/')).toBe('http://localhost:5173/');
  });

  it('accepts only Flightdeck pages on app://flightdeck/', () => {
    expect(isFlightdeckPageUrl('app://flightdeck/index.html', undefined)).toBe(true);
    expect(isFlightdeckPageUrl('app://flightdeck/index.html#timeline', undefined)).toBe(true);
    for (const url of [
      'app://evil/index.html',
      'app://user@flightdeck/index.html',
      'app://flightdeck:1/index.html',
      'file:///app/out/renderer/index.html',
      'http://localhost:5173/',
      'https://example.com/',
      'javascript:alert(1)',
      'not a url'
    ]) {
      expect(isFlightdeckPageUrl(url, undefined), url).toBe(false);
    }
  });

  it('accepts only the dev server origin when one is set', () => {
    const dev = 'http://localhost:5173/';
    expect(isFlightdeckPageUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isFlightdeckPageUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isFlightdeckPageUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isFlightdeckPageUrl(APP_ENTRY_URL, dev)).toBe(false);
  });
});
