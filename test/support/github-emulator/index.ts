/**
 * A stateful GitHub Releases API emulator for tests, the demo and benchmarks, with the repository,
 * git data, contents and pull-request routes the registry pull-request flow needs: three real HTTP
 * servers on 127.0.0.1 (API under a GHES-style `/api/v3` prefix, uploads, downloads) that
 * production Octokit code reaches through GITHUB_API_URL and the release's `upload_url`.
 * See types.ts for the shapes and faults.ts for fault scripting.
 */
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FaultScript } from './faults.ts';
import type { Core } from './http.ts';
import { commitFiles, resolveRef } from './repo-git.ts';
import { listen, makeServer, type Dispatcher } from './server.ts';
import { EmuState } from './state.ts';
import type {
  EmuEvent,
  EmulatorOptions,
  EmuPull,
  EmuRelease,
  RepoOptions,
  RequestRecord,
  SeedRelease,
  TokenOptions,
} from './types.ts';

export { rewriteAssetName } from './names.ts';
export { assertMatchesSchema, schemaProblems, type SchemaName } from './schemas.ts';
export { MAX_ASSET_SIZE, MAX_ASSETS } from './uploads.ts';
export { FaultScript } from './faults.ts';
export { EmuClient, type Json, type Res } from './client.ts';
export type * from './types.ts';

export interface GitHubEmulator {
  /** `http://127.0.0.1:PORT/api/v3`: every REST route lives under it. */
  apiUrl: string;
  /** Origin of upload_url: `${uploadsOrigin}/api/uploads/repos/o/r/releases/ID/assets{?name,label}`. */
  uploadsOrigin: string;
  /** Origin of browser_download_url, html_url and the API's 302 download redirects. */
  downloadOrigin: string;
  /** Where asset bytes are stored (removed by close()). */
  dataDir: string;
  addRepo(fullName: string, opts?: RepoOptions): void;
  /** Unknown tokens get 401; a 'read' token gets 403 on every write. `opts` gives the token a
   * user (`login`) and/or limits its push access (`repos`); see TokenOptions. */
  addToken(token: string, scope: 'write' | 'read', opts?: TokenOptions): void;
  faults: FaultScript;
  /** Every request to all three origins, in arrival order. */
  requests: RequestRecord[];
  resetRequests(): void;
  /** Snapshots (deep copies) of all releases including drafts, by id ascending. */
  releases(repo: string): EmuRelease[];
  /** The id of the release /releases/latest serves, or null. */
  latestReleaseId(repo: string): number | null;
  assetBytes(repo: string, assetId: number): Promise<Buffer>;
  seedRelease(repo: string, release: SeedRelease): EmuRelease;
  onEvent(listener: (e: EmuEvent) => void): void;
  /** One commit on `branch` (made from the default branch when missing) writing each file, or
   * deleting it for null. Returns the commit sha. */
  seedRepoFiles(
    repo: string,
    branch: string,
    files: Record<string, string | Buffer | null>,
    message?: string,
  ): string;
  /** A file's text at a branch (or commit sha), or undefined. */
  repoFile(repo: string, ref: string, path: string): string | undefined;
  /** Every file path at a branch (or commit sha), sorted. */
  repoPaths(repo: string, ref: string): string[];
  /** Branch name -> commit sha, or undefined for an unknown repo. */
  branches(repo: string): Record<string, string> | undefined;
  /** A commit's parents and message. */
  commit(repo: string, sha: string): { sha: string; parents: string[]; message: string };
  /** Snapshots of the pull requests whose base is `repo`, by number. */
  pulls(repo: string): EmuPull[];
  /** The repo a fork was made from, or undefined. */
  parentOf(repo: string): string | undefined;
  /** Requests a new fork answers 404 before it is ready (GitHub forks asynchronously). */
  setForkLag(requests: number): void;
  close(): Promise<void>;
}

function snapshot(release: EmuRelease): EmuRelease {
  const copy = structuredClone(release);
  copy.assets.sort((a, b) => a.id - b.id);
  return copy;
}

export async function startGitHubEmulator(opts: EmulatorOptions = {}): Promise<GitHubEmulator> {
  const dataDir = mkdtempSync(join(opts.dataDir ?? tmpdir(), 'github-emulator-'));
  const state = new EmuState(dataDir);
  state.forkLag = opts.forkLag ?? 0;
  const faults = new FaultScript();
  const origins = { apiUrl: '', uploadsOrigin: '', downloadOrigin: '' };
  const core: Core = {
    state,
    origins,
    faults,
    raceWindowMs: opts.raceWindowMs ?? 0,
    links: new Map(),
  };
  const d: Dispatcher = {
    core,
    latencyMs: opts.latencyMs ?? 0,
    requests: [],
    used: new Map(),
    resetAt: Math.floor(Date.now() / 1000) + 3600,
  };
  const servers: Server[] = [
    makeServer(d, 'api'),
    makeServer(d, 'uploads'),
    makeServer(d, 'download'),
  ];
  const [api, uploads, download] = servers as [Server, Server, Server];
  const ports = opts.ports ?? {};
  origins.apiUrl = `http://127.0.0.1:${await listen(api, ports.api)}/api/v3`;
  origins.uploadsOrigin = `http://127.0.0.1:${await listen(uploads, ports.uploads)}`;
  origins.downloadOrigin = `http://127.0.0.1:${await listen(download, ports.download)}`;

  const emulator: GitHubEmulator = {
    ...origins,
    dataDir,
    faults,
    requests: d.requests,
    addRepo: (fullName, repoOpts) => void state.addRepo(fullName, repoOpts),
    addToken: (token, scope, tokenOpts = {}) =>
      void state.tokens.set(token, { scope, ...tokenOpts }),
    resetRequests: () => void d.requests.splice(0),
    releases: (repo) =>
      state
        .requireRepo(repo)
        .releases.map(snapshot)
        .sort((a, b) => a.id - b.id),
    latestReleaseId: (repo) => state.requireRepo(repo).latestId,
    assetBytes: (repo, assetId) => state.assetBytes(state.requireRepo(repo), assetId),
    seedRelease: (repo, release) => seed(state, repo, release),
    onEvent: (listener) => state.onEvent(listener),
    seedRepoFiles: (repo, branch, files, message = 'Seed files') =>
      commitFiles(state, state.requireRepo(repo), branch, files, message).sha,
    repoFile: (repo, ref, path) => {
      const r = state.requireRepo(repo);
      const c = resolveRef(state, r, ref);
      return c && state.git.file(c, path)?.content.toString('utf8');
    },
    repoPaths: (repo, ref) => {
      const c = resolveRef(state, state.requireRepo(repo), ref);
      return c ? [...state.git.treeOf(c).keys()].sort() : [];
    },
    branches: (repo) => {
      const r = state.repo(repo);
      return r && Object.fromEntries(r.branches);
    },
    commit: (repo, sha) => {
      const c = state.git.commit(state.requireRepo(repo).network, sha);
      if (!c) throw new Error(`no commit ${sha} in ${repo}`);
      return { sha: c.sha, parents: [...c.parents], message: c.message };
    },
    pulls: (repo) => structuredClone(state.requireRepo(repo).pulls),
    parentOf: (repo) => state.requireRepo(repo).parent,
    setForkLag: (requests) => void (state.forkLag = requests),
    close: async () => {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      );
      state.destroy();
    },
  };
  return emulator;
}

/** Direct state setup, bypassing HTTP. Assets are stored under the given names as is. */
function seed(state: EmuState, repoName: string, input: SeedRelease): EmuRelease {
  const repo = state.requireRepo(repoName);
  const fields: Partial<EmuRelease> & { tag_name: string } = {
    tag_name: input.tag_name,
    name: input.name ?? null,
    body: input.body ?? null,
    prerelease: input.prerelease ?? false,
    draft: true,
  };
  if (input.target_commitish !== undefined) fields.target_commitish = input.target_commitish;
  if (input.created_at !== undefined) {
    fields.created_at = input.created_at;
    fields.updated_at = input.created_at;
  }
  const release = state.newRelease(repo, fields);
  for (const a of input.assets ?? []) {
    if (release.assets.some((x) => x.name === a.name)) {
      throw new Error(`seedRelease: duplicate asset name ${a.name}`);
    }
    const id = state.allocAssetId();
    const starter = a.state === 'starter';
    const content = Buffer.from(a.content);
    const computed = starter ? null : state.writeSeedBytes(id, content);
    state.addAsset(
      repo,
      release,
      {
        name: a.name,
        label: a.label ?? null,
        state: starter ? 'starter' : 'uploaded',
        content_type: a.content_type ?? 'application/octet-stream',
        size: starter ? 0 : content.length,
        digest: a.digest === undefined ? computed : a.digest,
      },
      id,
    );
  }
  if (input.draft !== true) {
    const at = input.published_at ?? input.created_at;
    state.publish(repo, release, at ?? undefined, input.immutable);
    state.applyMakeLatest(repo, release, input.make_latest ?? 'true');
  }
  return snapshot(release);
}
