/**
 * The two plugin repositories the publish scenarios release, made once and untimed by the real
 * CLI: `pack` writes per target a real `<id>-<version>-<target>.tar.gz` (the binary is random
 * bytes, so the tarball is about as large as it) and its `.sha256`; a copy of that dist is then
 * signed by `sign` against the local Sigstore stand-in, which writes every signature file.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { escapeRegExp } from '../../src/sign/identity.ts';
import { startSigstoreStandIn } from '../../test/support/sigstore/index.ts';
import { writeRandom } from './payload.ts';
import { ID, MANIFEST, SIGNATURE_KINDS, TAG } from './publish-inputs.ts';

/** The repository whose workflow "signed" the tarballs: the certificate's identity. */
const SIGNER_REPO = 'bench/plugin';
const SUBJECT = `https://github.com/${SIGNER_REPO}/.github/workflows/release.yml@refs/tags/${TAG}`;

/** One plugin repository: its directory and every file a release of it carries. */
export interface ReleaseDist {
  dir: string;
  /** The manifest, then dist's files in name order (absolute paths). */
  files: string[];
}

export interface ReleaseDists {
  unsigned: ReleaseDist;
  signed: ReleaseDist;
  /** Inputs that make `verify` check the signatures: the stand-in's trust and identity. */
  verifyArgs: string[];
}

function runCli(
  cli: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env, stdio: 'pipe' });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`plugin-release ${args.join(' ')} exited ${code}:\n${out}`)),
    );
  });
}

function listRelease(dir: string): string[] {
  const dist = path.join(dir, 'dist');
  return [
    path.join(dir, 'nexo-plugin.toml'),
    ...fs
      .readdirSync(dist)
      .sort()
      .map((n) => path.join(dist, n)),
  ];
}

export async function makeReleaseDists(o: {
  root: string;
  cli: string;
  targets: readonly string[];
  binaryBytes: number;
}): Promise<ReleaseDists> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NO_PROXY: '127.0.0.1,localhost',
    SOURCE_DATE_EPOCH: '1700000000',
  };
  const unsigned = path.join(o.root, 'plugin');
  fs.mkdirSync(unsigned, { recursive: true });
  fs.writeFileSync(path.join(unsigned, 'nexo-plugin.toml'), MANIFEST);
  for (const t of o.targets) {
    const bin = path.join(unsigned, 'target', t, 'release', ID);
    await writeRandom(bin, o.binaryBytes);
    fs.chmodSync(bin, 0o755);
  }
  await runCli(o.cli, ['pack', '--targets', o.targets.join(',')], unsigned, env);
  fs.rmSync(path.join(unsigned, 'target'), { recursive: true, force: true });

  // The same tarballs (hard links), signed: sign adds files and never rewrites a tarball.
  const signed = path.join(o.root, 'plugin-signed');
  fs.mkdirSync(path.join(signed, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(signed, 'nexo-plugin.toml'), MANIFEST);
  for (const f of fs.readdirSync(path.join(unsigned, 'dist')))
    fs.linkSync(path.join(unsigned, 'dist', f), path.join(signed, 'dist', f));
  const identity = `^${escapeRegExp(SUBJECT)}$`;
  // The trusted root outlives the stand-in: the publish runs verify the bundles offline.
  const trustedRoot = path.join(o.root, 'trusted_root.json');
  const standIn = await startSigstoreStandIn({ subject: SUBJECT });
  try {
    fs.copyFileSync(standIn.trustedRootPath, trustedRoot);
    await runCli(
      o.cli,
      [
        'sign',
        '--targets',
        o.targets.join(','),
        '--fulcio-url',
        standIn.url,
        '--rekor-url',
        standIn.url,
        '--trusted-root',
        trustedRoot,
        '--signature-files',
        SIGNATURE_KINDS.join(','),
        '--certificate-identity-regexp',
        identity,
      ],
      signed,
      {
        ...env,
        ...standIn.env(),
        GITHUB_REPOSITORY: SIGNER_REPO,
        GITHUB_REF: `refs/tags/${TAG}`,
        GITHUB_WORKFLOW_REF: `${SIGNER_REPO}/.github/workflows/release.yml@refs/tags/${TAG}`,
      },
    );
  } finally {
    await standIn.close();
  }
  const dists = {
    unsigned: { dir: unsigned, files: listRelease(unsigned) },
    signed: { dir: signed, files: listRelease(signed) },
    verifyArgs: [
      '--trusted-root',
      trustedRoot,
      '--certificate-identity-regexp',
      identity,
      '--require-signature',
      'true',
    ],
  };
  const perTarget = { unsigned: 2, signed: 2 + SIGNATURE_KINDS.length };
  for (const k of ['unsigned', 'signed'] as const) {
    const want = 1 + o.targets.length * perTarget[k];
    if (dists[k].files.length !== want)
      throw new Error(`${k} dist holds ${dists[k].files.length} files, not ${want}`);
  }
  return dists;
}
