import type { Readable } from 'node:stream';

/**
 * The GitHub Releases API as the publisher needs it: one small interface, one Octokit adapter
 * (`octokit.ts`), and a real HTTP emulator in the tests. List methods return every page.
 * Every method throws ReleaseError (AUTH, GITHUB_API, NETWORK, RELEASE_IMMUTABLE) after the
 * retries that the adapter does at the network edge.
 */
export interface ReleaseAsset {
  id: number;
  name: string;
  label: string | null;
  size: number;
  /** `sha256:<hex>` as GitHub reports it; null for assets uploaded before mid-2025. */
  digest: string | null;
  state: 'uploaded' | 'starter' | string;
  browser_download_url: string;
  created_at: string;
}

export interface Release {
  id: number;
  tag_name: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  immutable?: boolean;
  html_url: string;
  upload_url: string;
  created_at: string;
  published_at: string | null;
  /** The release's assets as the list and get endpoints embed them (first page only). */
  assets?: { name: string }[];
}

export interface CreateReleaseParams {
  tag_name: string;
  name?: string;
  body?: string;
  draft: boolean;
  prerelease: boolean;
  generate_release_notes?: boolean;
}

export interface UpdateReleaseParams {
  name?: string;
  body?: string;
  draft?: boolean;
  prerelease?: boolean;
  make_latest?: 'true' | 'false' | 'legacy';
}

export interface UploadSource {
  path: string;
  size: number;
  contentType: string;
}

export interface ReleaseApi {
  listReleases(): Promise<Release[]>;
  /** Published releases only, as the installer sees them; undefined on 404. */
  getReleaseByTag(tag: string): Promise<Release | undefined>;
  getLatestRelease(): Promise<Release | undefined>;
  createRelease(params: CreateReleaseParams): Promise<Release>;
  updateRelease(id: number, params: UpdateReleaseParams): Promise<Release>;
  deleteRelease(id: number): Promise<void>;
  listAssets(releaseId: number): Promise<ReleaseAsset[]>;
  /** One attempt: streams the file from disk to the release's upload_url. */
  uploadAsset(release: Release, name: string, source: UploadSource): Promise<ReleaseAsset>;
  renameAsset(assetId: number, name: string): Promise<ReleaseAsset>;
  deleteAsset(assetId: number): Promise<void>;
  /** The asset's bytes, following GitHub's redirect without forwarding the token. */
  downloadAsset(assetId: number): Promise<Readable>;
  /**
   * `push`: whether the token may write, when GitHub says (user tokens and PATs); absent for
   * GitHub Apps' installation tokens such as the workflow token.
   */
  getRepository(): Promise<{ private: boolean; fullName: string; push?: boolean }>;
  /** GitHub's generated notes for a tag (saves nothing). */
  generateNotes(tag: string): Promise<{ name: string; body: string }>;
  /** How many HTTP requests this client has sent (retries included). */
  readonly requestCount: number;
}
