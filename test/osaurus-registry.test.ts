import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isReleaseError } from '../src/errors.ts';
import {
  buildEntry,
  formatEntry,
  mergeEntry,
  skillSummary,
  type Entry,
  type EntryFacts,
} from '../src/ecosystems/osaurus/registry-entry.ts';
import { validateEntry } from '../src/ecosystems/osaurus/registry-validate.ts';
import { osaurusManifest } from './support/osaurus.ts';

const KEY = 'RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3';
const OTHER = 'RWTAeH9a1mYnmZ7cT1VuxXDcGdFh8QWs2kIjxFRmUnKN6B2pdh6ZcxcF';
const SIG =
  'untrusted comment: signature from minisign secret key\nRWQf6LRCGA9i5w==\ntrusted comment: timestamp:1700000000\tfile:osaurus.demo-1.2.3.zip\nAAAA\n';

function facts(over: Partial<EntryFacts> = {}): EntryFacts {
  return {
    doc: osaurusManifest(),
    homepage: 'https://github.com/acme/demo',
    owner: 'acme',
    publicKey: KEY,
    url: 'https://github.com/acme/demo/releases/download/v1.2.3/osaurus.demo-1.2.3.zip',
    sha256: 'a'.repeat(64),
    size: 1234,
    signature: SIG,
    epoch: 1700000000,
    skillText: undefined,
    hasReadme: false,
    hasChangelog: false,
    ...over,
  };
}

describe('osaurus registry entry: what we write', () => {
  test("the CI's fields in the CI's order, tools projected, version entry with requires and size", () => {
    const doc = osaurusManifest({
      capabilities: {
        tools: [
          {
            id: 'echo',
            description: 'Echoes.',
            widget: 'card',
            parameters: {},
            requirements: [],
            permission_policy: 'auto',
          },
        ],
        routes: [{ id: 'status', description: 'Status page', path: '/status' }, { id: 'ping' }],
      },
      docs: { links: [{ label: 'Site', url: 'https://example.org' }] },
    });
    const e = buildEntry(
      facts({ doc, skillText: '---\nname: s\ndescription: d\n---\nbody\n\n', hasReadme: true }),
    );
    assert.deepEqual(Object.keys(e), [
      'plugin_id',
      'name',
      'description',
      'homepage',
      'license',
      'authors',
      'capabilities',
      'public_keys',
      'requires',
      'versions',
      'skill',
      'docs',
    ]);
    assert.deepEqual(e['capabilities'], {
      tools: [{ description: 'Echoes.', widget: 'card', name: 'echo' }],
      skills: [{ name: 's', description: 'd' }],
      routes: [
        { name: 'status', description: 'Status page' },
        { name: 'ping', description: '' },
      ],
    });
    assert.deepEqual(e['requires'], { min_macos: '14.0', osaurus_min_version: '0.6.0' });
    const v = (e['versions'] as Entry[])[0]!;
    assert.deepEqual(Object.keys(v), ['version', 'release_date', 'requires', 'artifacts']);
    assert.equal(v['release_date'], '2023-11-14');
    const a = (v['artifacts'] as Entry[])[0]!;
    assert.deepEqual(Object.keys(a), [
      'os',
      'arch',
      'url',
      'sha256',
      'size',
      'min_macos',
      'minisign',
    ]);
    assert.deepEqual(a['minisign'], { signature: SIG });
    assert.equal(e['skill'], '---\nname: s\ndescription: d\n---\nbody');
    assert.deepEqual(e['docs'], {
      readme: 'README.md',
      links: [{ label: 'Site', url: 'https://example.org' }],
    });
    const text = formatEntry(e);
    assert.ok(text.endsWith('}\n') && text.includes('\n  "plugin_id": "osaurus.demo",\n'));
    assert.deepEqual(validateEntry(text, 'osaurus.demo'), []);
  });

  test("defaults: name from the id's last segment, MIT, the repository owner, 13.0 and 0.5.0", () => {
    const doc = osaurusManifest();
    for (const k of ['name', 'license', 'authors', 'min_macos', 'min_osaurus']) delete doc[k];
    doc['plugin_id'] = 'com.acme.my-tool';
    const e = buildEntry(facts({ doc }));
    assert.equal(e['name'], 'My-tool');
    assert.equal(e['license'], 'MIT');
    assert.deepEqual(e['authors'], ['acme']);
    assert.deepEqual(e['requires'], { min_macos: '13.0', osaurus_min_version: '0.5.0' });
    assert.ok(!('skill' in e) && !('docs' in e));
  });

  test("SKILL.md frontmatter as the CI's sed and grep read it", () => {
    assert.deepEqual(skillSummary('---\nname:  demo \ndescription: Does\n---\n# x\n'), {
      name: 'demo ',
      description: 'Does',
    });
    assert.deepEqual(skillSummary('# no frontmatter\n'), { name: '', description: '' });
  });
});

describe('osaurus registry entry: merging into the current entry', () => {
  const base = (): Entry => ({
    plugin_id: 'osaurus.demo',
    name: 'Registered Name',
    description: 'old',
    homepage: 'https://example.org/demo',
    license: 'Apache-2.0',
    authors: ['someone'],
    capabilities: { tools: [{ name: 'old' }], skills: [{ name: 'gone' }] },
    public_keys: { minisign: KEY },
    requires: { min_macos: '13.0', osaurus_min_version: '0.5.0' },
    versions: [
      { version: '1.3.0-beta.1', artifacts: [] },
      { version: '1.2.3', artifacts: [], note: 'replaced' },
      { version: '1.0.0', artifacts: [] },
    ],
    skill: 'old skill',
  });

  test('this version replaces its namesake, versions re-sorted; capabilities, skill, docs replaced; the rest kept', () => {
    const merged = mergeEntry(
      base(),
      buildEntry(facts({ hasReadme: true })),
      'plugins/osaurus.demo.json',
    );
    assert.equal(merged['name'], 'Registered Name');
    assert.equal(merged['license'], 'Apache-2.0');
    assert.deepEqual(merged['capabilities'], {
      tools: [{ description: 'Echoes its input.', name: 'echo' }],
    });
    assert.ok(!('skill' in merged));
    assert.deepEqual(merged['docs'], { readme: 'README.md' });
    const versions = (merged['versions'] as Entry[]).map((v) => [v['version'], 'note' in v]);
    assert.deepEqual(versions, [
      ['1.3.0-beta.1', false],
      ['1.2.3', false],
      ['1.0.0', false],
    ]);
  });

  test('another key is REGISTRY_KEY_CHANGED', () => {
    const b = base();
    b['public_keys'] = { minisign: OTHER };
    assert.throws(
      () => mergeEntry(b, buildEntry(facts()), 'plugins/osaurus.demo.json'),
      (e: unknown) => isReleaseError(e, 'REGISTRY_KEY_CHANGED'),
    );
  });
});

describe('osaurus registry entry: the validator rules', () => {
  const good = () => JSON.parse(formatEntry(buildEntry(facts()))) as Entry;
  const rules = (e: unknown, id = 'osaurus.demo', baseKey?: string) =>
    validateEntry(JSON.stringify(e), id, baseKey).map((p) => p.rule);

  test('each broken rule is named', () => {
    assert.deepEqual(rules(good()), []);
    assert.deepEqual(rules(good(), 'osaurus.other'), ['plugin_id']);
    assert.deepEqual(rules(good(), 'osaurus.demo', OTHER), ['immutable']);
    const art = (e: Entry) => ((e['versions'] as Entry[])[0]!['artifacts'] as Entry[])[0]!;
    const cases: [string, (e: Entry) => void][] = [
      ['public_keys', (e) => void ((e['public_keys'] as Entry)['minisign'] = 'RUnotakey')],
      ['requires', (e) => void delete e['requires']],
      ['capabilities', (e) => void (e['capabilities'] = { tools: [{ name: 'a' }, { name: 'a' }] })],
      ['capabilities', (e) => void (e['capabilities'] = { tools: [], routes: [{ name: 'x' }] })],
      ['secrets', (e) => void (e['secrets'] = [{ id: 'k', label: 'K', required: 'yes' }])],
      ['docs', (e) => void (e['docs'] = { links: [{ label: 'x' }] })],
      [
        'versions',
        (e) =>
          void (e['versions'] as Entry[]).push({
            ...(e['versions'] as Entry[])[0]!,
            version: '2.0.0',
          }),
      ],
      [
        'versions',
        (e) => void (e['versions'] as Entry[]).push({ version: '1.2.3', artifacts: [] }),
      ],
      ['artifact', (e) => void (art(e)['url'] = 'http://x')],
      ['artifact', (e) => void (art(e)['arch'] = 'x86_64')],
      ['artifact', (e) => void (art(e)['minisign'] = { signature: 'one line' })],
    ];
    for (const [rule, breakIt] of cases) {
      const e = good();
      breakIt(e);
      assert.ok(
        rules(e).includes(rule),
        `${rule}: ${JSON.stringify(validateEntry(JSON.stringify(e), 'osaurus.demo'))}`,
      );
    }
  });
});
