/**
 * Command-line wrapper for manual testing:
 *   node test/support/github-emulator/main.ts [--port N] [--uploads-port N] [--download-port N]
 *     [--latency MS] [--race-window MS] [--repo owner/name[:private][:immutable]]...
 *     [--token TOKEN[:read|:write]]...
 * Prints `{"apiUrl":...,"uploadsOrigin":...,"downloadOrigin":...}` on one line, then serves
 * until SIGTERM or SIGINT. Every request is logged to stderr.
 */
import { parseArgs } from 'node:util';
import { startGitHubEmulator } from './index.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'uploads-port': { type: 'string', default: '0' },
    'download-port': { type: 'string', default: '0' },
    latency: { type: 'string', default: '0' },
    'race-window': { type: 'string', default: '0' },
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
  ports: {
    api: int('port', values.port),
    uploads: int('uploads-port', values['uploads-port']),
    download: int('download-port', values['download-port']),
  },
});

for (const spec of values.repo) {
  const [name = '', ...flags] = spec.split(':');
  emu.addRepo(name, {
    private: flags.includes('private'),
    immutableReleases: flags.includes('immutable'),
  });
}
for (const spec of values.token) {
  const [token = '', scope = 'write'] = spec.split(':');
  if (scope !== 'read' && scope !== 'write') throw new Error(`token scope must be read or write`);
  emu.addToken(token, scope);
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
