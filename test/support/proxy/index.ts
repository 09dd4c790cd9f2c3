/**
 * Starts the proxy process of main.ts and records what it forwards. `localAddress` (default
 * 127.0.0.2) is where its outgoing connections come from; `targets` lists every CONNECT
 * `host:port` and every forwarded absolute URL, in order. `close()` stops the process.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface TestProxy {
  url: string;
  localAddress: string;
  targets: { method: string; target: string }[];
  close(): Promise<void>;
}

export function startProxy(opts: { localAddress?: string } = {}): Promise<TestProxy> {
  const localAddress = opts.localAddress ?? '127.0.0.2';
  const child = spawn(
    process.execPath,
    [path.join(import.meta.dirname, 'main.ts'), '--local-address', localAddress],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const targets: TestProxy['targets'] = [];
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`proxy exited with ${code} before listening`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const msg = JSON.parse(line) as { url?: string; method?: string; target?: string };
      if (msg.url === undefined) {
        targets.push({ method: msg.method ?? '', target: msg.target ?? '' });
        return;
      }
      child.removeAllListeners('exit');
      resolve({
        url: msg.url,
        localAddress,
        targets,
        close: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
