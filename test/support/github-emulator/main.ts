/**
 * Command-line wrapper for manual testing:
 *   node test/support/github-emulator/main.ts [--port N] [--uploads-port N] [--download-port N]
 *     [--latency MS] [--race-window MS] [--fork-lag N]
 *     [--repo owner/name[:private][:immutable][:branch=NAME]]...
 *     [--token TOKEN[:read|:write][:login=NAME][:repos=o/r,o/r]]...
 *     [--file owner/name:path/in/repo=LOCAL_FILE]...  (committed on the default branch)
 * Prints `{"apiUrl":...,"uploadsOrigin":...,"downloadOrigin":...}` on one line, then serves
 * until SIGTERM or SIGINT. Every request is logged to stderr.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startGitHubEmulator } from './index.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'uploads-port': { type: 'string', default: '0' },
    'download-port': { type: 'string', default: '0' },
    latency: { type: 'string', default: '0' },
    'race-window': { type: 'string', default: '0' },
    'fork-lag': { type: 'string', default: '0' },
    file: { type: 'string', multiple: true, default: [] },
    repo: { type: 'string', multiple: true, default: [] },
    token: { type: 'string', multiple: true, default: [] },
  },
  strict: true,
});

const int = (flag: string, v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${flag} must be a non-negative integer`);
  return n;
};

const emu = await startGitHubEmulator({
  latencyMs: int('latency', values.latency),
  raceWindowMs: int('race-window', values['race-window']),
  forkLag: int('fork-lag', values['fork-lag']),
  ports: {
    api: int('port', values.port),
    uploads: int('uploads-port', values['uploads-port']),
    download: int('download-port', values['download-port']),
  },
});

/** `name:flag:key=value...` -> [name, flags, options]. */
function parseSpec(spec: string): [string, string[], Map<string, string>] {
  const [name = '', ...rest] = spec.split(':');
  const opts = new Map<string, string>();
  const flags: string[] = [];
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq < 0) flags.push(part);
    else opts.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return [name, flags, opts];
}

for (const spec of values.repo) {
  const [name, flags, opts] = parseSpec(spec);
  const branch = opts.get('branch');
  emu.addRepo(name, {
    private: flags.includes('private'),
    immutableReleases: flags.includes('immutable'),
    ...(branch === undefined ? {} : { defaultBranch: branch }),
  });
}
for (const spec of values.token) {
  const [token, flags, opts] = parseSpec(spec);
  const scope = flags[0] ?? 'write';
  if (scope !== 'read' && scope !== 'write') throw new Error(`token scope must be read or write`);
  const login = opts.get('login');
  const repos = opts.get('repos')?.split(',');
  emu.addToken(token, scope, {
    ...(login === undefined ? {} : { login }),
    ...(repos === undefined ? {} : { repos }),
  });
}
for (const spec of values.file) {
  const m = /^([^/:]+\/[^/:]+):([^=]+)=(.+)$/.exec(spec);
  if (!m) throw new Error(`--file must be owner/name:path=LOCAL_FILE: ${spec}`);
  const [, repo = '', path = '', local = ''] = m;
  // The default branch is the first one a repository gets.
  const branch = Object.keys(emu.branches(repo) ?? {})[0] ?? 'main';
  emu.seedRepoFiles(repo, branch, { [path]: readFileSync(local) }, `Add ${path}`);
}

let logged = 0;
const timer = setInterval(() => {
  for (const r of emu.requests.slice(logged)) {
    if (r.status === 0) break;
    console.error(`${r.origin} ${r.method} ${r.path} -> ${r.status} (${r.route})`);
    logged++;
  }
}, 200);

console.log(
  JSON.stringify({
    apiUrl: emu.apiUrl,
    uploadsOrigin: emu.uploadsOrigin,
    downloadOrigin: emu.downloadOrigin,
  }),
);

const stop = () => {
  clearInterval(timer);
  void emu.close().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
