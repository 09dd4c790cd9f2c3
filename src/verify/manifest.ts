import { parse } from 'smol-toml';
import { nexoManifestReader } from '../manifest/index.ts';
import { MANIFEST_ASSET } from '../plan.ts';
import type { Findings } from './report.ts';
import { octal, type Layout } from './tar-rules.ts';

/**
 * The manifest, twice: the release's `nexo-plugin.toml` asset (which the installer downloads
 * first, to learn the plugin id) and the copy at the root of each tarball (which it parses after
 * extraction and compares with the release: same id, the tag's version). Both must pass every
 * rule of the installer and the daemon (nexoManifestReader.check). Then the rest of the layout:
 * `bin/<id>`, a regular file with an exec bit.
 */
export interface ManifestFacts {
  /** The id and version the manifest declares, read leniently so later checks can still run. */
  id: string | undefined;
  version: string | undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function lenient(text: string): ManifestFacts {
  try {
    const doc = parse(text) as { plugin?: { id?: unknown; version?: unknown } };
    const id = doc.plugin?.id;
    const version = doc.plugin?.version;
    return {
      id: typeof id === 'string' ? id : undefined,
      version: typeof version === 'string' ? version : undefined,
    };
  } catch {
    return { id: undefined, version: undefined };
  }
}

/** Decodes and checks manifest bytes; adds ManifestInvalid for every problem. */
function checkText(bytes: Buffer, subject: string, findings: Findings): ManifestFacts {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    findings.fail(
      'manifest',
      subject,
      'ManifestInvalid',
      'not valid UTF-8: the installer cannot read it',
    );
    return { id: undefined, version: undefined };
  }
  const result = nexoManifestReader.check(text, subject);
  if (result.manifest) return { id: result.manifest.id, version: result.manifest.version };
  const shown = result.diagnostics.slice(0, 5).map((d) => {
    const at = d.location?.line ? `line ${d.location.line}: ` : '';
    return `${at}${d.message}`;
  });
  const more = result.diagnostics.length > 5 ? ` (and ${result.diagnostics.length - 5} more)` : '';
  findings.fail(
    'manifest',
    subject,
    'ManifestInvalid',
    `the installer or the daemon rejects it: ${shown.join('; ')}${more}`,
  );
  return lenient(text);
}

export function checkManifestAsset(
  bytes: Buffer | 'too-large' | undefined,
  tagVersion: string | undefined,
  findings: Findings,
): ManifestFacts {
  if (bytes === undefined) {
    findings.fail(
      'manifest',
      MANIFEST_ASSET,
      'ReleaseShape',
      `the release has no ${MANIFEST_ASSET} asset: the installer downloads it first and stops without it`,
    );
    return { id: undefined, version: undefined };
  }
  if (bytes === 'too-large') {
    findings.fail(
      'manifest',
      MANIFEST_ASSET,
      'ManifestInvalid',
      'it is over 1 MiB: not a plugin manifest',
    );
    return { id: undefined, version: undefined };
  }
  const before = findings.failed(MANIFEST_ASSET);
  const facts = checkText(bytes, MANIFEST_ASSET, findings);
  if (!before && !findings.failed(MANIFEST_ASSET))
    findings.pass(
      'manifest',
      MANIFEST_ASSET,
      `${facts.id} ${facts.version}: passes the installer's and the daemon's rules`,
    );
  if (tagVersion !== undefined && facts.version !== undefined && facts.version !== tagVersion) {
    findings.fail(
      'manifest',
      MANIFEST_ASSET,
      'ManifestMismatch',
      `version ${facts.version} != the tag's ${tagVersion}: the installer names assets and checks the extracted manifest with the tag's version`,
    );
  }
  return facts;
}

/** The tarball's own manifest and binary, from what the pass collected. */
export function checkTarballContent(
  tarball: string,
  content: { manifest: Buffer | undefined; manifestTooLarge: boolean; layout: Layout },
  expected: { id: string | undefined; version: string | undefined },
  findings: Findings,
): void {
  const { layout } = content;
  const subject = `${tarball}:${MANIFEST_ASSET}`;
  if (!layout.manifestAtRoot || content.manifest === undefined) {
    const where = layout.wrappedIn
      ? `: it is under ${layout.wrappedIn}/, a wrapping directory. Pack the plugin's files at the archive root`
      : '';
    findings.fail(
      'layout',
      tarball,
      'ManifestInvalid',
      `${MANIFEST_ASSET} is not at the root of the archive${where}`,
    );
  } else if (content.manifestTooLarge) {
    findings.fail(
      'layout',
      subject,
      'ManifestInvalid',
      'the manifest is over 1 MiB: that is not a plugin manifest',
    );
  } else {
    const before = findings.list.length;
    const got = checkText(content.manifest, subject, findings);
    const { id, version } = expected;
    if (id !== undefined && version !== undefined && (got.id !== id || got.version !== version)) {
      findings.fail(
        'manifest-match',
        subject,
        'ManifestMismatch',
        `extracted manifest mismatch: expected id=${id}@${version}, got id=${got.id ?? '?'}@${got.version ?? '?'}`,
      );
    } else if (findings.list.length === before) {
      findings.pass(
        'manifest-match',
        subject,
        `id ${got.id} and version ${got.version} match the release`,
      );
    }
  }
  if (expected.id === undefined) return;
  const bin = `bin/${expected.id}`;
  const b = layout.binary;
  if (b === undefined) {
    findings.fail(
      'binary',
      `${tarball}:${bin}`,
      'BinaryMissing',
      `${bin} is not in the archive: the installer needs it after extraction`,
    );
  } else if (b.typeflag === '5') {
    findings.fail(
      'binary',
      `${tarball}:${bin}`,
      'BinaryMissing',
      `${bin} is a directory, not the plugin's executable`,
    );
  } else if ((b.mode & 0o111) === 0) {
    findings.fail(
      'binary',
      `${tarball}:${bin}`,
      'BinaryNotExecutable',
      `${bin} has mode ${octal(b.mode)}: no exec bit. Pack it as 0755`,
    );
  } else if ((b.mode & 0o7777) !== 0o755) {
    findings.warn(
      'binary',
      `${tarball}:${bin}`,
      'UnusualMode',
      `${bin} has mode ${octal(b.mode)}; the convention is 0755`,
    );
  } else {
    findings.pass('binary', `${tarball}:${bin}`, `${bin} present, mode 0755`);
  }
}
