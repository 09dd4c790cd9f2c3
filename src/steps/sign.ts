import fs from 'node:fs/promises';
import path from 'node:path';
import { ReleaseError } from '../errors.ts';
import {
  DEFAULT_REKOR_URL,
  cosignCommand,
  signTarballs,
  trustedKeysEntry,
  type SignerPolicy,
} from '../sign/index.ts';
import { identityPolicy } from '../verify/policy.ts';
import type { RunContext } from '../context.ts';
import type { Step } from '../pipeline.ts';

/**
 * Keyless Sigstore signatures for every tarball of the plan (aliases included: the installer
 * looks for `<tarball>.sig` and `.cert` next to whichever name it picks). The signing module
 * verifies every bundle before writing any file; this step adds the operator-facing report.
 */
async function repositoryIsPrivate(env: RunContext['config']['env']): Promise<boolean> {
  if (!env.GITHUB_EVENT_PATH) return false;
  try {
    const event = JSON.parse(await fs.readFile(env.GITHUB_EVENT_PATH, 'utf8')) as {
      repository?: { private?: boolean };
    };
    return event.repository?.private === true;
  } catch {
    return false;
  }
}

/**
 * The identity policy of `verify` (src/verify/policy.ts) in the form signing checks: the
 * certificate-identity-regexp input, else every workflow of this repository. Undefined only
 * without a repository, where signing pins the token's own identity as before.
 */
function signerPolicy(config: RunContext['config']): SignerPolicy | undefined {
  const p = identityPolicy(config, config.repo);
  if (p.regexp === undefined) return undefined;
  const repository = config.repo ? `${config.repo.owner}/${config.repo.name}` : undefined;
  return {
    regexp: p.regexp,
    pattern: p.pattern ?? p.regexp.source,
    issuer: p.issuer,
    source: config.certificateIdentityRegexp
      ? 'the certificate-identity-regexp input'
      : `the default, any workflow of ${repository ?? 'this repository'}`,
    ...(repository ? { repository } : {}),
  };
}

export const signStep: Step = {
  name: 'sign',
  async run(ctx: RunContext): Promise<void> {
    const { config, reporter } = ctx;
    const plan = ctx.state.plan!;
    const tarballs = plan.artifacts.map((a) => a.path);
    const nexo = plan.ecosystem === 'nexo';
    for (const t of tarballs) {
      if (!(await fs.stat(t).catch(() => undefined))?.isFile()) {
        throw new ReleaseError(
          'DIST_MISSING',
          `cannot sign ${path.basename(t)}: it is not in ${plan.distDir}. Run pack first (or download the build artifacts into dist)`,
        );
      }
    }
    if (config.rekorUrl === DEFAULT_REKOR_URL && (await repositoryIsPrivate(config.env))) {
      reporter.warning(
        `${config.env.GITHUB_REPOSITORY ?? 'this repository'} is private, but signing writes to the public Rekor transparency log: the repository name, workflow and tag become public there. Use a private Sigstore instance (fulcio-url, rekor-url, trusted-root) to avoid that`,
      );
    }
    if (config.dryRun) {
      for (const t of tarballs)
        reporter.info(
          `dry-run: would sign ${path.basename(t)} (${config.signatureFiles.join(', ')})`,
        );
      return;
    }
    const policy = signerPolicy(config);
    const retryBase = Number(config.env.PLUGIN_RELEASE_RETRY_BASE_MS);
    const outcome = await signTarballs(
      {
        fulcioURL: config.fulcioUrl,
        rekorURL: config.rekorUrl,
        ...(config.tsaUrl ? { tsaURL: config.tsaUrl } : {}),
        ...(config.trustedRoot ? { trustedRootPath: config.trustedRoot } : {}),
        files: [...config.signatureFiles],
        concurrency: config.concurrency,
        env: { ...config.env },
        ...(Number.isFinite(retryBase) && retryBase > 0 ? { retryBaseMs: retryBase } : {}),
        ...(policy ? { policy } : {}),
      },
      tarballs,
    );
    const identity = outcome.identity;
    ctx.state.signingIdentity = identity.subjectAlternativeName;
    reporter.setOutput('signing-identity', identity.subjectAlternativeName);
    reporter.info(
      `sign: ${outcome.artifacts.length} ${nexo ? 'tarballs' : 'artifacts'} signed as ${identity.subjectAlternativeName} (issuer ${identity.issuer})`,
    );
    const repo = config.repo
      ? `${config.repo.owner}/${config.repo.name}`
      : (config.env.GITHUB_REPOSITORY ?? 'owner/repo');
    const example = path.basename(tarballs[0]!);
    // Operators are told exactly the policy verify applies (and signing just checked).
    const pin = policy ? { identityRegexp: policy.pattern, issuer: policy.issuer } : identity;
    const operators = nexo
      ? [
          `Operators who want \`nexo plugin install\` to require these signatures add this to \`extensions/trusted_keys.toml\`${policy ? ` (the policy \`verify\` applies: ${policy.source})` : ''}:`,
          '',
          '```toml',
          trustedKeysEntry(pin, repo).trimEnd(),
          '```',
          '',
        ]
      : [];
    reporter.summary(
      [
        '### Signatures',
        '',
        `Every ${nexo ? 'tarball' : 'artifact'} is signed keyless through Sigstore. Certificate identity: \`${identity.subjectAlternativeName}\`, issuer \`${identity.issuer}\`.`,
        '',
        ...operators,
        `Verify ${nexo ? 'a tarball' : 'an artifact'} by hand with cosign:`,
        '',
        '```sh',
        cosignCommand(pin, example, config.signatureFiles),
        '```',
      ].join('\n'),
    );
  },
};
