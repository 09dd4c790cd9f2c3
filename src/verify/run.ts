import type { RunContext } from '../context.ts';
import type { Release, ReleaseApi } from '../github/types.ts';
import type { ProfileVerifyOptions } from '../ecosystems/types.ts';
import { trustedRootSource } from '../sign/trust-source.ts';
import { checkLatest } from './latest.ts';
import { identityPolicy } from './policy.ts';
import { Findings, countChecks, type VerifyReport } from './report.ts';
import type { ArtifactSource } from './source.ts';

/**
 * Runs the profile's consumer-equivalent checks over one source and builds the report: the
 * shared rows around the profile's own (the release exists; where `latest` points, for a
 * published release). Never throws for a defect of the release; defects are failed rows.
 */
export interface VerifyTarget {
  source: ArtifactSource;
  stage: ProfileVerifyOptions['stage'];
  repo: string | null;
  tag: string | undefined;
  targets: readonly string[];
  /** A published release, for the `latest` check (with the release list when already read). */
  latest?: { api: ReleaseApi; release: Release; optional: boolean; releases?: Release[] };
  /** Why there is no release to check (the by-tag endpoint answered 404). */
  notFound?: string;
  note?: string;
}

export async function runVerify(ctx: RunContext, t: VerifyTarget): Promise<VerifyReport> {
  const { config, profile } = ctx;
  const findings = new Findings();
  let found: Awaited<ReturnType<typeof profile.verify>> = { id: null, version: null };
  if (t.notFound !== undefined) {
    findings.fail('release', t.source.label, 'ReleaseNotFound', t.notFound);
  } else {
    found = await profile.verify({
      config,
      source: t.source,
      tag: t.tag,
      repo: t.repo,
      targets: t.targets,
      stage: t.stage,
      findings,
    });
    if (profile.name !== 'nexo') {
      // Loaded here: it brings the Sigstore libraries, which a nexo run loads with its verifier.
      const { checkSigstoreFiles } = await import('./sigstore-files.ts');
      await checkSigstoreFiles(config, t.source, findings);
    }
    if (t.latest)
      await checkLatest(t.latest.api, t.latest.release, findings, {
        latestOptional: t.latest.optional,
        ...(t.latest.releases ? { known: { releases: t.latest.releases } } : {}),
      });
  }
  const platforms = found.platforms ?? [];
  const counts = countChecks(findings.list);
  const policy = identityPolicy(config, config.repo);
  const root = trustedRootSource(config.trustedRoot);
  return {
    ok: counts.fail === 0 && platforms.every((p) => p.status !== 'fail'),
    mode: t.source.mode,
    source: t.source.label,
    ecosystem: profile.name,
    consumer: profile.consumer ?? `the ${profile.name} installer`,
    stage: t.stage,
    repo: t.repo,
    tag: t.tag ?? null,
    id: found.id,
    version: found.version,
    counts,
    checks: findings.list,
    platforms,
    signaturePolicy: {
      identityRegexp: policy.pattern ?? policy.regexp?.source ?? null,
      issuer: policy.issuer,
      trustedRoot: root.kind === 'file' ? root.path : 'public-good (TUF)',
      required: config.requireSignature,
    },
  };
}
