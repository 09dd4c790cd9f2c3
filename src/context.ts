import type { Config } from './config.ts';
import type { Release, ReleaseApi, ReleaseAsset } from './github/types.ts';
import type { LocalAsset } from './publish/local.ts';
import type { Profile, ProfileManifest } from './ecosystems/types.ts';
import type { ReleasePlan } from './plan.ts';
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
      /** The release's assets after the upload; undefined when they must be listed again. */
      remote?: ReleaseAsset[];
      /** An immutable release that already matched: nothing was or may be changed. */
      immutableMatch: boolean;
      /** Signature files kept as they are on the release (their tarball did not change). */
      kept: ReadonlySet<string>;
    };
    signingIdentity?: string;
    /** The verify report of the draft, made before it went live (publish and all). */
    draftReport?: VerifyReport;
  };
}
