// The example's build: the plugin is plain JavaScript, so building copies src/index.js to the
// manifest's `main` with a header. A real plugin would bundle here (esbuild, tsc, vite, ...).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const source = readFileSync(new URL('./src/index.js', import.meta.url), 'utf8');
mkdirSync(new URL('./build/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./build/index.js', import.meta.url),
  `// Built from src/index.js by build.mjs.\n${source}`,
);
