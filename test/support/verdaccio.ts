/**
 * A real npm registry on loopback for tests: Verdaccio from npm, in a child process, on
 * 127.0.0.1 with a random port, its storage, config and htpasswd in a temporary directory and no
 * uplinks, so it never leaves the machine. Reads are anonymous (as on the public registry);
 * publishing, unpublishing and dist-tags need a user's token. Start one per test file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'verdaccio', 'child.ts');

export interface Verdaccio {
  /** `http://127.0.0.1:PORT/`, with the trailing slash npm writes registries with. */
  url: string;
  /** The first user's name, password and token (from startVerdaccio's options). */
  user: string;
  password: string;
  token: string;
  /** Where Verdaccio keeps packages (removed by close()). */
  storage: string;
  /** Creates another user; returns its token. */
  addUser(name: string, password: string): Promise<string>;
  close(): Promise<void>;
}

function config(dir: string): string {
  // JSON is YAML: no YAML writer needed.
  const rules = { access: '$all', publish: '$authenticated', unpublish: '$authenticated' };
  return JSON.stringify({
    storage: path.join(dir, 'storage'),
    auth: { htpasswd: { file: path.join(dir, 'htpasswd'), max_users: 1000, algorithm: 'sha1' } },
    uplinks: {},
    packages: { '@*/*': rules, '**': rules },
    web: { enable: false },
    max_body_size: '200mb',
    log: { type: 'stdout', format: 'json', level: 'error' },
  });
}

async function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`verdaccio did not start in 30 s: ${err}`)),
      30_000,
    );
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"port":'));
      if (line !== undefined) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`verdaccio exited with ${code} before listening: ${err}${out}`));
    });
  });
}

async function createUser(url: string, name: string, password: string): Promise<string> {
  const res = await fetch(`${url}-/user/org.couchdb.user:${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      _id: `org.couchdb.user:${name}`,
      name,
      password,
      type: 'user',
      roles: [],
    }),
  });
  const body = (await res.json()) as { token?: string; error?: string };
  if (!res.ok || typeof body.token !== 'string') {
    throw new Error(`verdaccio refused user ${name}: ${res.status} ${JSON.stringify(body)}`);
  }
  return body.token;
}

export async function startVerdaccio(
  opts: { user?: string; password?: string } = {},
): Promise<Verdaccio> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'verdaccio-'));
  const file = path.join(dir, 'config.yaml');
  await fs.writeFile(file, config(dir));
  const child = spawn(process.execPath, [CHILD, file], {
    stdio: ['pipe', 'pipe', 'pipe'],
    cwd: dir,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let port: number;
  try {
    port = await waitForPort(child);
  } catch (e) {
    child.kill();
    await fs.rm(dir, { recursive: true, force: true });
    throw e;
  }
  child.stdout!.resume();
  const url = `http://127.0.0.1:${port}/`;
  const user = opts.user ?? 'releaser';
  const password = opts.password ?? 'releaser-password';
  const token = await createUser(url, user, password);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    user,
    password,
    token,
    storage: path.join(dir, 'storage'),
    addUser: (name, pw) => createUser(url, name, pw),
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.stdin!.end();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
