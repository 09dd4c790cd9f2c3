/**
 * Public types of the GitHub Releases API emulator. State objects use GitHub's own snake_case
 * field names so assertions read like the JSON the API serves.
 */

/** Every route the emulator serves, by the name faults and request records use. */
export type RouteName =
  | 'get-repo'
  | 'list-releases'
  | 'get-release'
  | 'get-release-by-tag'
  | 'get-latest'
  | 'create-release'
  | 'update-release'
  | 'delete-release'
  | 'list-assets'
  | 'get-asset'
  | 'update-asset'
  | 'delete-asset'
  | 'upload-asset'
  | 'download'
  | 'release-page'
  | 'generate-notes'
  | 'immutable-releases'
  | 'get-user'
  | 'create-fork'
  | 'get-ref'
  | 'create-ref'
  | 'update-ref'
  | 'get-commit'
  | 'create-tree'
  | 'create-commit'
  | 'get-content'
  | 'put-content'
  | 'list-pulls'
  | 'get-pull'
  | 'create-pull'
  | 'update-pull';

export type Origin = 'api' | 'uploads' | 'download';

export type FaultKind =
  | '502-starter'
  | '500-stored'
  | 'secondary-403'
  | 'secondary-429'
  | 'primary'
  | 'reset'
  | 'latency'
  | 'status';

/** What a fault's `match` predicate sees about a call. `name` is the asset name when known
 * (the raw `?name=` of an upload; the stored name for asset routes and downloads). */
export interface FaultCallInfo {
  name?: string;
  path: string;
  method: string;
  tag?: string;
  releaseId?: number;
  assetId?: number;
}

export interface FaultSpec {
  route: RouteName;
  /** Upper-case HTTP method; omitted = any. */
  method?: string;
  match?: (info: FaultCallInfo) => boolean;
  /** Let the first N matching calls pass untouched. Default 0. */
  skip?: number;
  /** How many calls the fault hits once armed. Default 1. */
  times?: number;
  kind: FaultKind;
  /** secondary-403/429: `retry-after` header in seconds (omitted = no header). */
  retryAfter?: number;
  /** primary: seconds from now for `x-ratelimit-reset`. Default 60. */
  resetSeconds?: number;
  /** latency: delay before serving normally. */
  ms?: number;
  /** status: the answer. Default 500 with `{message:'Server Error'}`. */
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** reset on uploads: body bytes to read before destroying the socket. Default half the body
   * (at most 64 KiB, at least 1). */
  afterBytes?: number;
  /** reset on uploads: also leave a `starter` asset behind, as a broken upload can. */
  leaveStarter?: boolean;
}

/** One HTTP request to any of the three origins, recorded on arrival; `status` is filled in
 * when the response finishes (0 if the socket was destroyed first). */
export interface RequestRecord {
  origin: Origin;
  method: string;
  /** Path and query exactly as received. */
  path: string;
  route: RouteName | 'unknown';
  status: number;
  /** Request headers, lower-cased names, as received (including authorization). */
  headers: Record<string, string | string[] | undefined>;
  /** Arrival time, ms since the epoch. */
  at: number;
  /** The address the connection came from (a proxy's, when it went through one). */
  from?: string;
  /** Parsed JSON request body of API writes, when there was one. */
  body?: unknown;
  /** The fault that hit this request, if any. */
  fault?: FaultKind;
}

export interface EmuAsset {
  id: number;
  node_id: string;
  name: string;
  label: string | null;
  state: 'uploaded' | 'starter';
  content_type: string;
  size: number;
  digest: string | null;
  download_count: number;
  created_at: string;
  updated_at: string;
}

export interface EmuRelease {
  id: number;
  node_id: string;
  tag_name: string;
  target_commitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  immutable: boolean;
  created_at: string;
  published_at: string | null;
  updated_at: string;
  assets: EmuAsset[];
}

export interface RepoOptions {
  private?: boolean;
  immutableReleases?: boolean;
  defaultBranch?: string;
}

/** A token's identity. Without `login` and `repos` it is the legacy all-powerful token (push to
 * every repo, GET /user 403 like an installation token). With `login` it is a user's personal
 * access token: push to the login's own repos (and `repos`), fork, open pull requests anywhere.
 * With `repos` only (GITHUB_TOKEN): push to those repos, nothing else. A 'read' scope never
 * pushes, forks or opens pull requests. */
export interface TokenOptions {
  login?: string;
  repos?: string[];
  /** Like the workflow token: GET /repos/{o}/{r} shows no `permissions` at all. */
  installation?: boolean;
}

export interface EmuToken extends TokenOptions {
  scope: 'write' | 'read';
}

/** A pull request, kept on its base repository. `head.repo` is the head repo's full name. */
export interface EmuPull {
  id: number;
  number: number;
  node_id: string;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  draft: boolean;
  merged: boolean;
  merged_at: string | null;
  closed_at: string | null;
  merge_commit_sha: string | null;
  maintainer_can_modify: boolean;
  created_at: string;
  updated_at: string;
  /** The login of the token that opened it (the Actions bot for installation tokens). */
  user: string;
  author_association: 'OWNER' | 'COLLABORATOR' | 'CONTRIBUTOR' | 'NONE';
  head: { repo: string; ref: string; sha: string };
  base: { ref: string; sha: string };
}

export interface SeedAsset {
  name: string;
  content: Buffer | string;
  state?: 'uploaded' | 'starter';
  /** Omitted: sha256 of content. null: a legacy asset without digest. A string: served as is. */
  digest?: string | null;
  label?: string | null;
  content_type?: string;
}

export interface SeedRelease {
  tag_name: string;
  name?: string | null;
  body?: string | null;
  draft?: boolean;
  prerelease?: boolean;
  target_commitish?: string;
  created_at?: string;
  published_at?: string | null;
  /** Applied as on publish (default 'true' for a published full release). */
  make_latest?: 'true' | 'false' | 'legacy';
  /** Default: the repo's immutableReleases setting, for published releases. */
  immutable?: boolean;
  assets?: SeedAsset[];
}

export interface EmuEvent {
  type:
    | 'release-created'
    | 'release-updated'
    | 'release-published'
    | 'release-deleted'
    | 'asset-created'
    | 'asset-starter-created'
    | 'asset-deleted'
    | 'asset-renamed'
    | 'ref-updated'
    | 'pull-opened'
    | 'pull-updated'
    | 'pull-merged';
  repo: string;
  releaseId?: number;
  assetId?: number;
  assetName?: string;
  /** asset-renamed: the name before. */
  previousName?: string;
  /** ref-updated: the branch and its new commit. */
  ref?: string;
  sha?: string;
  /** pull-*: the pull request's number. */
  pullNumber?: number;
}

export interface EmulatorOptions {
  /** Delay added to every request on every origin. */
  latencyMs?: number;
  /** Concurrent creates for one tag arriving within this window each get a release. */
  raceWindowMs?: number;
  /** Parent directory for stored asset bytes (a fresh subdirectory is made and removed on
   * close). Default: os.tmpdir(). */
  dataDir?: string;
  /** How many requests a new fork answers 404 before it is ready (GitHub forks
   * asynchronously). Default 0. */
  forkLag?: number;
  /** Fixed ports (the CLI); default 0 = any free port. */
  ports?: { api?: number; uploads?: number; download?: number };
}
