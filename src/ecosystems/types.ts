/**
 * The ecosystem profile seam. A profile owns only what differs between plugin ecosystems: the
 * manifest and its rules, the tag rule, the pure artifact plan, packing, the native signature,
 * the consumer-equivalent verify rules and any publishing destination outside the GitHub
 * release. Everything else (tag parsing helpers, archive writers, Sigstore, the GitHub release
 * engine, reports, the CLI) is shared and lives outside `src/ecosystems/`. No profile imports
 * another: what two profiles need moves down into the shared layer.
 */
import type { Config } from '../config.ts';
import type { Diagnostic } from '../errors.ts';
import type { Asset, RunContext } from '../context.ts';
import type { ParsedTag } from '../tag.ts';
import type { ArtifactSource } from '../verify/source.ts';
import type { Findings, PlatformResult } from '../verify/report.ts';

export const ECOSYSTEMS = ['nexo', 'osaurus', 'biosimulant', 'pryzm', 'elizaos'] as const;
export type EcosystemName = (typeof ECOSYSTEMS)[number];

/** The facts every step needs from a manifest, whatever its format. */
export interface ProfileManifest {
  /** The `id` output: nexo `id`, osaurus `plugin_id`, npm `name`, ... */
  id: string;
  version: string;
  /** A display name (falls back to the id). */
  name: string;
  description: string;
  /** Path of the manifest as resolved from the inputs. */
  file: string;
  /** The manifest's raw text, so it can be published byte for byte. */
  text: string;
  /** Problems that do not stop the release (unknown keys, missing images), reported by
   * validate as warnings with their locations. */
  warnings?: Diagnostic[];
}

/**
 * One primary artifact of the plan: a file the profile writes into `dist` that gets a `.sha256`
 * sidecar and, with `sign: true`, the Sigstore files. Native signature files (`.minisig`,
 * `.signature.json`) are listed in `ProfilePlan.nativeFiles`, not here.
 */
export interface ArtifactPlan {
  /** File name in `dist`, and the asset name on the release. */
  name: string;
  /** Absolute path in `dist`. */
  path: string;
  /** nexo's target triple; null for single-artifact ecosystems. */
  target: string | null;
}

/** An extra file published as it is (nexo's manifest asset `nexo-plugin.toml`). */
export interface PlainAsset {
  name: string;
  path: string;
  contentType: string;
}

/** What the pure plan adds to the shared ReleasePlan for a profile. */
export interface ProfilePlan {
  artifacts: ArtifactPlan[];
  /** Native signature files next to artifacts, by asset name (e.g. `x-1.0.0.zip.minisig`). */
  nativeFiles: string[];
  /** Files outside `dist` that are published as assets too. */
  plainAssets: PlainAsset[];
}

/** Options every profile's verify receives. */
export interface ProfileVerifyOptions {
  config: Config;
  source: ArtifactSource;
  /** The tag under verification, when known. */
  tag: string | undefined;
  /** `owner/repo`, when known. */
  repo: string | null;
  /**
   * What is being judged: `local` artifacts before upload, the `draft` release's assets before
   * it goes live (destinations such as npm have not run yet), or the `published` release (after
   * the destinations). Checks of a destination (the npm registry serves it) belong to
   * `published` only.
   */
  stage: 'local' | 'draft' | 'published';
  /** nexo: targets that must be present (the `targets` input or the plan's). */
  targets: readonly string[];
  /** Where the checks go: one row per rule, codes as in the profile's contract. */
  findings: Findings;
}

/** A publishing destination outside the GitHub release, run after the release is live. */
export interface Destination {
  readonly name: string;
  /** A reason to skip in this run ("registry-repo is not set"), or undefined to run. */
  skip(ctx: RunContext): string | undefined;
  run(ctx: RunContext): Promise<void>;
}

export interface Profile {
  readonly name: EcosystemName;
  /** The `manifest` input's default for this profile. */
  readonly manifestFile: string;
  /** Who judges the release, for reports: e.g. '`nexo plugin install`', 'the Osaurus app'. */
  readonly consumer?: string;
  /** Reads and validates the manifest; throws MANIFEST_* ReleaseErrors with every diagnostic. */
  readManifest(config: Config): Promise<ProfileManifest>;
  /** The tag rule: throws TAG_INVALID with what is wrong and the expected shape. */
  parseTag(tag: string): ParsedTag;
  /** Pure: every artifact name and path. No I/O. */
  plan(config: Config, manifest: ProfileManifest): ProfilePlan;
  /**
   * Checks that need the file system or network but change nothing, run by validate for the
   * commands that will publish (e.g. PRYZM's revocation list, a signing key that parses).
   */
  preflight?(ctx: RunContext): Promise<void>;
  /**
   * Writes the artifacts (and their `.sha256` sidecars) into `dist`, creating it, after every
   * refusal has been checked; returns every file written.
   */
  pack(ctx: RunContext): Promise<Asset[]>;
  /** Writes native signature files next to the packed artifacts; returns them. */
  signNative?(ctx: RunContext): Promise<Asset[]>;
  /**
   * The consumer's acceptance rules over `source` (a local dist or the draft/published release).
   * Never throws for a defect of the artifacts: defects are failed rows in `findings`.
   * Returns the id and version it found, for the report.
   */
  verify(o: ProfileVerifyOptions): Promise<{
    id: string | null;
    version: string | null;
    /** nexo: what the installer picks on each common platform. */
    platforms?: PlatformResult[];
  }>;
  /**
   * Loads the verifier's code ahead of use, for profiles that load it lazily: the preflight
   * starts it inside its round trip so the draft verification does not delay the uploads.
   */
  loadVerifier?(): Promise<unknown>;
  /** Publishing targets beyond the GitHub release, in order. */
  readonly destinations?: readonly Destination[];
  /**
   * True when the verdict on the published release can differ from the verdict on its draft
   * with the same bytes (ElizaOS: the package must also be on the npm registry). Then the verify
   * step runs the profile's verify again after publishing; otherwise it keeps the draft's checks
   * once the post-publish check has proved the assets unchanged (verify/published.ts).
   */
  readonly checksLiveState?: boolean;
}
