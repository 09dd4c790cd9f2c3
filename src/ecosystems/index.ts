import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { ReleaseError } from '../errors.ts';
import { ECOSYSTEMS, type EcosystemName, type Profile } from './types.ts';

/**
 * The profile registry: one line per ecosystem, loaded on first use so a run evaluates only its
 * own profile's code. Adding an ecosystem is one folder and one line here.
 */
const LOADERS: Readonly<Record<EcosystemName, () => Promise<Profile | undefined>>> = {
  nexo: async () => (await import('./nexo/index.ts')).profile,
  osaurus: async () => (await import('./osaurus/index.ts')).profile,
  biosimulant: async () => (await import('./biosimulant/index.ts')).profile,
  pryzm: async () => (await import('./pryzm/index.ts')).profile,
  elizaos: async () => (await import('./elizaos/index.ts')).profile,
};

/** The manifest file each profile reads by default, and what `auto` looks for. */
export const MANIFEST_FILES: Readonly<Record<EcosystemName, string>> = {
  nexo: 'nexo-plugin.toml',
  osaurus: 'osaurus-manifest.json',
  biosimulant: 'plugin.json',
  pryzm: 'plugin.manifest.json',
  elizaos: 'package.json',
};

function hasAgentConfig(file: string): boolean {
  try {
    const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const agent = (json as { agentConfig?: unknown } | null)?.agentConfig;
    return typeof agent === 'object' && agent !== null && !Array.isArray(agent);
  } catch {
    return false;
  }
}

/**
 * `ecosystem: auto`: the profiles whose manifest file is in the working directory. Osaurus is
 * never detected (its manifest lives inside the dylib); a package.json counts only with an
 * `agentConfig` object.
 */
export function detectEcosystems(dir: string): EcosystemName[] {
  const found: EcosystemName[] = [];
  for (const name of ['nexo', 'pryzm', 'biosimulant'] as const) {
    if (existsSync(path.join(dir, MANIFEST_FILES[name]))) found.push(name);
  }
  if (hasAgentConfig(path.join(dir, MANIFEST_FILES.elizaos))) found.push('elizaos');
  return found;
}

/**
 * `command: verify` may judge artifacts without the plugin's source at hand (a published
 * release, or a downloaded dist): then the artifacts' own names say which consumer's rules
 * apply. Returns undefined when they do not say it unambiguously.
 */
export function detectFromArtifacts(names: readonly string[]): EcosystemName | undefined {
  const found = new Set<EcosystemName>();
  for (const n of names) {
    if (n === 'nexo-plugin.toml' || n.endsWith('.tar.gz')) found.add('nexo');
    else if (n.endsWith('.bsiplugin')) found.add('biosimulant');
    else if (n.endsWith('.zip.minisig') || n.endsWith('.zip')) found.add('osaurus');
    else if (n.endsWith('.tgz.signature.json')) found.add('pryzm');
  }
  if (found.size === 0 && names.some((n) => n.endsWith('.tgz'))) found.add('elizaos');
  return found.size === 1 ? [...found][0] : undefined;
}

export type AssetLister = () => Promise<string[] | undefined>;

async function pick(config: Config, listRemote?: AssetLister): Promise<EcosystemName> {
  if (config.ecosystem !== 'auto') return config.ecosystem;
  const found = detectEcosystems(config.workingDirectory);
  if (found.length === 1) return found[0]!;
  if (found.length === 0 && config.command === 'verify') {
    const local = config.repoExplicit ? undefined : listDir(config.distDir);
    const names = local ?? (await listRemote?.());
    const byArtifacts = names === undefined ? undefined : detectFromArtifacts(names);
    if (byArtifacts !== undefined) return byArtifacts;
    throw new ReleaseError(
      'USAGE',
      `nothing to verify: no plugin manifest in ${config.workingDirectory} (looked for nexo-plugin.toml, plugin.manifest.json, plugin.json, package.json with agentConfig), ${names === undefined ? `no ${config.distDir} and no release named by repo and tag` : `and the artifacts (${names.join(', ') || 'none'}) do not say which ecosystem they are for`}. Pass repo: owner/name and tag to check a published release, run pack first to check dist, or name the ecosystem`,
    );
  }
  const lookedFor =
    'nexo-plugin.toml (nexo), plugin.manifest.json (pryzm), plugin.json (biosimulant), package.json with an agentConfig object (elizaos)';
  if (found.length === 0) {
    throw new ReleaseError(
      'USAGE',
      `ecosystem: auto found no plugin manifest in ${config.workingDirectory}; looked for ${lookedFor}. Set working-directory to the plugin's folder, or name the ecosystem (ecosystem: osaurus for Osaurus plugins, whose manifest lives in the dylib)`,
    );
  }
  throw new ReleaseError(
    'USAGE',
    `ecosystem: auto found manifests of ${found.length} ecosystems in ${config.workingDirectory}: ${found.map((n) => `${MANIFEST_FILES[n]} (${n})`).join(', ')}; looked for ${lookedFor}. Name the one to release with ecosystem: ${found.join(' or ')}`,
  );
}

/**
 * Resolves the profile and returns the config with `ecosystem` and the manifest path settled
 * (the profile's own file unless the `manifest` input was given).
 */
function listDir(dir: string): string[] | undefined {
  try {
    return readdirSync(dir);
  } catch {
    return undefined;
  }
}

export async function resolveProfile(
  config: Config,
  listRemote?: AssetLister,
): Promise<{ profile: Profile; config: Config }> {
  const name = await pick(config, listRemote);
  const profile = await LOADERS[name]();
  if (profile === undefined) {
    throw new ReleaseError(
      'ECOSYSTEM',
      `the ${name} profile is not built yet in this version of plugin-release-action; built: ${(await builtProfiles()).join(', ')}. Nothing was done`,
    );
  }
  const manifestPath = config.manifestExplicit
    ? config.manifestPath
    : path.resolve(config.workingDirectory, profile.manifestFile);
  return { profile, config: { ...config, ecosystem: name, manifestPath } };
}

async function builtProfiles(): Promise<string[]> {
  const out: string[] = [];
  for (const name of ECOSYSTEMS) if ((await LOADERS[name]()) !== undefined) out.push(name);
  return out;
}
