import type { ElizaPackage } from './rules.ts';

/**
 * The ElizaOS registry's third-party entry (`packages/registry/schemas/third-party-package.schema.json`,
 * JSON Schema 2020-12, additionalProperties false), written as `plugins submit` writes it: the
 * fields in the order package, repository, kind, description, homepage, version, directory,
 * tags; absent ones omitted; 2-space JSON and a trailing LF. `coreRange` and `app` are never
 * written; `index.json` and the generated files belong to the registry's CI.
 */

export interface RegistryEntry {
  package: string;
  repository: string;
  kind: 'plugin' | 'connector';
  description: string;
  homepage?: string;
  version: string;
  directory?: string;
  tags?: string[];
}

export function registryEntry(pkg: ElizaPackage): RegistryEntry {
  // Built in the schema's order: JSON.stringify keeps insertion order.
  return {
    package: pkg.name,
    repository: `github:${pkg.repository.owner}/${pkg.repository.repo}`,
    kind: pkg.kind,
    description: pkg.description,
    ...(pkg.homepage === undefined ? {} : { homepage: pkg.homepage }),
    version: pkg.version,
    ...(pkg.repository.directory === undefined ? {} : { directory: pkg.repository.directory }),
    ...(pkg.keywords.length === 0 ? {} : { tags: pkg.keywords }),
  };
}

export function registryEntryText(pkg: ElizaPackage): string {
  return `${JSON.stringify(registryEntry(pkg), null, 2)}\n`;
}

/** `@s/plugin-x` → `s__plugin-x.json`: no leading @, `/` as `__`, anything else outside [A-Za-z0-9._-] as `-`. */
export function entryFileName(name: string): string {
  return `${name
    .replace(/^@/, '')
    .replace(/\//g, '__')
    .replace(/[^A-Za-z0-9._-]/g, '-')}.json`;
}

/**
 * `add-<package>-to-registry` as `plugins submit` names it: no leading @, each run of characters
 * outside [A-Za-z0-9._-] as one `-`, no `-` at either end, at most 80 characters.
 */
export function entryBranch(name: string): string {
  const part = name
    .replace(/^@/, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `add-${part}-to-registry`;
}

export const ENTRY_DIRS = ['packages/registry/entries/third-party', 'entries/third-party'] as const;

/** The pull request body `plugins submit` writes: package, repository, kind, community supported. */
export function pullRequestBody(entry: RegistryEntry): string {
  return [
    `Registers \`${entry.package}\` as a third-party elizaOS package.`,
    '',
    `Repository: ${entry.repository}`,
    `Kind: ${entry.kind}`,
    '',
    'This package is community supported and not first-party supported.',
  ].join('\n');
}
