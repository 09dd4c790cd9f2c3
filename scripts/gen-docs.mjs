// Generates, from action.yml, the README's inputs/outputs tables (between marker comments) and
// src/cli-docs.generated.ts (the descriptions `plugin-release --help` prints).
// `--check` fails (exit 1) when either is out of date, so they never drift from action.yml.
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { parse as parseYaml } from 'yaml';

const START = '<!-- action-docs:start (generated from action.yml by npm run docs) -->';
const END = '<!-- action-docs:end -->';
const esc = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderTables(action) {
  const inputs = Object.entries(action.inputs).map(
    ([name, i]) =>
      `| \`${name}\` | ${esc(i.description)} | ${i.default === '' ? '' : `\`${esc(i.default)}\``} |`,
  );
  const outputs = Object.entries(action.outputs).map(
    ([name, o]) => `| \`${name}\` | ${esc(o.description)} |`,
  );
  return [
    '### Inputs',
    '',
    '| input | description | default |',
    '| --- | --- | --- |',
    ...inputs,
    '',
    '### Outputs',
    '',
    '| output | description |',
    '| --- | --- |',
    ...outputs,
  ].join('\n');
}

const GENERATED = 'src/cli-docs.generated.ts';

export function renderCliDocs(action) {
  const entries = (o) =>
    Object.entries(o)
      .map(([name, x]) => `  ${JSON.stringify(name)}: ${JSON.stringify(String(x.description))},`)
      .join('\n');
  return [
    '// Generated from action.yml by `npm run docs` (scripts/gen-docs.mjs). Do not edit by hand:',
    '// `npm test` fails when this differs from action.yml.',
    '',
    "/** Each input's description, as `plugin-release --help` prints it. */",
    'export const INPUT_DESCRIPTIONS: Readonly<Record<string, string>> = {',
    entries(action.inputs),
    '};',
    '',
    "/** Each output's description. */",
    'export const OUTPUT_DESCRIPTIONS: Readonly<Record<string, string>> = {',
    entries(action.outputs),
    '};',
    '',
  ].join('\n');
}

const action = parseYaml(readFileSync('action.yml', 'utf8'));
const readme = readFileSync('README.md', 'utf8');
const a = readme.indexOf(START);
const b = readme.indexOf(END);
if (a === -1 || b === -1) {
  console.error('README.md lacks the action-docs markers');
  process.exit(1);
}
const raw = `${readme.slice(0, a + START.length)}\n\n${renderTables(action)}\n\n${readme.slice(b)}`;
// Formatted as Prettier would, so `prettier --check` and this check agree.
const next = await format(raw, { ...(await resolveConfig('README.md')), parser: 'markdown' });
const cliDocs = await format(renderCliDocs(action), {
  ...(await resolveConfig(GENERATED)),
  parser: 'typescript',
});
if (process.argv.includes('--check')) {
  let stale = false;
  if (next !== readme) {
    console.error('README.md inputs/outputs tables differ from action.yml: run npm run docs');
    stale = true;
  }
  if (cliDocs !== readFileSync(GENERATED, 'utf8')) {
    console.error(`${GENERATED} differs from action.yml: run npm run docs`);
    stale = true;
  }
  if (stale) process.exit(1);
} else {
  writeFileSync('README.md', next);
  writeFileSync(GENERATED, cliDocs);
}
