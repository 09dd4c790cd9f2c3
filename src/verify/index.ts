import semver from 'semver';
import type { TrustMaterial } from '@sigstore/verify';
import type { Release, ReleaseApi } from '../github/types.ts';
import { MANIFEST_ASSET, tarballName } from '../plan.ts';
import { mapLimit } from '../sign/pool.ts';
import { loadTrustMaterial, type TrustedRootSource } from '../sign/verify.ts';
import { checkLatest } from './latest.ts';
import { checkManifestAsset } from './manifest.ts';
import { judgePlatforms, platformResults } from './platforms.ts';
import { Findings, countChecks, type PlatformResult, type VerifyReport } from './report.ts';
import type { IdentityPolicy } from './signature.ts';
import { readSmall, type ArtifactSource } from './source.ts';
import { checkTarball } from './tarball-check.ts';

/**
 * Verifies a release (or the artifacts about to become one) exactly as `nexo plugin install`
 * and `cosign verify-blob` would, and reports every check: the tag, the manifest asset, the
 * tarball names and the targets that must exist, what each common platform would download, then
 * per tarball everything in tarball-check.ts, and for a published release where `latest`
 * points. Never throws for a defect of the release: defects are failed checks in the report.
 * Throws for what stops the verification itself (network, bad configuration).
 */
export type { VerifyReport, CheckResult, PlatformResult } from './report.ts';
export { renderReport, failureMessage } from './report.ts';
export { localSource, remoteSource, type ArtifactSource } from './source.ts';
export type { IdentityPolicy } from './signature.ts';
export type { OperatorCode } from './codes.ts';

export interface VerifyOptions {
  source: ArtifactSource;
  repo: string | null;
  /** The release tag; optional only in local mode (then the manifest's version is used). */
  tag: string | undefined;
  /** Targets that must have a tarball; empty: every tarball present is checked. */
  targets: readonly string[];
  requireSignature: boolean;
  policy: IdentityPolicy;
  trustedRoot: TrustedRootSource;
  concurrency: number;
  /** Remote mode: the release as the by-tag endpoint returned it, for the `latest` check. */
  latest?: { api: ReleaseApi; release: Release; optional: boolean };
  /** Remote mode: why there is no release to check (the by-tag endpoint answered 404). */
  notFound?: string;
}

const TARGET = /^[A-Za-z0-9_]+(?:[-.][A-Za-z0-9_]+)*$/;

function tagVersion(tag: string | undefined, findings: Findings): string | undefined {
  if (tag === undefined) return undefined;
  const v = tag.replace(/^v+/, '');
  // Rust's semver::Version::parse: strict, build metadata allowed, no surrounding blanks.
  if (/^\d/.test(v) && semver.parse(v)?.raw === v) return v;
  findings.fail(
    'release',
    tag,
    'ReleaseShape',
    `version \`${v}\` (the tag without its leading v) is not SemVer X.Y.Z`,
  );
  return undefined;
}

export async function verifyRelease(o: VerifyOptions): Promise<VerifyReport> {
  const findings = new Findings();
  if (o.notFound !== undefined) {
    findings.fail('release', o.source.label, 'ReleaseNotFound', o.notFound);
    return report(o, findings, [], undefined, undefined);
  }
  const names = o.source.files.map((f) => f.name);
  const fromTag = tagVersion(o.tag, findings);
  const manifestBytes = names.includes(MANIFEST_ASSET)
    ? ((await readSmall(o.source, MANIFEST_ASSET)) ?? 'too-large')
    : undefined;
  const manifest = checkManifestAsset(manifestBytes, fromTag, findings);
  const id = manifest.id;
  const version = fromTag ?? manifest.version;

  const prefix = id && version ? `${id}-${version}-` : undefined;
  const mine: string[] = [];
  for (const n of names.filter((x) => x.endsWith('.tar.gz'))) {
    const target = prefix && n.startsWith(prefix) ? n.slice(prefix.length, -'.tar.gz'.length) : '';
    if (TARGET.test(target)) mine.push(n);
    else
      findings.warn(
        'name',
        n,
        'AssetName',
        `never downloaded by the installer: not ${id ?? '<id>'}-${version ?? '<version>'}-<target>.tar.gz`,
      );
  }
  for (const t of o.targets) {
    if (id === undefined || version === undefined) break;
    const want = tarballName(id, version, t);
    if (mine.includes(want)) findings.pass('target', t, `${want} is in the release`);
    else {
      const noarch = tarballName(id, version, 'noarch');
      const fallback =
        t !== 'noarch' && mine.includes(noarch)
          ? ` (operators on ${t} would get ${noarch} instead)`
          : '';
      findings.fail(
        'target',
        t,
        'TargetNotFound',
        `${t} is in targets but ${want} is not in the release${fallback}. Available: ${mine.join(', ') || 'none'}`,
      );
    }
  }
  if (o.targets.length === 0 && mine.length === 0) {
    findings.fail(
      'target',
      o.source.label,
      'TargetNotFound',
      `no ${prefix ?? '<id>-<version>-'}<target>.tar.gz at all: every operator gets TargetNotFound`,
    );
  }

  let trust: Promise<TrustMaterial> | undefined;
  const ctx = {
    source: o.source,
    expected: { id, version },
    requireSignature: o.requireSignature,
    policy: o.policy,
    trust: () => (trust ??= loadTrustMaterial(o.trustedRoot)),
  };
  const perTarball = await mapLimit(mine, o.concurrency, (n) =>
    checkTarball(ctx, n, n === `${prefix}noarch.tar.gz`),
  );
  for (const f of perTarball) findings.list.push(...f.list);
  if (o.latest)
    await checkLatest(o.latest.api, o.latest.release, findings, {
      latestOptional: o.latest.optional,
    });

  const platforms = judgePlatforms(
    platformResults(names, id, version, o.targets),
    findings,
    o.source.label,
    (o.targets.length === 0 && mine.length === 0) || id === undefined || version === undefined,
  );
  return report(o, findings, platforms, id, version);
}

function report(
  o: VerifyOptions,
  findings: Findings,
  platforms: PlatformResult[],
  id: string | undefined,
  version: string | undefined,
): VerifyReport {
  const counts = countChecks(findings.list);
  return {
    ok: counts.fail === 0 && platforms.every((p) => p.status !== 'fail'),
    mode: o.source.mode,
    source: o.source.label,
    repo: o.repo,
    tag: o.tag ?? null,
    id: id ?? null,
    version: version ?? null,
    counts,
    checks: findings.list,
    platforms,
    signaturePolicy: {
      identityRegexp: o.policy.pattern ?? o.policy.regexp?.source ?? null,
      issuer: o.policy.issuer,
      trustedRoot: o.trustedRoot.kind === 'file' ? o.trustedRoot.path : 'public-good (TUF)',
      required: o.requireSignature,
    },
  };
}
