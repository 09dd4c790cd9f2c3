import type { Config } from './config.ts';
import type { Release, ReleaseApi, ReleaseAsset } from './github/types.ts';
import type { LocalAsset, LocalFiles } from './publish/local.ts';
import type { Profile, ProfileManifest } from './ecosystems/types.ts';
import type { ReleasePlan } from './plan.ts';
import type { EarlyVerify } from './publish/draft-verify.ts';
import type { Reporter } from './report.ts';
import type { VerifyReport } from './verify/report.ts';

/** One artifact in `dist`, as reported in the `assets` output. */
export interface Asset {
  name: string;
  path: string;
  size: number;
  sha256: string;
  target: string | null;
  url?: string;
  action?: 'uploaded' | 'replaced' | 'unchanged' | 'planned';
}

/**
 * What the steps of one run share. Steps read `config`, write what later steps need into
 * `state`, and speak only through `reporter`. Nothing else is global.
 */
export interface RunContext {
  readonly config: Config;
  /** The ecosystem profile this run releases for (resolved before the pipeline starts). */
  readonly profile: Profile;
  readonly reporter: Reporter;
  readonly state: {
    manifest?: ProfileManifest;
    plan?: ReleasePlan;
    assets?: Asset[];
    /** Set by the upload step for publish and verify. */
    github?: {
      api: ReleaseApi;
      release: Release;
      /** Every release of the repo as listed before this run changed anything. */
      releases: Release[];
      local: LocalAsset[];
      /**
       * The release's assets after the upload, as this run's requests and GitHub's answers show
       * them (publish/attach.ts); undefined when they must be listed again.
       */
      remote?: ReleaseAsset[];
      /** The draft verification started beside the uploads (publish/draft-verify.ts). */
      earlyVerify?: EarlyVerify;
      /** An immutable release that already matched: nothing was or may be changed. */
      immutableMatch: boolean;
      /** Signature files kept as they are on the release (their tarball did not change). */
      kept: ReadonlySet<string>;
    };
    /**
     * The release list, asked for by the preflight beside its own probe when nothing slow (pack,
     * sign) runs before the upload step, which then does not ask again.
     */
    releasesPrefetch?: Promise<Release[]>;
    /** The upload step's local files, hashed and checked, started with the prefetch above. */
    localPrefetch?: Promise<LocalFiles>;
    /** The release as the post-publish check saw it just after it went live. */
    published?: { release: Release; assets: ReleaseAsset[]; latest: Release | undefined };
    signingIdentity?: string;
    /** The verify report of the draft, made before it went live (publish and all). */
    draftReport?: VerifyReport;
    /** The draft's assets that report judged. */
    draftListing?: ReleaseAsset[];
  };
}
