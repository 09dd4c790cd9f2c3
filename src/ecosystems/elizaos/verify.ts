import { createHash } from 'node:crypto';
import { tarballContents, type TarContents } from '../../npm/contents.ts';
import { npmPackFileName } from '../../npm/pack.ts';
import { readSmall, type ArtifactSource } from '../../verify/source.ts';
import type { Findings } from '../../verify/report.ts';
import type { ProfileVerifyOptions } from '../types.ts';
import { imageWarnings } from './images.ts';
import { checkManifestText } from './manifest.ts';
import { PLUGIN_TYPE } from './rules.ts';
import { packageDir } from './run-state.ts';
import { verifyOnRegistry } from './verify-npm.ts';

/**
 * The ElizaOS contract's verify, one row per rule (ecosystems/elizaos.md):
 * - every stage: one npm tarball named `<name without @, / as ->-<version>.tgz`, its `.sha256`
 *   (bare lowercase hex + LF), entries under `package/`, a package.json inside that passes the
 *   manifest rules, and the tag `v<version>`;
 * - `local`: the images next to package.json (warnings);
 * - `published` (after the npm destination ran): the registry serves `<name>@<version>` with our
 *   integrity and the dist-tag, its tarball is byte-equal to the release asset, and
 *   `npm install` of it into an empty directory succeeds.
 */

/** npm tarballs of plugins are small; anything beyond this is not read whole. */
const MAX_TARBALL = 512 * 1024 * 1024;

async function readAll(source: ArtifactSource, name: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of await source.open(name)) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

function checkSidecar(
  findings: Findings,
  name: string,
  sidecar: Buffer | undefined,
  sha256: string,
): void {
  const subject = `${name}.sha256`;
  if (sidecar === undefined) {
    findings.fail(
      'sidecar',
      subject,
      'Sha256Missing',
      `${subject} is missing (or larger than a sidecar can be); every artifact carries one: bare lowercase hex and a newline`,
    );
  } else if (sidecar.toString('utf8') === `${sha256}\n`) {
    findings.pass('sidecar', subject, `matches ${name} (${sha256})`);
  } else if (sidecar.toString('utf8').trim().split(/\s+/)[0]?.toLowerCase() === sha256) {
    findings.fail(
      'sidecar',
      subject,
      'Sha256Invalid',
      `${subject} names the right hash but not as bare lowercase hex and one LF`,
    );
  } else {
    findings.fail(
      'sidecar',
      subject,
      'Sha256Mismatch',
      `${subject} says ${sidecar.toString('utf8').trim().slice(0, 80)}, but ${name} hashes to ${sha256}`,
    );
  }
}

function checkLayout(findings: Findings, name: string, contents: TarContents): void {
  const roots = [...new Set([...contents.values()].map((e) => e.root))];
  const odd = [...contents.values()].filter((e) => e.type !== 'File' && e.type !== 'OldFile');
  if (roots.length !== 1 || roots[0] !== 'package') {
    findings.fail(
      'layout',
      name,
      'PackageLayout',
      `entries lie under ${roots.map((r) => `${r}/`).join(', ') || 'nothing'}; npm's tarballs hold everything under package/`,
    );
  } else if (odd.length > 0) {
    findings.fail(
      'layout',
      name,
      'PackageLayout',
      `${odd.length} entries are not regular files (${odd.map((e) => e.type).join(', ')}); npm packs regular files only`,
    );
  } else {
    findings.pass('layout', name, `${contents.size} files under package/`);
  }
}

export async function verifyEliza(
  o: ProfileVerifyOptions,
): Promise<{ id: string | null; version: string | null }> {
  const { source, findings, config, stage, tag } = o;
  const tgzs = source.files.filter((f) => f.name.endsWith('.tgz'));
  if (tgzs.length !== 1) {
    findings.fail(
      'artifact',
      source.label,
      'TarballMissing',
      tgzs.length === 0
        ? 'no npm tarball (.tgz) here: run pack, or check the release assets'
        : `${tgzs.length} npm tarballs (${tgzs.map((f) => f.name).join(', ')}); a release carries exactly one`,
    );
    return { id: null, version: null };
  }
  const tgz = tgzs[0]!;
  if (tgz.size > MAX_TARBALL) {
    findings.fail('artifact', tgz.name, 'TarballTooLarge', `${tgz.size} bytes; not read`);
    return { id: null, version: null };
  }
  const bytes = await readAll(source, tgz.name);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const integrity = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
  checkSidecar(findings, tgz.name, await readSmall(source, `${tgz.name}.sha256`, 1024), sha256);

  let contents: TarContents;
  try {
    contents = await tarballContents(bytes, (p) => p === 'package.json');
  } catch (e) {
    findings.fail(
      'tarball',
      tgz.name,
      'TarballInvalid',
      `not a gzip tar archive npm can read: ${(e as Error).message}`,
    );
    return { id: null, version: null };
  }
  checkLayout(findings, tgz.name, contents);
  const body = contents.get('package.json')?.body;
  if (body === undefined) {
    findings.fail(
      'manifest',
      `${tgz.name}:package/package.json`,
      'ManifestMissing',
      'the tarball has no package/package.json',
    );
    return { id: null, version: null };
  }
  const checked = checkManifestText(body.toString('utf8'), `${tgz.name}:package/package.json`);
  if (checked.pkg === undefined) {
    for (const d of checked.diagnostics)
      findings.fail(
        'manifest',
        `${tgz.name}:package/package.json:${d.location?.line}:${d.location?.column}`,
        'ManifestInvalid',
        d.message,
      );
    return { id: null, version: null };
  }
  const pkg = checked.pkg;
  findings.pass(
    'manifest',
    `${tgz.name}:package/package.json`,
    `${pkg.name}@${pkg.version}, agentConfig ${PLUGIN_TYPE}`,
  );
  const expected = npmPackFileName(pkg.name, pkg.version);
  if (tgz.name === expected)
    findings.pass('name', tgz.name, `npm's name for ${pkg.name}@${pkg.version}`);
  else
    findings.fail(
      'name',
      tgz.name,
      'AssetName',
      `npm names ${pkg.name}@${pkg.version} ${expected}`,
    );
  if (tag !== undefined) {
    if (tag === `v${pkg.version}`)
      findings.pass('tag', tag, `v + package.json version ${pkg.version}`);
    else
      findings.fail(
        'tag',
        tag,
        'VersionMismatch',
        `the package inside is ${pkg.version}; its tag is v${pkg.version}`,
      );
  }
  if (stage === 'local') {
    for (const w of await imageWarnings(packageDir(config)))
      findings.warn('images', w.file, 'ImageRule', w.message);
  }
  if (stage === 'published') {
    await verifyOnRegistry({
      config,
      findings,
      name: pkg.name,
      version: pkg.version,
      integrity,
      sha256,
    });
  }
  return { id: pkg.name, version: pkg.version };
}
