import { createHash } from 'node:crypto';
import semver from 'semver';
import type { Config } from '../../config.ts';
import { npmInstallCheck } from '../../npm/install.ts';
import { fetchTarball, readPackument, resolveRegistry } from '../../npm/registry.ts';
import type { Findings } from '../../verify/report.ts';
import { accessOf, distTag, targetOf } from './run-state.ts';

/**
 * The npm side of verify, for a published release: what `npm view` and `npm install` will see.
 * The registry is `npm-registry`, else npm's configured one (as for publishing). Each rule is
 * one row; a registry that cannot be read fails the rows it blocks.
 */
export interface RegistryCheck {
  config: Config;
  findings: Findings;
  name: string;
  version: string;
  /** Of the release asset. */
  integrity: string;
  sha256: string;
}

export async function verifyOnRegistry(c: RegistryCheck): Promise<void> {
  const { config, findings, name, version } = c;
  const spec = `${name}@${version}`;
  let registry: string;
  let doc;
  try {
    registry = await resolveRegistry(
      config.npm.registry,
      name,
      config.workingDirectory,
      config.env,
    );
    doc = await readPackument(accessOf(config, registry), name);
  } catch (e) {
    findings.fail('npm-version', spec, 'RegistryUnreachable', (e as Error).message);
    return;
  }
  const entry = doc?.versions?.[version];
  if (entry === undefined) {
    findings.fail(
      'npm-version',
      spec,
      'NotOnRegistry',
      `${registry} does not serve ${spec}${doc === null ? ` (no package ${name} at all)` : ''}: the npm publish did not happen or failed. Run the release again: it publishes what is missing`,
    );
    return;
  }
  findings.pass('npm-version', spec, `${registry} serves it`);

  const theirs = entry.dist?.integrity;
  if (theirs === c.integrity)
    findings.pass('npm-integrity', spec, `dist.integrity is the release asset's (${theirs})`);
  else
    findings.fail(
      'npm-integrity',
      spec,
      'IntegrityMismatch',
      `the registry's dist.integrity is ${theirs ?? '(none)'}, the release asset's ${c.integrity}`,
    );

  const tag = distTag(config, version);
  const tagged = doc?.['dist-tags']?.[tag];
  if (tagged === version) findings.pass('npm-dist-tag', `${name}@${tag}`, `points at ${version}`);
  else if (tagged !== undefined && semver.valid(tagged) !== null && semver.gt(tagged, version)) {
    findings.info('npm-dist-tag', `${name}@${tag}`, `points at ${tagged}, a later release`);
  } else {
    findings.fail(
      'npm-dist-tag',
      `${name}@${tag}`,
      'DistTagMismatch',
      `dist-tag ${tag} points at ${tagged ?? 'nothing'}, not ${version}: npm install ${name}@${tag} gets another version. Run the release again, or npm dist-tag add ${spec} ${tag}`,
    );
  }

  const url = entry.dist?.tarball;
  try {
    const bytes = url === undefined ? null : await fetchTarball(accessOf(config, registry), url);
    const sha = bytes === null ? undefined : createHash('sha256').update(bytes).digest('hex');
    if (sha === c.sha256)
      findings.pass(
        'npm-tarball',
        spec,
        `the registry's tarball is byte-equal to the release asset (sha256 ${sha})`,
      );
    else
      findings.fail(
        'npm-tarball',
        spec,
        'TarballMismatch',
        sha === undefined
          ? `the registry has no tarball for it (${url ?? 'no dist.tarball'})`
          : `the registry's tarball (sha256 ${sha}) is not the release asset (sha256 ${c.sha256})`,
      );
  } catch (e) {
    findings.fail('npm-tarball', spec, 'RegistryUnreachable', (e as Error).message);
  }

  try {
    const got = await npmInstallCheck(
      { ...targetOf(config, name, registry), explicit: true },
      version,
    );
    if (got === version)
      findings.pass(
        'npm-install',
        spec,
        `npm install --ignore-scripts ${spec} from ${registry} into an empty directory installs ${got}`,
      );
    else
      findings.fail('npm-install', spec, 'InstallFailed', `npm install ${spec} installed ${got}`);
  } catch (e) {
    findings.fail('npm-install', spec, 'InstallFailed', (e as Error).message);
  }
}
