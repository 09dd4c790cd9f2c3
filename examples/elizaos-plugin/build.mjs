// The build: a real plugin would run tsup or tsc here. This one copies its single module.
import fs from 'node:fs';
fs.mkdirSync('dist', { recursive: true });
fs.copyFileSync('src/index.js', 'dist/index.js');
