import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isReleaseError, type Diagnostic } from '../src/errors.ts';
import {
  nexoManifestReader as reader,
  rustVersionError,
  rustVersionReqError,
} from '../src/manifest/index.ts';
import { createLocator, formatPath } from '../src/manifest/locate.ts';

const FULL = fileURLToPath(new URL('./fixtures/manifests/full/nexo-plugin.toml', import.meta.url));

const BASE = `[plugin]
id = "demo"
version = "0.1.0"
name = "Demo"
description = "A demo plugin"
min_nexo_version = ">=0.1.0"
`;

/** 1-based line/column of the `nth` occurrence of `needle` in `text`. */
function pos(text: string, needle: string, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let n = 0; n <= nth; n++) {
    at = text.indexOf(needle, at + 1);
    assert.notEqual(at, -1, `fixture has no ${needle}`);
  }
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

function diagnostics(text: string): Diagnostic[] {
  const result = reader.check(text, 'nexo-plugin.toml');
  assert.equal(result.manifest, undefined, 'no manifest when there are diagnostics');
  return result.diagnostics;
}

/** The one diagnostic `text` must produce. */
function only(text: string): Diagnostic {
  const all = diagnostics(text);
  assert.equal(all.length, 1, `expected one diagnostic, got: ${JSON.stringify(all, null, 1)}`);
  return all[0] as Diagnostic;
}

describe('valid manifests', () => {
  test('the full fixture (every optional table, many syntaxes) passes', async () => {
    const text = await readFile(FULL, 'utf8');
    const result = reader.check(text, 'x/nexo-plugin.toml');
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(result.manifest, {
      id: 'marketing',
      version: '1.4.0-beta.3+build.07',
      name: 'Marketing Lead Pipeline',
      description:
        'Lead intake, classification and routing.\n[not.a.table] = "inside a multi-line string"\n',
      minNexoVersion: '>=0.1.0, <2',
      file: 'x/nexo-plugin.toml',
      text,
    });
  });

  test('a minimal manifest passes and the file name is exact', () => {
    assert.equal(reader.fileName, 'nexo-plugin.toml');
    const result = reader.check(BASE, 'm.toml');
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.manifest?.id, 'demo');
    assert.equal(result.manifest?.minNexoVersion, '>=0.1.0');
  });

  test('a UTF-8 BOM and CRLF line endings are accepted', () => {
    const text = '\uFEFF' + BASE.replaceAll('\n', '\r\n');
    assert.deepEqual(reader.check(text, 'm.toml').diagnostics, []);
  });
});

interface Case {
  title: string;
  text: string;
  /** Text the message must contain (the key, the value, the fix). */
  mentions: string[];
  /** Where the diagnostic must point: the nth occurrence of a needle, or an exact position. */
  at: [string, number?] | { line: number; column: number };
}

const replace = (from: string, to: string): string => {
  assert.ok(BASE.includes(from));
  return BASE.replace(from, to);
};

const cases: Case[] = [
  {
    title: 'unknown key in [plugin]',
    text: BASE + 'homepage = "https://x.test"\n',
    mentions: ['plugin.homepage', 'unknown key', 'remove it'],
    at: ['homepage'],
  },
  {
    title: 'misspelt key in a sub-table gets a suggestion',
    text: BASE + '[plugin.tools]\nexposed = ["demo_a"]\n',
    mentions: ['plugin.tools.exposed', "rename it to 'expose'"],
    at: { line: 8, column: 1 },
  },
  {
    title: 'unknown top-level table',
    text: BASE + '[tools]\nexpose = ["demo_a"]\n',
    mentions: ["top-level key 'tools'", 'only the [plugin] table', '[plugin.tools]'],
    at: { line: 7, column: 2 },
  },
  {
    title: 'unknown key inside an inline table',
    text: BASE + 'meta = { author = "A", email = "a@x.test" }\n',
    mentions: ['plugin.meta.email', 'author, license, homepage, repository'],
    at: ['email'],
  },
  {
    title: 'unknown key inside a ui.fields entry (field names are free, hint keys are not)',
    text: BASE + '[plugin.ui.fields."demo.key"]\nlabel = "K"\ncolour = "red"\n',
    mentions: ['plugin.ui.fields."demo.key".colour'],
    at: ['colour'],
  },
  {
    title: 'missing required key points at the table header',
    text: replace('version = "0.1.0"\n', ''),
    mentions: ["'plugin.version'", 'version = "0.1.0"'],
    at: { line: 1, column: 1 },
  },
  {
    title: 'missing [plugin] table',
    text: '# nothing here\n',
    mentions: ["'plugin'", '[plugin]'],
    at: { line: 1, column: 1 },
  },
  {
    title: 'missing key in an array-of-tables entry points at its header',
    text: BASE + '\n[[plugin.channels.register]]\nkind = "demo"\n',
    mentions: ['plugin.channels.register[0].adapter'],
    at: ['[[plugin.channels.register]]'],
  },
  {
    title: 'a string key given a number',
    text: replace('name = "Demo"', 'name = 3'),
    mentions: ['plugin.name', 'a string', 'an integer (3)'],
    at: ['name'],
  },
  {
    title: 'a boolean key given a string',
    text: BASE + 'enabled_by_default = "yes"\n',
    mentions: ['plugin.enabled_by_default', 'true or false'],
    at: ['enabled_by_default'],
  },
  {
    title: 'an integer key given a float',
    text: BASE + '[plugin.supervisor]\nbackoff_ms = 1.5\n',
    mentions: ['plugin.supervisor.backoff_ms', 'a float (1.5)'],
    at: ['backoff_ms'],
  },
  {
    title: 'an array element of the wrong type, located at the element',
    text: BASE + '[plugin.requires]\nbins = ["curl", true]\n',
    mentions: ['plugin.requires.bins[1]', 'a boolean (true)'],
    at: ['true'],
  },
  {
    title: 'a u16 out of range',
    text: BASE + '[plugin.capabilities.http_server]\nport = 70000\ntoken_env = "T"\n',
    mentions: ['plugin.capabilities.http_server.port', '0 to 65535', '70000'],
    at: ['port'],
  },
  {
    title: 'a negative count',
    text: BASE + '[plugin.supervisor]\nmax_attempts = -1\n',
    mentions: ['plugin.supervisor.max_attempts', 'u32'],
    at: ['max_attempts'],
  },
  {
    title: 'an unknown capability',
    text: BASE + '[plugin.capabilities]\nprovides = ["hooks", "telepathy"]\n',
    mentions: ['plugin.capabilities.provides[1]', '"telepathy"', '"mcp_servers"'],
    at: ['"telepathy"'],
  },
  {
    title: 'an unknown gate risk (case matters)',
    text:
      BASE +
      '[[plugin.capability_gates.gate]]\nextension = "demo"\nenv_var = "D"\nkind = "Boolean"\nrisk = "high"\neffect = "e"\n',
    mentions: ['plugin.capability_gates.gate[0].risk', '"High"'],
    at: ['risk'],
  },
  {
    title: 'version with a v prefix',
    text: replace('version = "0.1.0"', 'version = "v0.1.0"'),
    mentions: ['plugin.version', "'v0.1.0'", "no 'v' prefix"],
    at: ['version'],
  },
  {
    title: 'version with a leading zero',
    text: replace('version = "0.1.0"', 'version = "01.0.0"'),
    mentions: ['plugin.version', 'leading zero in major version number'],
    at: ['version'],
  },
  {
    title: 'version with a leading zero in a numeric pre-release identifier',
    text: replace('version = "0.1.0"', 'version = "1.0.0-rc.01"'),
    mentions: ['plugin.version', 'leading zero in pre-release identifier'],
    at: ['version'],
  },
  {
    title: 'version with two numbers',
    text: replace('version = "0.1.0"', 'version = "1.0"'),
    mentions: ['plugin.version', 'end of input while parsing minor version number'],
    at: ['version'],
  },
  {
    title: 'min_nexo_version in npm syntax',
    text: replace('">=0.1.0"', '"^0.1 || ^0.2"'),
    mentions: ['plugin.min_nexo_version', "found '|'", 'comparators separated by commas'],
    at: ['min_nexo_version'],
  },
  {
    title: 'id not matching the pattern',
    text: replace('id = "demo"', 'id = "My-Plugin"'),
    mentions: ["id 'My-Plugin'", '^[a-z][a-z0-9_]{0,31}$', 'lowercase letter first', 'at most 32'],
    at: ['id'],
  },
  {
    title: 'id longer than 32 characters',
    text: replace('id = "demo"', `id = "${'a'.repeat(33)}"`),
    mentions: ['33 characters'],
    at: ['id'],
  },
  {
    title: 'whitespace-only description',
    text: replace('"A demo plugin"', '" \\t "'),
    mentions: ['plugin.description', 'must not be empty'],
    at: ['description'],
  },
  {
    title: 'exposed tool without the id prefix, located at the element',
    text: BASE + '[plugin.tools]\nexpose = ["demo_ok", "search"]\n',
    mentions: ["tool 'search'", "'demo_'", 'demo_search'],
    at: ['"search"'],
  },
  {
    title: 'deferred tool not exposed (dotted key under [plugin])',
    text: BASE + 'tools.expose = ["demo_a"]\ntools.deferred = ["demo_b"]\n',
    mentions: ["'demo_b'", 'plugin.tools.deferred', 'plugin.tools.expose'],
    at: ['"demo_b"'],
  },
  {
    title: 'absolute contributes_dir',
    text: BASE + '[plugin.agents]\ncontributes_dir = "/etc/agents"\n',
    mentions: ['plugin.agents.contributes_dir', "'/etc/agents'", 'relative'],
    at: ['contributes_dir'],
  },
  {
    title: 'contributes_dir leaving the plugin root',
    text: BASE + '[plugin.skills]\ncontributes_dir = "skills/../../x"\n',
    mentions: ['plugin.skills.contributes_dir', "'..'"],
    at: ['contributes_dir'],
  },
  {
    title: 'schema_path with a backslash traversal',
    text: BASE + "[plugin.config]\nschema_path = 'conf\\..\\..\\secret.json'\n",
    mentions: ['plugin.config.schema_path', "'..'"],
    at: ['schema_path'],
  },
  {
    title: 'channel kind not matching the id pattern',
    text: BASE + '[[plugin.channels.register]]\nkind = "Mail-In"\nadapter = "A"\n',
    mentions: ["channel kind 'Mail-In'", '^[a-z][a-z0-9_]{0,31}$'],
    at: ['kind'],
  },
  {
    title: 'entrypoint.env key with the reserved NEXO_ prefix (inline table)',
    text:
      BASE +
      '[plugin.entrypoint]\ncommand = "./bin/demo"\nenv = { LOG = "1", NEXO_STATE_ROOT = "/x" }\n',
    mentions: ["'NEXO_STATE_ROOT'", 'reserved'],
    at: ['NEXO_STATE_ROOT'],
  },
  {
    title: 'stderr_tail_lines above 512',
    text: BASE + '[plugin.supervisor]\nstderr_tail_lines = 513\n',
    mentions: ['plugin.supervisor.stderr_tail_lines', '513', '512'],
    at: ['stderr_tail_lines'],
  },
  {
    title: 'declared capability with an empty section',
    text: BASE + '[plugin.capabilities]\nprovides = ["channels"]\n',
    mentions: ["capability 'channels'", '[[plugin.channels.register]]'],
    at: ['"channels"'],
  },
  {
    title: 'two capability gates with the same env_var',
    text:
      BASE +
      '[plugin.capability_gates]\ngate = [\n  { extension = "demo", env_var = "DEMO_X", kind = "Boolean", risk = "Low", effect = "a" },\n  { extension = "demo", env_var = "DEMO_X", kind = "Boolean", risk = "Low", effect = "b" },\n]\n',
    mentions: ["env_var 'DEMO_X'", 'more than one gate'],
    at: ['env_var', 1],
  },
];

describe('each rule, violated once', () => {
  for (const c of cases) {
    test(c.title, () => {
      const d = only(c.text);
      for (const m of c.mentions) assert.ok(d.message.includes(m), `"${d.message}" lacks "${m}"`);
      const want = Array.isArray(c.at) ? pos(c.text, c.at[0], c.at[1]) : c.at;
      assert.deepEqual(d.location, { file: 'nexo-plugin.toml', ...want });
    });
  }

  test('stderr_tail_lines of exactly 512 is accepted', () => {
    const text = BASE + '[plugin.supervisor]\nstderr_tail_lines = 512\n';
    assert.deepEqual(reader.check(text, 'f').diagnostics, []);
  });

  test('NEXO_ is only reserved as a prefix of env keys, not elsewhere', () => {
    const text =
      BASE + '[plugin.requires]\nenv = ["NEXO_HOME"]\n[plugin.entrypoint.env]\nMY_NEXO_X = "1"\n';
    assert.deepEqual(reader.check(text, 'f').diagnostics, []);
  });
});

describe('several violations in one call', () => {
  test('all are reported, in reading order, with their own locations', () => {
    const text = `[plugin]
id = "Bad Id"
version = "1.0"
name = ""
description = "d"
min_nexo_version = "~> 1.0"
colour = "blue"

[plugin.tools]
expose = ["bad_id_x", "other"]
deferred = ["ghost"]

[plugin.entrypoint.env]
NEXO_TOKEN = "t"

[plugin.supervisor]
stderr_tail_lines = 9000
`;
    const all = diagnostics(text);
    const where = all.map((d) => `${d.location?.line}:${d.location?.column}`);
    assert.deepEqual(where, [
      '2:1',
      '3:1',
      '4:1',
      '6:1',
      '7:1',
      '10:11',
      '10:23',
      '11:13',
      '14:1',
      '17:1',
    ]);
    assert.match(all[0]?.message ?? '', /Bad Id/);
    assert.match(all[3]?.message ?? '', /min_nexo_version/);
    assert.match(all[9]?.message ?? '', /9000/);
  });
});

describe('TOML syntax errors', () => {
  test('become one MANIFEST_PARSE-style diagnostic with line and column', () => {
    const text = BASE + 'tools = [\n  "a",\n  "b" "c",\n]\n';
    const all = diagnostics(text);
    assert.equal(all.length, 1);
    assert.match(all[0]?.message ?? '', /not valid TOML/);
    assert.equal(all[0]?.location?.line, 9);
    assert.ok((all[0]?.location?.column ?? 0) >= 6, JSON.stringify(all[0]?.location));
  });

  test('TOML 1.1 constructs that smol-toml accepts are reported, as the installer rejects them', async () => {
    const text =
      BASE +
      'meta = { author = "Ana", homepage = "h\\x41", }\n' +
      'entrypoint = { command = "./bin/demo",\n  args = [] }\n';
    const all = diagnostics(text);
    assert.deepEqual(
      all.map((d) => [d.location?.line, d.location?.column]),
      [
        [7, 39],
        [7, 44],
        [8, 39],
      ],
    );
    assert.match(all[0]?.message ?? '', /\\x escape.*TOML 1\.1/);
    assert.match(all[1]?.message ?? '', /trailing comma.*remove the comma/);
    assert.match(all[2]?.message ?? '', /line break.*one line/);
    const dir = await mkdtemp(join(tmpdir(), 'manifest-toml11-'));
    try {
      await writeFile(join(dir, 'nexo-plugin.toml'), text);
      await assert.rejects(reader.read(join(dir, 'nexo-plugin.toml')), (e) => {
        assert.ok(isReleaseError(e, 'MANIFEST_PARSE'));
        assert.equal(e.diagnostics.length, 3);
        return true;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a duplicate key is a syntax error', () => {
    const all = diagnostics(BASE + 'id = "again"\n');
    assert.equal(all.length, 1);
    assert.equal(all[0]?.location?.line, 7);
  });
});

describe('read()', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'manifest-test-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('returns the manifest with the raw text', async () => {
    const m = await reader.read(FULL);
    assert.equal(m.id, 'marketing');
    assert.equal(m.file, FULL);
    assert.equal(m.text, await readFile(FULL, 'utf8'));
  });

  test('a missing file is MANIFEST_NOT_FOUND', async () => {
    const path = join(dir, 'nexo-plugin.toml');
    await assert.rejects(reader.read(path), (e) => {
      assert.ok(isReleaseError(e, 'MANIFEST_NOT_FOUND'));
      assert.match(e.message, /manifest not found/);
      assert.equal(e.location?.file, path);
      return true;
    });
  });

  test('a wrongly cased file is named in the not-found message', async () => {
    const sub = join(dir, 'cased');
    await mkdir(sub);
    await writeFile(join(sub, 'Nexo-Plugin.toml'), BASE);
    await assert.rejects(reader.read(join(sub, 'nexo-plugin.toml')), (e) => {
      assert.ok(isReleaseError(e, 'MANIFEST_NOT_FOUND'));
      assert.match(e.message, /found 'Nexo-Plugin.toml'/);
      return true;
    });
  });

  test('a directory is MANIFEST_NOT_FOUND', async () => {
    await assert.rejects(reader.read(dir), (e) => isReleaseError(e, 'MANIFEST_NOT_FOUND'));
  });

  test('an invalid manifest throws MANIFEST_INVALID with every diagnostic', async () => {
    const path = join(dir, 'invalid.toml');
    const text =
      replace('id = "demo"', 'id = "X"') +
      'extra = 1\n[plugin.supervisor]\nstderr_tail_lines = 600\n';
    await writeFile(path, text);
    await assert.rejects(reader.read(path), (e) => {
      assert.ok(isReleaseError(e, 'MANIFEST_INVALID'));
      assert.equal(e.diagnostics.length, 3);
      assert.deepEqual(e.location, { file: path, line: 2, column: 1 });
      assert.deepEqual(e.diagnostics[0]?.location, e.location);
      assert.deepEqual(
        e.diagnostics.map((d) => d.location?.line),
        [2, 7, 9],
      );
      assert.match(e.message, /3 problems/);
      assert.ok(e.message.includes(`${path}:9:1:`), e.message);
      return true;
    });
  });

  test('a TOML syntax error throws MANIFEST_PARSE with its location', async () => {
    const path = join(dir, 'syntax.toml');
    await writeFile(path, '[plugin\nid = "x"\n');
    await assert.rejects(reader.read(path), (e) => {
      assert.ok(isReleaseError(e, 'MANIFEST_PARSE'));
      assert.equal(e.diagnostics.length, 1);
      assert.equal(e.location?.file, path);
      assert.equal(e.location?.line, 1);
      return true;
    });
  });

  test('bytes that are not UTF-8 throw MANIFEST_PARSE at the bad byte', async () => {
    const path = join(dir, 'latin1.toml');
    const bytes = Buffer.concat([
      Buffer.from(BASE + 'meta.author = "Jos'),
      Buffer.from([0xe9]),
      Buffer.from('"\n'),
    ]);
    await writeFile(path, bytes);
    await assert.rejects(reader.read(path), (e) => {
      assert.ok(isReleaseError(e, 'MANIFEST_PARSE'));
      assert.match(e.message, /UTF-8/);
      assert.deepEqual(e.location, { file: path, line: 7, column: 19 });
      return true;
    });
  });
});

describe('Rust semver syntax', () => {
  const validReqs = [
    '>=0.1.0',
    '^0.2',
    '0.3.1',
    '=1.2.3',
    '~1.2',
    '>= 1.0.0',
    '  >1.0.0-alpha, <1.0',
    '>=0.5.1-alpha3, <0.6',
    '*',
    'x',
    '1.*',
    '1.2.X',
    '0.*.*',
    '=0.1.0+meta',
    '<= 2.1.0-01a',
    '>=0.1.0 ',
  ];
  const invalidReqs: [string, RegExp][] = [
    ['', /unexpected end of input while parsing major/],
    ['>=', /unexpected end of input while parsing major/],
    ['v1.0.0', /unexpected character 'v' while parsing major/],
    ['^0.1 || ^0.2', /expected comma after minor version number, found '\|'/],
    ['1.0.0 - 2.0.0', /expected comma after patch version number, found '-'/],
    ['>=1.0.0 <2.0.0', /expected comma after patch version number, found '<'/],
    ['> 0.1.0,', /unexpected end of input while parsing major/],
    ['>= >= 0.0.2', /unexpected character '>' while parsing major/],
    ['01.0.0', /invalid leading zero in major/],
    ['1.2.3-01', /invalid leading zero in pre-release/],
    ['1.2.3+4.', /empty identifier segment in build metadata/],
    ['1.0.0-', /empty identifier segment in pre-release/],
    ['*, 1.0', /wildcard req \(\*\) must be the only comparator/],
    ['1.0, *', /wildcard req \(\*\) must be the only comparator/],
    ['*.1', /unexpected character after wildcard/],
    ['1.*.1', /unexpected character after wildcard/],
    ['1.2-pre', /expected comma after minor version number, found '-'/],
    ['18446744073709551616', /exceeds u64::MAX/],
    ['\t>=1.0.0', /unexpected character '\\t' while parsing major/],
    [Array.from({ length: 33 }, (_, i) => `>${i}`).join(', '), /excessive number/],
  ];

  for (const req of validReqs) {
    test(`VersionReq accepts ${JSON.stringify(req)}`, () =>
      assert.equal(rustVersionReqError(req), undefined));
  }
  test('VersionReq accepts 32 comparators', () => {
    assert.equal(
      rustVersionReqError(Array.from({ length: 32 }, (_, i) => `>${i}`).join(', ')),
      undefined,
    );
  });
  for (const [req, why] of invalidReqs) {
    test(`VersionReq rejects ${JSON.stringify(req.slice(0, 30))}`, () =>
      assert.match(rustVersionReqError(req) ?? 'accepted', why));
  }

  const validVersions = [
    '0.0.0',
    '1.2.3',
    '1.0.0-beta.3',
    '1.0.0-0',
    '1.0.0-x-y.01a',
    '1.0.0+build.007',
    '1.0.0-rc.1+b',
  ];
  const invalidVersions = [
    '',
    'v1.2.3',
    '1.2',
    '1.2.3.4',
    '01.2.3',
    '1.02.3',
    '1.2.3-01',
    '1.2.3-',
    '1.2.3+',
    '1.2.3-a..b',
    ' 1.2.3',
    '1.2.3 ',
    '=1.2.3',
    '1.2.3-ü',
  ];
  for (const v of validVersions) {
    test(`Version accepts ${JSON.stringify(v)}`, () =>
      assert.equal(rustVersionError(v), undefined));
  }
  for (const v of invalidVersions) {
    test(`Version rejects ${JSON.stringify(v)}`, () =>
      assert.notEqual(rustVersionError(v), undefined));
  }
});

describe('position locator', () => {
  const text = `# header comment
[plugin]
id = "p" # trailing
"quoted.key" = { inner = [1, { deep = "x" }] }
s = '''
[fake]
k = 1'''
a.b . c = 2

[[plugin.list]]
name = "one"
[plugin.list.sub]
v = 1
[[plugin.list]]
name = "two"
arr = [
  "x",  # c
  [ "y", "z" ],
]
`;
  const loc = createLocator(text);
  test('keys, dotted keys, quoted keys, inline tables and nested arrays', () => {
    assert.deepEqual(loc.at(['plugin', 'id']), { line: 3, column: 1 });
    assert.deepEqual(loc.at(['plugin', 'quoted.key', 'inner']), { line: 4, column: 18 });
    assert.deepEqual(loc.at(['plugin', 'quoted.key', 'inner', 1, 'deep']), { line: 4, column: 32 });
    assert.deepEqual(loc.at(['plugin', 'a', 'b', 'c']), { line: 8, column: 7 });
    assert.deepEqual(loc.at(['plugin', 'fake']), { line: 2, column: 2 }, 'strings are not headers');
  });
  test('arrays of tables are indexed, sub-tables belong to the last element', () => {
    assert.deepEqual(loc.at(['plugin', 'list', 0, 'name']), { line: 11, column: 1 });
    assert.deepEqual(loc.at(['plugin', 'list', 0, 'sub', 'v']), { line: 13, column: 1 });
    assert.deepEqual(loc.at(['plugin', 'list', 1, 'name']), { line: 15, column: 1 });
    assert.deepEqual(loc.at(['plugin', 'list', 1, 'arr', 1, 1]), { line: 18, column: 10 });
    assert.deepEqual(loc.table(['plugin', 'list', 1]), { line: 14, column: 1 });
  });
  test('absent paths fall back to the nearest ancestor, then to 1:1', () => {
    assert.deepEqual(loc.at(['plugin', 'list', 1, 'missing']), { line: 14, column: 10 });
    assert.deepEqual(loc.at(['nothing']), { line: 1, column: 1 });
  });
  test('formatPath quotes keys that are not bare', () => {
    assert.equal(
      formatPath(['plugin', 'ui', 'fields', 'a.b', 'label']),
      'plugin.ui.fields."a.b".label',
    );
    assert.equal(formatPath(['plugin', 'tools', 'expose', 2]), 'plugin.tools.expose[2]');
  });
});
