// Bundles the two entry points into dist/ (committed; CI checks a fresh build matches).
// ESM with code splitting: each step is a chunk loaded on first use (src/pipeline.ts), so a run
// parses only the code its command needs. CommonJS dependencies get a real `require` through
// createRequire in every output file.
import { chmodSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const banner = [
  "import { createRequire as __cr } from 'node:module';",
  "import { fileURLToPath as __fu } from 'node:url';",
  "import { dirname as __dn } from 'node:path';",
  'const require = __cr(import.meta.url);',
  'const __filename = __fu(import.meta.url);',
  'const __dirname = __dn(__filename);',
].join('\n');

/**
 * undici loads on first use. @actions/core and @actions/github import it at their top (for a
 * proxy helper and a proxy-aware fetch), src/net/proxy.ts only when a proxy is set; parsing it
 * costs ~2.5 MiB of RSS at every start and evaluating it ~12 MiB more. Every import of it gets
 * a shim whose exports require dist/chunks/undici.cjs (undici built on its own) when first
 * touched.
 */
const lazyUndici = {
  name: 'lazy-undici',
  setup(b) {
    const shim = path.join(import.meta.dirname, 'stubs', 'undici-lazy.cjs');
    b.onResolve({ filter: /^undici$/ }, () => ({ path: shim }));
  },
};

/**
 * @octokit/plugin-rest-endpoint-methods is replaced by a stub: @actions/github plugs it into its
 * client, but this project calls only explicit routes, and its endpoint table costs ~3 MiB of
 * RSS in every run that talks to GitHub (publish's peak RSS budget is 100 MiB).
 */
const noRestMethods = {
  name: 'no-rest-endpoint-methods',
  setup(b) {
    b.onResolve({ filter: /^@octokit\/plugin-rest-endpoint-methods$/ }, () => ({
      path: path.join(import.meta.dirname, 'stubs', 'rest-endpoint-methods.mjs'),
    }));
  },
};

// Stale chunks from an earlier build must not linger in the committed tree.
rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: ['src/index.ts', 'src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  // The CLI runs on Node 20 and 22 as well (test/node-versions.test.ts).
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  // Keep output stable across machines: no absolute paths, no timestamps, no source maps.
  sourcemap: false,
  banner: { js: banner },
  plugins: [lazyUndici, noRestMethods],
});

await build({
  entryPoints: ['undici'],
  outfile: 'dist/chunks/undici.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  legalComments: 'none',
  logLevel: 'warning',
});

// The CLI is a `bin`: keep it executable so the committed mode matches a fresh build.
chmodSync('dist/cli.js', 0o755);
