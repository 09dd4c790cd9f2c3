import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseConfig, splitList } from '../src/config.ts';
import { isReleaseError } from '../src/errors.ts';
import { INPUTS, readActionInputs } from '../src/inputs.ts';
import { buildPlan, expectedAssets, muslWithoutGnu } from '../src/plan.ts';
import { parseArgs } from '../src/cli-args.ts';

const defaults = (over: Record<string, string> = {}) => {
  const raw: Record<string, string> = {};
  for (const i of INPUTS) raw[i.name] = i.cliDefault ?? i.default;
  return { ...raw, ...over };
};

describe('config', () => {
  test('tag comes from the input first, refs/tags/ stripped', () => {
    const c = parseConfig(
      defaults({ tag: 'refs/tags/v1.0.0' }),
      { GITHUB_REF: 'refs/heads/main' },
      '/w',
    );
    assert.equal(c.tag, 'v1.0.0');
  });
  test('tag falls back to GITHUB_REF when it is a tag', () => {
    assert.equal(parseConfig(defaults(), { GITHUB_REF: 'refs/tags/v2.0.0' }, '/w').tag, 'v2.0.0');
  });
  test('workflow_dispatch from a branch without tag: no tag, and a hint naming the tag input', () => {
    const c = parseConfig(
      defaults(),
      { GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_NAME: 'workflow_dispatch' },
      '/w',
    );
    assert.equal(c.tag, undefined);
    assert.match(c.tagHint, /refs\/heads\/main/);
    assert.match(c.tagHint, /tag/);
  });
  test('lists split on commas, spaces and newlines', () => {
    assert.deepEqual(splitList('a, b\nc  d,,'), ['a', 'b', 'c', 'd']);
    const c = parseConfig(
      defaults({ targets: 'x86_64-unknown-linux-gnu,\nnoarch noarch' }),
      {},
      '/w',
    );
    assert.deepEqual(c.targets, ['x86_64-unknown-linux-gnu', 'noarch']);
  });
  test('paths resolve against working-directory', () => {
    const c = parseConfig(defaults({ 'working-directory': 'plugins/x', dist: 'out' }), {}, '/w');
    assert.equal(c.distDir, path.resolve('/w/plugins/x/out'));
    assert.equal(c.manifestPath, path.resolve('/w/plugins/x/nexo-plugin.toml'));
  });
  test('source-date-epoch: input, then SOURCE_DATE_EPOCH, else undefined', () => {
    assert.equal(
      parseConfig(defaults({ 'source-date-epoch': '123' }), { SOURCE_DATE_EPOCH: '9' }, '/w')
        .sourceDateEpoch,
      123,
    );
    assert.equal(parseConfig(defaults(), { SOURCE_DATE_EPOCH: '9' }, '/w').sourceDateEpoch, 9);
    assert.equal(parseConfig(defaults(), {}, '/w').sourceDateEpoch, undefined);
  });
  const bad: [Record<string, string>, RegExp][] = [
    [{ command: 'deploy' }, /expected one of validate, pack/],
    [{ 'dry-run': 'yes' }, /expected true or false/],
    [{ 'compression-level': '11' }, /1 to 9/],
    [{ concurrency: '0' }, /1 to 64/],
    [{ 'target-aliases': 'a-b' }, /from=to/],
    [{ notes: 'file:' }, /file:<path>/],
    [{ repo: 'noslash' }, /\{owner\}\/\{repo\}/],
    [{ 'signature-files': 'sig,asc' }, /signature-files entry 'asc'/],
    [{ 'source-date-epoch': 'yesterday' }, /seconds since 1970/],
  ];
  for (const [over, why] of bad) {
    test(`bad input ${JSON.stringify(over)} is a USAGE error`, () => {
      assert.throws(
        () => parseConfig(defaults(over), {}, '/w'),
        (e: unknown) => isReleaseError(e, 'USAGE') && why.test(e.message),
      );
    });
  }
  test('an invalid target triple is refused', () => {
    assert.throws(
      () => parseConfig(defaults({ targets: 'x86_64/../../etc' }), {}, '/w'),
      (e: unknown) => isReleaseError(e, 'TARGET_INVALID'),
    );
  });
});

describe('action inputs', () => {
  test('action.yml declares exactly the input table, with the same defaults', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const action = parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as {
      inputs: Record<string, { default: string; description: string }>;
      runs: { using: string; main: string };
    };
    assert.deepEqual(
      Object.keys(action.inputs),
      INPUTS.map((i) => i.name),
    );
    for (const i of INPUTS) {
      assert.equal(action.inputs[i.name]!.default, i.default, i.name);
      assert.ok(action.inputs[i.name]!.description.length > 10, i.name);
    }
    assert.equal(action.runs.using, 'node24');
    assert.equal(action.runs.main, 'dist/index.js');
  });

  test('INPUT_ names keep hyphens and defaults apply', () => {
    const raw = readActionInputs({
      'INPUT_DRY-RUN': 'true',
      INPUT_TARGETS: ' noarch ',
      INPUT_TOKEN: '',
      GITHUB_TOKEN: 'ghs_x',
    });
    assert.equal(raw['dry-run'], 'true');
    assert.equal(raw.targets, 'noarch');
    // The profile's own file is the default (issue 14): empty means "the profile decides".
    assert.equal(raw.manifest, '');
    assert.equal(raw.token, 'ghs_x');
  });
});

describe('cli arguments', () => {
  test('command first, then flags in both forms; bare booleans', () => {
    const a = parseArgs(['pack', '--targets', 'noarch', '--dist=out', '--dry-run']);
    assert.equal(a.inputs.command, 'pack');
    assert.equal(a.inputs.targets, 'noarch');
    assert.equal(a.inputs.dist, 'out');
    assert.equal(a.inputs['dry-run'], 'true');
  });
  test('unknown flags and stray arguments are usage errors', () => {
    assert.throws(() => parseArgs(['--nope', 'x']), /unknown flag --nope/);
    assert.throws(() => parseArgs(['pack', 'extra']), /unexpected argument 'extra'/);
    assert.throws(() => parseArgs(['--targets']), /needs a value/);
  });
});

describe('plan', () => {
  const base = {
    workingDirectory: '/w',
    manifestPath: '/w/nexo-plugin.toml',
    distDir: '/w/dist',
    binaryTemplate: 'target/{target}/release/{id}',
  };
  test('names every tarball and sidecar; aliases follow their source', () => {
    const plan = buildPlan(
      {
        ...base,
        targets: ['x86_64-unknown-linux-musl', 'noarch'],
        targetAliases: [{ from: 'x86_64-unknown-linux-musl', to: 'x86_64-unknown-linux-gnu' }],
      },
      { id: 'p', version: '1.0.0-rc.1' },
      'v1.0.0-rc.1',
    );
    assert.equal(plan.prerelease, true);
    assert.deepEqual(
      plan.targets.map((t) => t.tarball),
      [
        'p-1.0.0-rc.1-x86_64-unknown-linux-musl.tar.gz',
        'p-1.0.0-rc.1-noarch.tar.gz',
        'p-1.0.0-rc.1-x86_64-unknown-linux-gnu.tar.gz',
      ],
    );
    assert.equal(plan.targets[0]!.binary, '/w/target/x86_64-unknown-linux-musl/release/p');
    assert.equal(plan.targets[2]!.aliasOf, 'x86_64-unknown-linux-musl');
    assert.deepEqual(muslWithoutGnu(plan), []);
    assert.deepEqual(expectedAssets(plan, ['sig', 'cert']).slice(0, 5), [
      'nexo-plugin.toml',
      'p-1.0.0-rc.1-x86_64-unknown-linux-musl.tar.gz',
      'p-1.0.0-rc.1-x86_64-unknown-linux-musl.tar.gz.sha256',
      'p-1.0.0-rc.1-x86_64-unknown-linux-musl.tar.gz.sig',
      'p-1.0.0-rc.1-x86_64-unknown-linux-musl.tar.gz.cert',
    ]);
  });
  test('musl without gnu is detected', () => {
    const plan = buildPlan(
      { ...base, targets: ['aarch64-unknown-linux-musl'], targetAliases: [] },
      { id: 'p', version: '1.0.0' },
      undefined,
    );
    assert.deepEqual(muslWithoutGnu(plan), [
      { musl: 'aarch64-unknown-linux-musl', gnu: 'aarch64-unknown-linux-gnu' },
    ]);
  });
  test('an alias of a target that is not built is refused', () => {
    assert.throws(
      () =>
        buildPlan(
          { ...base, targets: ['noarch'], targetAliases: [{ from: 'a-b', to: 'c-d' }] },
          { id: 'p', version: '1.0.0' },
          undefined,
        ),
      (e: unknown) => isReleaseError(e, 'USAGE'),
    );
  });
});
