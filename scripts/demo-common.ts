/**
 * What every part of `npm run demo` shares: running the real CLI (dist/cli.js) as a workflow
 * step would, with secret flag values shown as ***, and reading back and printing what a release
 * holds, from the GitHub emulator's API as a user would see it. Each part returns a `Published`
 * record; `node scripts/demo.ts --results FILE` writes them all as JSON (the demo test reads it).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface PublishedAsset {
  name: string;
  size: number;
  /** Lowercase hex, from the release's own digest of the uploaded bytes. */
  sha256: string;
  contentType: string;
}

export interface Published {
  ecosystem: string;
  repo: string;
  tag: string;
  releaseUrl: string;
  draft: boolean;
  assets: PublishedAsset[];
  /** Registry and marketplace entries, by where they were published; public values only. */
  entries: Record<string, unknown>;
}

/**
 * What a workflow step's environment gives the CLI on a tag push, pointed at the GitHub
 * emulator: the release repository, the tag, the token, a fixed source date; loopback unproxied.
 */
export function releaseEnv(apiUrl: string, repo: string, tag: string, token: string) {
  return {
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: repo,
    GITHUB_REF: `refs/tags/${tag}`,
    GITHUB_TOKEN: token,
    SOURCE_DATE_EPOCH: '1767225600',
    NO_PROXY: '127.0.0.1,localhost',
  };
}

/** Flags whose values are secrets: shown as *** in the echoed command line. */
const SECRET_FLAGS = new Set([
  '--minisign-secret-key',
  '--minisign-password',
  '--registry-token',
  '--marketplace-token',
  '--npm-token',
  '--token',
]);

/** Runs `plugin-release <args>` in `cwd` with `env` over this process's; rejects on a non-zero exit. */
export function cli(args: string[], cwd: string, env: Record<string, string>): Promise<void> {
  const shown = args.map((a, i) => (SECRET_FLAGS.has(args[i - 1] ?? '') ? '***' : a));
  return run(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], cwd, env, [
    'plugin-release',
    ...shown,
  ]);
}

/** Runs a workflow step's command (e.g. `npm run build`), its output shown; rejects on failure. */
export function step(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<void> {
  return run(command, args, cwd, env, [command, ...args]);
}

function run(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
  shown: string[],
): Promise<void> {
  console.log(`\n$ ${shown.join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${shown.slice(0, 2).join(' ')} exited ${code}`)),
    );
  });
}

interface ReleaseJson {
  html_url: string;
  draft: boolean;
  assets: { name: string; size: number; digest: string | null; content_type: string }[];
}

/** Reads the tag's release through the API with `token`, prints its URL and assets, returns them. */
export async function showRelease(
  apiUrl: string,
  repo: string,
  tag: string,
  token: string,
): Promise<Omit<Published, 'ecosystem' | 'entries'>> {
  const res = await fetch(`${apiUrl}/repos/${repo}/releases/tags/${tag}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json' },
  });
  if (!res.ok)
    throw new Error(`nothing was published: GET the ${tag} release of ${repo}: ${res.status}`);
  const rel = (await res.json()) as ReleaseJson;
  const assets = rel.assets.map((a) => ({
    name: a.name,
    size: a.size,
    sha256: (a.digest ?? '').replace(/^sha256:/, ''),
    contentType: a.content_type,
  }));
  console.log(`\nPublished ${tag} of ${repo}${rel.draft ? ' (a draft)' : ''}: ${rel.html_url}`);
  const width = Math.max(...assets.map((a) => a.name.length));
  for (const a of assets)
    console.log(
      `  ${a.name.padEnd(width)} ${String(a.size).padStart(7)} B  sha256:${a.sha256}  ${a.contentType}`,
    );
  return { repo, tag, releaseUrl: rel.html_url, draft: rel.draft, assets };
}
