/**
 * Inputs of the publish benchmark: the plugin's names, a plugin repository whose dist holds per
 * target a random tarball, its sidecar and placeholder signature files (for the large-asset
 * memory run; the timed scenarios release real tarballs, release-dist.ts); and reading the
 * emulator's request log.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { GitHubEmulator } from '../../test/support/github-emulator/index.ts';
import { writeRandom } from './payload.ts';

export interface CommandCount {
  requests: number;
  uploads: number;
  byRoute: Record<string, number>;
}

export const ID = 'bench_plugin';
export const VERSION = '1.0.0';
export const TAG = `v${VERSION}`;
export const TOKEN = 'ghs_benchmarkTokenNotASecret000001';
export const MANIFEST = `[plugin]\nid = "${ID}"\nversion = "${VERSION}"\nname = "Bench"\ndescription = "Publishing benchmark."\nmin_nexo_version = ">=0.1.0"\n`;
export const SIGNATURE_KINDS = ['sig', 'cert', 'pem', 'bundle', 'sigstore.json'];

/** A plugin repo whose dist holds, per target, a random tarball, its sidecar and signature files. */
export async function makeDist(
  dir: string,
  targets: readonly string[],
  bytes: number,
): Promise<string[]> {
  fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'nexo-plugin.toml'), MANIFEST);
  const files = [path.join(dir, 'nexo-plugin.toml')];
  for (const t of targets) {
    const tarball = path.join(dir, 'dist', `${ID}-${VERSION}-${t}.tar.gz`);
    const sha = await writeRandom(tarball, bytes);
    fs.writeFileSync(`${tarball}.sha256`, `${sha}\n`);
    files.push(tarball, `${tarball}.sha256`);
    for (const kind of SIGNATURE_KINDS) {
      fs.writeFileSync(`${tarball}.${kind}`, `benchmark ${kind} for ${t}: ${sha}\n`);
      files.push(`${tarball}.${kind}`);
    }
  }
  return files;
}

export function counts(emu: GitHubEmulator): CommandCount {
  const byRoute: Record<string, number> = {};
  for (const r of emu.requests) byRoute[r.route] = (byRoute[r.route] ?? 0) + 1;
  return {
    requests: emu.requests.length,
    uploads: emu.requests.filter((r) => r.route === 'upload-asset').length,
    byRoute,
  };
}

/** The first request's arrival (ms since the epoch), or undefined when none came. */
export function firstRequestAt(emu: GitHubEmulator): number | undefined {
  return emu.requests.reduce<number | undefined>(
    (a, r) => (a === undefined || r.at < a ? r.at : a),
    undefined,
  );
}

/** Throws unless `repo` has a published (not draft) release at TAG holding exactly `files`. */
export function assertPublished(
  emu: GitHubEmulator,
  repo: string,
  files: readonly string[],
  who: string,
): void {
  const rel = emu.releases(repo).find((r) => r.tag_name === TAG);
  if (rel === undefined) throw new Error(`${who}: no release ${TAG} in ${repo}`);
  if (rel.draft) throw new Error(`${who}: ${repo}@${TAG} is still a draft`);
  const want = files.map((f) => path.basename(f)).sort();
  const have = rel.assets.map((a) => a.name).sort();
  if (JSON.stringify(want) !== JSON.stringify(have))
    throw new Error(
      `${who}: ${repo}@${TAG} holds ${have.length} assets, not the ${want.length} expected: missing ${want.filter((n) => !have.includes(n)).join(', ') || 'none'}; extra ${have.filter((n) => !want.includes(n)).join(', ') || 'none'}`,
    );
}
