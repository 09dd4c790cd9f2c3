/**
 * The ElizaOS part of `npm run demo`: the example plugin (examples/elizaos-plugin) built and
 * released with the real CLI as the README's release.yml does it: `all` packs npm's tarball,
 * publishes the GitHub release (emulator), publishes to an npm registry (Verdaccio on loopback,
 * started here and stopped at the end, even on failure), opens the ElizaOS registry pull request
 * from the user's fork, then verifies the published release and the npm registry's entry (the
 * integrity, the dist-tag, a clean install). npm runs with a HOME and cache of its own, so the
 * machine's npm configuration plays no part. The tokens are never printed.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { GitHubEmulator } from '../test/support/github-emulator/index.ts';
import { startVerdaccio } from '../test/support/verdaccio.ts';
import { ROOT, cli, showRelease, step, type Published, releaseEnv } from './demo-common.ts';

const REPO = 'octo/plugin-hello';
const REGISTRY_REPO = 'elizaos-plugins/registry';
const NAME = '@octo/plugin-hello';
const TAG = 'v0.1.0';
const TOKEN = 'ghs_elizaosDemoTokenNeverPrinted';
const REGISTRY_TOKEN = 'ghp_elizaosDemoRegistryTokenNeverPrinted';
const TARBALL = 'octo-plugin-hello-0.1.0.tgz';

interface Packument {
  'dist-tags': Record<string, string>;
  versions: Record<string, { dist: { integrity: string; tarball: string } }>;
}

export async function demoElizaos(github: GitHubEmulator, work: string): Promise<Published> {
  console.log('\n=== ElizaOS: examples/elizaos-plugin ===');
  github.addRepo(REPO);
  github.addRepo(REGISTRY_REPO);
  github.seedRepoFiles(REGISTRY_REPO, 'main', { 'README.md': '# ElizaOS plugin registry\n' });
  github.addToken(TOKEN, 'write', { repos: [REPO] });
  github.addToken(REGISTRY_TOKEN, 'write', { login: 'octo', repos: [] });
  const plugin = path.join(work, 'elizaos-plugin');
  await fs.cp(path.join(ROOT, 'examples/elizaos-plugin'), plugin, { recursive: true });
  const home = await fs.mkdtemp(path.join(work, 'elizaos-home-'));
  const registry = await startVerdaccio();
  try {
    console.log(`npm registry (Verdaccio) is up at ${registry.url}`);
    const env: Record<string, string> = {
      HOME: home,
      npm_config_cache: path.join(home, '.npm'),
      ...releaseEnv(github.apiUrl, REPO, TAG, TOKEN),
      // As the workflow's `npm-token: ${{ secrets.NPM_TOKEN }}`, read from NODE_AUTH_TOKEN.
      NODE_AUTH_TOKEN: registry.token,
    };
    // The workflow's `npm run build` (the example's build copies src/index.js to dist/).
    await step('npm', ['run', 'build'], plugin, env);
    const dist = path.join(work, 'elizaos-release'); // outside what npm packs, as runner.temp
    const entries = path.join(work, 'elizaos-registry'); // a folder: the entry gets its own name
    await cli(
      [
        'all',
        '--ecosystem',
        'elizaos',
        '--dist',
        dist,
        '--npm-registry',
        registry.url,
        '--registry-entry',
        `${entries}/`,
        '--registry-repo',
        REGISTRY_REPO,
        '--registry-token',
        REGISTRY_TOKEN,
      ],
      plugin,
      env,
    );

    const shown = await showRelease(github.apiUrl, REPO, TAG, TOKEN);
    const res = await fetch(`${registry.url}${NAME.replace('/', '%2f')}`);
    if (!res.ok) throw new Error(`${NAME} is not on the npm registry: ${res.status}`);
    const doc = (await res.json()) as Packument;
    const version = TAG.slice(1);
    const published = doc.versions[version];
    if (published === undefined) throw new Error(`${NAME}@${version} is not on the npm registry`);
    const rel = github.releases(REPO)[0]!;
    const asset = rel.assets.find((a) => a.name === TARBALL)!;
    const bytes = await github.assetBytes(REPO, asset.id);
    const releaseIntegrity = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
    console.log(
      `npm: ${NAME}@${version} on ${registry.url}, dist-tags ${JSON.stringify(doc['dist-tags'])}`,
    );
    console.log(`  integrity ${published.dist.integrity}`);
    console.log(
      `  ${published.dist.integrity === releaseIntegrity ? 'the same bytes as' : 'OTHER BYTES than'} the release's ${TARBALL}`,
    );
    const pulls = github.pulls(REGISTRY_REPO);
    for (const pr of pulls)
      console.log(
        `Registry pull request #${pr.number} on ${REGISTRY_REPO} from ${pr.head.repo}:${pr.head.ref}: "${pr.title}"`,
      );
    // The entry as the pull request proposes it (the same bytes as the one written locally).
    const entryPath = 'entries/third-party/octo__plugin-hello.json';
    const pr = pulls[0];
    const entry = pr && github.repoFile(pr.head.repo, pr.head.ref, entryPath);
    if (entry === undefined) throw new Error(`no registry pull request with ${entryPath}`);
    if (entry !== (await fs.readFile(path.join(entries, path.basename(entryPath)), 'utf8')))
      throw new Error(`${entryPath} in the pull request is not the entry written locally`);
    console.log(`\n${entryPath} in ${pr!.head.repo}@${pr!.head.ref}:\n${entry}`);
    return {
      ecosystem: 'elizaos',
      ...shown,
      entries: {
        npm: {
          name: NAME,
          version,
          distTags: doc['dist-tags'],
          integrity: published.dist.integrity,
          releaseIntegrity,
        },
        registryPullRequests: pulls.map((pr) => ({
          number: pr.number,
          title: pr.title,
          head: `${pr.head.repo}:${pr.head.ref}`,
        })),
        registryEntry: JSON.parse(entry) as unknown,
      },
    };
  } finally {
    await registry.close();
  }
}
