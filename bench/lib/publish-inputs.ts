/**
 * Inputs of the publish benchmark: a plugin repository whose dist holds per target a random
 * tarball, its sidecar and placeholder signature files; and reading the emulator's request log.
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

export function published(emu: GitHubEmulator, repo: string, assets: number): boolean {
  const rel = emu.releases(repo).find((r) => r.tag_name === TAG);
  return rel !== undefined && !rel.draft && rel.assets.length === assets;
}
