import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './main/host/content-security-policy';

/** Puts the one Content-Security-Policy into index.html (browser mode sends it as a header too). */
function contentSecurityPolicy(): Plugin {
  // frame-ancestors is ignored in a meta tag (and logged as an error), so it stays header-only.
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'flightdeck-csp',
    transformIndexHtml: (html) =>
      html.replace('<!-- csp -->', `<meta http-equiv="Content-Security-Policy" content="${policy}" />`)
  };
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('main/index.ts'),
          serve: resolve('main/host/serve.ts'),
          // The session store commits in a worker thread; it loads this file beside the entry.
          'store-worker': resolve('main/store/store-worker.ts'),
          // The optimizer's evaluation workers (when `optimization.evaluation_workers` > 0).
          'evaluation-worker': resolve('main/engines/session/evaluation-worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        // A sandboxed preload must be one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve('renderer'),
    build: {
      rollupOptions: { input: resolve('renderer/index.html') }
    },
    plugins: [react(), contentSecurityPolicy()]
  }
});
