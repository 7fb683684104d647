import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BrowserModeServer {
  url: string;
  origin: string;
  token: string;
  port: number;
  stop(): Promise<void>;
}

const ROOT = join(import.meta.dirname, '..', '..');
const LISTENING = /Flightdeck listening on (http:\/\/\S+)/;

/**
 * Starts `out/main/serve.js` (run `npm run build` first) on a free port and resolves once it
 * prints its URL. The server is stopped by `stop()`. Each start records into a workspace of its
 * own unless `args` names one (`--data-dir`), so no test sees another's sessions.
 */
export function startBrowserMode(args: string[] = []): Promise<BrowserModeServer> {
  const workspace = args.includes('--data-dir') ? [] : ['--data-dir', mkdtempSync(join(tmpdir(), 'flightdeck-e2e-'))];
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'out', 'main', 'serve.js'), '--port', '0', ...workspace, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`browser mode did not start within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = LISTENING.exec(output);
      if (!match) return;
      clearTimeout(timer);
      const url = new URL(match[1] as string);
      resolve({
        url: url.toString(),
        origin: url.origin,
        token: url.searchParams.get('token') ?? '',
        port: Number(url.port),
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          })
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
}
