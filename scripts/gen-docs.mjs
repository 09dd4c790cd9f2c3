// Generates the README's inputs/outputs tables from action.yml, between marker comments.
// `--check` fails (exit 1) when the README is out of date, so the two never drift.
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

const readme = readFileSync('README.md', 'utf8');
const a = readme.indexOf(START);
const b = readme.indexOf(END);
if (a === -1 || b === -1) {
  console.error('README.md lacks the action-docs markers');
  process.exit(1);
}
const raw = `${readme.slice(0, a + START.length)}\n\n${renderTables(parseYaml(readFileSync('action.yml', 'utf8')))}\n\n${readme.slice(b)}`;
// Formatted as Prettier would, so `prettier --check` and this check agree.
const next = await format(raw, { ...(await resolveConfig('README.md')), parser: 'markdown' });
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md inputs/outputs tables differ from action.yml: run npm run docs');
    process.exit(1);
  }
} else writeFileSync('README.md', next);
