import path from 'node:path';
import semver from 'semver';
import type { Config, SignatureFileKind } from './config.ts';
import type {
  ArtifactPlan,
  EcosystemName,
  PlainAsset,
  ProfileManifest,
  ProfilePlan,
} from './ecosystems/types.ts';
import { ReleaseError } from './errors.ts';

/**
 * The pure plan: from the manifest's id/version, the tag and the inputs, every file name the
 * run will produce and every asset the release must end up with. No I/O; computed before any
 * step touches the disk or the network, and unit-tested as such.
 */
export const MANIFEST_ASSET = 'nexo-plugin.toml';

export interface TargetPlan {
  target: string;
  /** `<id>-<version>-<target>.tar.gz` */
  tarball: string;
  sidecar: string;
  /** Where the built binary (or the noarch launcher) is expected. */
  binary: string;
  /** For an alias: the target whose archive is published under this name too. */
  aliasOf?: string;
}

export interface ReleasePlan {
  ecosystem: EcosystemName;
  id: string;
  version: string;
  tag: string | undefined;
  prerelease: boolean;
  /** nexo: targets packed here, aliases after their source; empty in other profiles. */
  targets: TargetPlan[];
  manifestPath: string;
  distDir: string;
  /** Every primary artifact (sidecar and Sigstore files follow each). */
  artifacts: ArtifactPlan[];
  /** Native signature files, by name in dist. */
  nativeFiles: string[];
  /** Files published as they are from outside dist (nexo's manifest). */
  plainAssets: PlainAsset[];
}

/** The shared plan around a profile's own: tag, prerelease, paths. Pure. */
export function profileReleasePlan(
  ecosystem: EcosystemName,
  config: Pick<Config, 'manifestPath' | 'distDir'>,
  manifest: Pick<ProfileManifest, 'id' | 'version'>,
  tag: string | undefined,
  own: ProfilePlan,
  /** The tag rule's verdict, when there is a tag (a profile's versions need not be SemVer). */
  tagPrerelease?: boolean,
): ReleasePlan {
  return {
    ecosystem,
    id: manifest.id,
    version: manifest.version,
    tag,
    // Without a tag: a '-' before any build metadata, as SemVer defines a pre-release.
    prerelease: tagPrerelease ?? /^[^+]*-/.test(manifest.version),
    targets: [],
    manifestPath: config.manifestPath,
    distDir: config.distDir,
    ...own,
  };
}

export function tarballName(id: string, version: string, target: string): string {
  return `${id}-${version}-${target}.tar.gz`;
}

export function signatureFileName(tarball: string, kind: SignatureFileKind): string {
  return `${tarball}.${kind}`;
}

export function resolveBinary(template: string, id: string, target: string): string {
  return template.replaceAll('{target}', target).replaceAll('{id}', id);
}

export function buildPlan(
  config: Pick<
    Config,
    'targets' | 'targetAliases' | 'binaryTemplate' | 'workingDirectory' | 'manifestPath' | 'distDir'
  >,
  manifest: { id: string; version: string },
  tag: string | undefined,
): ReleasePlan {
  const { id, version } = manifest;
  const name = (t: string) => tarballName(id, version, t);
  const targets: TargetPlan[] = config.targets.map((target) => ({
    target,
    tarball: name(target),
    sidecar: `${name(target)}.sha256`,
    binary: path.resolve(config.workingDirectory, resolveBinary(config.binaryTemplate, id, target)),
  }));
  for (const { from, to } of config.targetAliases) {
    const source = targets.find((t) => t.target === from && t.aliasOf === undefined);
    if (!source) {
      throw new ReleaseError(
        'USAGE',
        `target-aliases: '${from}=${to}' names '${from}', which is not in targets (${config.targets.join(', ') || 'none'}). Add it to targets or remove the alias`,
      );
    }
    if (targets.some((t) => t.target === to)) {
      throw new ReleaseError(
        'USAGE',
        `target-aliases: '${to}' is already a target; an alias must name a target that is not built`,
      );
    }
    targets.push({
      target: to,
      tarball: name(to),
      sidecar: `${name(to)}.sha256`,
      binary: source.binary,
      aliasOf: from,
    });
  }
  return {
    ecosystem: 'nexo',
    id,
    version,
    tag,
    prerelease: (semver.prerelease(version) ?? []).length > 0,
    targets,
    manifestPath: config.manifestPath,
    distDir: config.distDir,
    artifacts: targets.map((t) => ({
      name: t.tarball,
      path: path.join(config.distDir, t.tarball),
      target: t.target,
    })),
    nativeFiles: [],
    plainAssets: [
      { name: MANIFEST_ASSET, path: config.manifestPath, contentType: 'application/toml' },
    ],
  };
}

/**
 * What the installer on Linux will look for that a musl-only release lacks: each `-musl` target
 * whose `-gnu` counterpart is neither built nor aliased.
 */
export function muslWithoutGnu(plan: ReleasePlan): { musl: string; gnu: string }[] {
  const names = new Set(plan.targets.map((t) => t.target));
  return plan.targets
    .filter((t) => t.target.endsWith('-linux-musl') && t.aliasOf === undefined)
    .map((t) => ({ musl: t.target, gnu: t.target.replace(/-musl$/, '-gnu') }))
    .filter(({ gnu }) => !names.has(gnu));
}

/** Every asset name the finished release must carry, in a stable order. */
export function expectedAssets(
  plan: Pick<ReleasePlan, 'artifacts' | 'nativeFiles' | 'plainAssets'>,
  signatureFiles: readonly SignatureFileKind[],
): string[] {
  const out = plan.plainAssets.map((a) => a.name);
  for (const a of plan.artifacts) {
    out.push(
      a.name,
      `${a.name}.sha256`,
      ...signatureFiles.map((k) => signatureFileName(a.name, k)),
    );
  }
  out.push(...plan.nativeFiles);
  return out;
}
