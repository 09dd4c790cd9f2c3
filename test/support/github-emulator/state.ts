/**
 * The emulator's in-memory model: repositories, tokens, releases and their assets, the latest
 * flag, burned tags, and where asset bytes live on disk. Route handlers decide what is allowed;
 * this module only keeps the books consistent and announces changes to event listeners.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { GitStore } from './git.ts';
import type { EmuAsset, EmuEvent, EmuPull, EmuRelease, EmuToken, RepoOptions } from './types.ts';

export interface RepoState {
  fullName: string;
  owner: string;
  name: string;
  id: number;
  private: boolean;
  immutableReleases: boolean;
  defaultBranch: string;
  /** Tags once published as immutable releases: never usable again. */
  burnedTags: Set<string>;
  latestId: number | null;
  releases: EmuRelease[];
  /** The fork network (the root repository's id): which commits this repo can see. */
  network: number;
  /** Full name of the repository this one is a fork of. */
  parent: string | undefined;
  /** Branch name -> commit sha (see repo-git.ts). */
  branches: Map<string, string>;
  /** A fork still being created: this many more requests answer 404. */
  pendingReads: number;
  /** Pull requests whose base is this repository, by number. */
  pulls: EmuPull[];
  nextNumber: number;
}

export type MakeLatest = 'true' | 'false' | 'legacy';

/** GitHub timestamps: ISO 8601 in UTC without milliseconds. */
export function isoNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function nodeId(prefix: string, id: number): string {
  return `${prefix}_${Buffer.from(`emu:${id}`).toString('base64url')}`;
}

function byCreation(a: EmuRelease, b: EmuRelease): number {
  return a.created_at === b.created_at ? a.id - b.id : a.created_at < b.created_at ? -1 : 1;
}

export class EmuState {
  readonly repos = new Map<string, RepoState>();
  readonly tokens = new Map<string, EmuToken>();
  readonly git = new GitStore();
  readonly dir: string;
  /** Requests a new fork answers 404 before it is ready. */
  forkLag = 0;
  nextPullId = 7000;
  private nextRepoId = 100;
  private nextReleaseId = 1000;
  private nextAssetId = 50_000;
  private readonly listeners: ((e: EmuEvent) => void)[] = [];

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  addRepo(fullName: string, opts: RepoOptions = {}): RepoState {
    const [owner, name, extra] = fullName.split('/');
    if (!owner || !name || extra !== undefined)
      throw new Error(`repo must be owner/name: ${fullName}`);
    const repo: RepoState = {
      fullName,
      owner,
      name,
      id: this.nextRepoId++,
      private: opts.private ?? false,
      immutableReleases: opts.immutableReleases ?? false,
      defaultBranch: opts.defaultBranch ?? 'main',
      burnedTags: new Set(),
      latestId: null,
      releases: [],
      network: 0,
      parent: undefined,
      branches: new Map(),
      pendingReads: 0,
      pulls: [],
      nextNumber: 1,
    };
    repo.network = repo.id;
    // Repositories start like GitHub's auto_init: one commit on the default branch (empty tree).
    const tree = this.git.putTree(new Map());
    const initial = this.git.putCommit(repo.network, {
      tree,
      parents: [],
      message: 'Initial commit',
    });
    repo.branches.set(repo.defaultBranch, initial.sha);
    this.repos.set(fullName.toLowerCase(), repo);
    return repo;
  }

  /** Repository names are case-insensitive, as on GitHub. */
  repo(fullName: string): RepoState | undefined {
    return this.repos.get(fullName.toLowerCase());
  }

  requireRepo(fullName: string): RepoState {
    const repo = this.repo(fullName);
    if (!repo) throw new Error(`emulator has no repo ${fullName}; call addRepo first`);
    return repo;
  }

  onEvent(listener: (e: EmuEvent) => void): void {
    this.listeners.push(listener);
  }

  emit(e: EmuEvent): void {
    for (const l of this.listeners) l(e);
  }

  newRelease(repo: RepoState, fields: Partial<EmuRelease> & { tag_name: string }): EmuRelease {
    const id = this.nextReleaseId++;
    const now = isoNow();
    const release: EmuRelease = {
      id,
      node_id: nodeId('RE', id),
      target_commitish: repo.defaultBranch,
      name: null,
      body: null,
      draft: false,
      prerelease: false,
      immutable: false,
      created_at: now,
      published_at: null,
      updated_at: now,
      assets: [],
      ...fields,
    };
    repo.releases.push(release);
    this.emit({ type: 'release-created', repo: repo.fullName, releaseId: id });
    return release;
  }

  findRelease(repo: RepoState, id: number): EmuRelease | undefined {
    return repo.releases.find((r) => r.id === id);
  }

  findAsset(
    repo: RepoState,
    assetId: number,
  ): { release: EmuRelease; asset: EmuAsset } | undefined {
    for (const release of repo.releases) {
      const asset = release.assets.find((a) => a.id === assetId);
      if (asset) return { release, asset };
    }
    return undefined;
  }

  /** Marks a draft published now (or at `at`): immutable when the repo enforces it, which also
   * burns the tag. Latest is applied separately by `applyMakeLatest`. */
  publish(repo: RepoState, release: EmuRelease, at = isoNow(), immutable?: boolean): void {
    release.draft = false;
    release.published_at = at;
    release.updated_at = at;
    release.immutable = immutable ?? repo.immutableReleases;
    if (release.immutable) repo.burnedTags.add(release.tag_name);
    this.emit({ type: 'release-published', repo: repo.fullName, releaseId: release.id });
  }

  /** GitHub's make_latest on a published release: 'true' takes the flag (full releases only),
   * 'false' leaves it where it is, 'legacy' picks the newest published full release by
   * creation date. Drafts and prereleases never become latest. */
  applyMakeLatest(repo: RepoState, release: EmuRelease, mode: MakeLatest): void {
    const eligible = !release.draft && !release.prerelease;
    if (mode === 'true' && eligible) repo.latestId = release.id;
    else if (mode === 'legacy') this.recomputeLatest(repo);
    else if (repo.latestId === release.id && !eligible) this.recomputeLatest(repo);
  }

  /** Legacy rule, also used when the latest release is deleted, unpublished or demoted. */
  recomputeLatest(repo: RepoState, excludeId?: number): void {
    const candidates = repo.releases
      .filter((r) => !r.draft && !r.prerelease && r.id !== excludeId)
      .sort(byCreation);
    repo.latestId = candidates.at(-1)?.id ?? null;
  }

  deleteRelease(repo: RepoState, release: EmuRelease): void {
    repo.releases = repo.releases.filter((r) => r !== release);
    for (const asset of release.assets) void rm(this.assetPath(asset.id), { force: true });
    if (repo.latestId === release.id) this.recomputeLatest(repo);
    this.emit({ type: 'release-deleted', repo: repo.fullName, releaseId: release.id });
  }

  assetPath(assetId: number): string {
    return join(this.dir, `asset-${assetId}`);
  }

  /** Adds an asset whose bytes are already at `assetPath(id)` (or none, for a starter). */
  addAsset(
    repo: RepoState,
    release: EmuRelease,
    fields: Omit<EmuAsset, 'id' | 'node_id' | 'created_at' | 'updated_at' | 'download_count'>,
    id = this.allocAssetId(),
  ): EmuAsset {
    const now = isoNow();
    const asset: EmuAsset = {
      id,
      node_id: nodeId('RA', id),
      download_count: 0,
      created_at: now,
      updated_at: now,
      ...fields,
    };
    release.assets.push(asset);
    const type = asset.state === 'starter' ? 'asset-starter-created' : 'asset-created';
    this.emit({
      type,
      repo: repo.fullName,
      releaseId: release.id,
      assetId: id,
      assetName: asset.name,
    });
    return asset;
  }

  allocAssetId(): number {
    return this.nextAssetId++;
  }

  /** Seeding helper: writes the bytes synchronously (no file for empty content: size-0 assets
   * are served without one) and returns the digest. */
  writeSeedBytes(assetId: number, content: Buffer): string {
    if (content.length > 0) writeFileSync(this.assetPath(assetId), content);
    return `sha256:${createHash('sha256').update(content).digest('hex')}`;
  }

  removeAsset(repo: RepoState, release: EmuRelease, asset: EmuAsset): void {
    release.assets = release.assets.filter((a) => a !== asset);
    void rm(this.assetPath(asset.id), { force: true });
    this.emit({
      type: 'asset-deleted',
      repo: repo.fullName,
      releaseId: release.id,
      assetId: asset.id,
      assetName: asset.name,
    });
  }

  async assetBytes(repo: RepoState, assetId: number): Promise<Buffer> {
    const found = this.findAsset(repo, assetId);
    if (!found) throw new Error(`no asset ${assetId} in ${repo.fullName}`);
    if (found.asset.state === 'starter' || found.asset.size === 0) return Buffer.alloc(0);
    return readFile(this.assetPath(assetId));
  }

  destroy(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
