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
 * proxy helper and a proxy-aware fetch); evaluating it costs ~12 MiB of RSS and ~0.1 s at every
 * start, while a run needs it only behind a proxy (src/net/proxy.ts imports it dynamically, in
 * its own chunk). Imports from node_modules get a shim whose exports load the real module when
 * first touched; the shim's own import, and ours, get the real one.
 */
const lazyUndici = {
  name: 'lazy-undici',
  setup(b) {
    const shim = path.join(import.meta.dirname, 'stubs', 'undici-lazy.cjs');
    b.onResolve({ filter: /^undici$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}`) ? { path: shim } : undefined,
    );
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
  target: 'node24',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  // Keep output stable across machines: no absolute paths, no timestamps, no source maps.
  sourcemap: false,
  banner: { js: banner },
  plugins: [lazyUndici],
});

// The CLI is a `bin`: keep it executable so the committed mode matches a fresh build.
chmodSync('dist/cli.js', 0o755);
