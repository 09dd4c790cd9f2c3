import path from 'node:path';
import type { Config } from '../../config.ts';
import type { RunContext } from '../../context.ts';
import { npmPackFileName } from '../../npm/pack.ts';
import type { NpmTarget } from '../../npm/publish.ts';
import { resolveRegistry, type RegistryAccess } from '../../npm/registry.ts';
import { defaultDistTag, type VersionState } from '../../npm/version.ts';
import type { Reporter } from '../../report.ts';
import { imageWarnings } from './images.ts';
import { readElizaManifest, type ElizaManifest } from './manifest.ts';

/**
 * What the profile's steps share within one run, beside the pipeline's own state: the registry
 * npm will use, and what preflight learnt of this version on it (so pack can put the
 * registry's own tarball on the release when it stands in for ours). Keyed by the run's
 * context, so nothing outlives the run.
 */
interface ElizaRun {
  manifest?: ElizaManifest;
  registry?: string;
  version?: VersionState;
  imagesReported?: boolean;
}

const runs = new WeakMap<RunContext, ElizaRun>();

export function runState(ctx: RunContext): ElizaRun {
  let s = runs.get(ctx);
  if (s === undefined) runs.set(ctx, (s = {}));
  return s;
}

export async function manifestOf(ctx: RunContext): Promise<ElizaManifest> {
  const s = runState(ctx);
  return (s.manifest ??= await readElizaManifest(ctx.config.manifestPath));
}

/** The package's directory: npm packs and publishes from there, with its .npmrc. */
export function packageDir(config: Config): string {
  return path.dirname(config.manifestPath);
}

export function tarballPath(config: Config, name: string, version: string): string {
  return path.join(config.distDir, npmPackFileName(name, version));
}

/** `npm-tag`, else latest / the prerelease's first identifier / next. */
export function distTag(config: Config, version: string): string {
  return config.npm.tag ?? defaultDistTag(version);
}

export async function registryOf(ctx: RunContext, name: string): Promise<string> {
  const s = runState(ctx);
  return (s.registry ??= await resolveRegistry(
    ctx.config.npm.registry,
    name,
    packageDir(ctx.config),
    ctx.config.env,
  ));
}

export function accessOf(config: Config, registry: string): RegistryAccess {
  return { registry, token: config.npm.token, env: config.env };
}

export function targetOf(config: Config, name: string, registry: string): NpmTarget {
  return {
    name,
    registry,
    explicit: config.npm.registry !== undefined,
    token: config.npm.token,
    cwd: packageDir(config),
    env: config.env,
  };
}

/** The image warnings, once per run (preflight and pack both ask). */
export async function reportImages(ctx: RunContext, reporter: Reporter): Promise<void> {
  const s = runState(ctx);
  if (s.imagesReported) return;
  s.imagesReported = true;
  for (const w of await imageWarnings(packageDir(ctx.config)))
    reporter.warning(w.message, { file: w.file });
}
