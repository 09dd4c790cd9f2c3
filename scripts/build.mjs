// Bundles the two entry points into dist/ (committed; CI checks a fresh build matches).
// ESM output; CommonJS dependencies get a real `require` through createRequire.
import { build } from 'esbuild';

const banner = [
  "import { createRequire as __cr } from 'node:module';",
  "import { fileURLToPath as __fu } from 'node:url';",
  "import { dirname as __dn } from 'node:path';",
  'const require = __cr(import.meta.url);',
  'const __filename = __fu(import.meta.url);',
  'const __dirname = __dn(__filename);',
].join('\n');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  // Keep output stable across machines: no absolute paths, no timestamps.
  sourcemap: false,
};

await build({
  ...common,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  banner: { js: banner },
});
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  banner: { js: `#!/usr/bin/env node\n${banner}` },
});

// The CLI is a `bin`: keep it executable so the committed mode matches a fresh build.
const { chmodSync } = await import('node:fs');
chmodSync('dist/cli.js', 0o755);
