/**
 * The emulator's repository, git data, contents and pull-request routes over real HTTP with plain
 * fetch: identities and push permissions per token, asynchronous forks, refs, the contents API
 * (blob shas checked with git itself), pull-request rules, and conformance to GitHub's OpenAPI
 * schemas for every new response and request body.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, afterEach, before, describe, test } from 'node:test';
import { EmuClient, type Json } from './support/github-emulator/client.ts';
import {
  assertMatchesSchema,
  startGitHubEmulator,
  type GitHubEmulator,
} from './support/github-emulator/index.ts';

let emu: GitHubEmulator;
let alice: EmuClient; // a user's token: pushes to alice/*
let bot: EmuClient; // an installation token limited to one repo
let legacy: EmuClient; // the unrestricted token the release tests use
let anon: EmuClient;
let count = 0;

before(async () => {
  emu = await startGitHubEmulator();
  emu.addToken('alice', 'write', { login: 'alice' });
  emu.addToken('bot', 'write', { repos: ['alice/tool'] });
  emu.addToken('legacy', 'write');
  alice = new EmuClient(emu, 'alice');
  bot = new EmuClient(emu, 'bot');
  legacy = new EmuClient(emu, 'legacy');
  anon = new EmuClient(emu);
});
after(() => emu.close());
afterEach(() => {
  emu.faults.clear();
  emu.setForkLag(0);
});

function newRepo(files: Record<string, string> = { 'README.md': 'hello\n' }): string {
  const name = `org/repo-${++count}`;
  emu.addRepo(name, { defaultBranch: 'trunk' });
  emu.seedRepoFiles(name, 'trunk', files);
  return name;
}

const gitBlobSha = (content: string) =>
  execFileSync('git', ['hash-object', '--stdin'], { input: content }).toString().trim();

describe('identity and repositories', () => {
  test('GET /user: the login for a user token, 403 for an installation token, 401 anonymous', async () => {
    const me = await alice.call('GET', '/user');
    assert.equal(me.status, 200);
    assert.equal(me.json.login, 'alice');
    assertMatchesSchema('get-authenticated-user-response', me.json);
    assert.equal((await bot.call('GET', '/user')).status, 403);
    assert.equal((await anon.call('GET', '/user')).status, 401);
    assert.equal((await new EmuClient(emu, 'nope').call('GET', '/user')).status, 401);
  });

  test('permissions.push follows the token: own repos, listed repos, or unrestricted', async () => {
    const repo = newRepo();
    emu.addRepo('alice/tool');
    const push = async (c: EmuClient, r: string) =>
      ((await c.call('GET', `/repos/${r}`)).json.permissions as { push: boolean }).push;
    assert.deepEqual(
      [await push(alice, repo), await push(alice, 'alice/tool'), await push(bot, repo)],
      [false, true, false],
    );
    assert.deepEqual([await push(bot, 'alice/tool'), await push(legacy, repo)], [true, true]);
    const got = await alice.call('GET', `/repos/${repo}`);
    assertMatchesSchema('full-repository', got.json);
    assert.deepEqual([got.json.default_branch, got.json.fork], ['trunk', false]);
  });

  test('a fork: 202, <login>/<name>, same default branch and content, parent; found again later', async () => {
    const repo = newRepo({ 'a/b.txt': 'b\n' });
    const res = await alice.call('POST', `/repos/${repo}/forks`, {});
    assert.equal(res.status, 202);
    assertMatchesSchema('full-repository', res.json);
    const fork = `alice/${repo.split('/')[1]}`;
    assert.equal(res.json.full_name, fork);
    const got = await alice.call('GET', `/repos/${fork}`);
    assert.deepEqual([got.json.fork, got.json.default_branch], [true, 'trunk']);
    assert.equal((got.json.parent as Json).full_name, repo);
    assert.equal((got.json.source as Json).full_name, repo);
    assert.equal(emu.repoFile(fork, 'trunk', 'a/b.txt'), 'b\n');
    const again = await alice.call('POST', `/repos/${repo}/forks`);
    assert.deepEqual([again.status, again.json.full_name], [202, fork]);
    assert.equal((await bot.call('POST', `/repos/${repo}/forks`)).status, 403);
  });

  test('a fork whose name is taken gets a suffix; a lagging fork answers 404 first', async () => {
    const repo = newRepo();
    emu.addRepo(`alice/${repo.split('/')[1]}`);
    emu.setForkLag(2);
    const res = await alice.call('POST', `/repos/${repo}/forks`);
    const name = `alice/${repo.split('/')[1]}-1`;
    assert.equal(res.json.full_name, name);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await alice.call('GET', `/repos/${name}`)).status);
    assert.deepEqual(statuses, [404, 404, 200]);
  });
});

describe('refs, commits, trees', () => {
  test('get, create (422 when it exists), fast-forward only unless forced', async () => {
    const repo = newRepo();
    const main = await legacy.call('GET', `/repos/${repo}/git/ref/heads/trunk`);
    assert.equal(main.status, 200);
    assertMatchesSchema('git-ref', main.json);
    const base = (main.json.object as { sha: string }).sha;
    const made = await legacy.call('POST', `/repos/${repo}/git/refs`, {
      ref: 'refs/heads/feature/x',
      sha: base,
    });
    assert.equal(made.status, 201);
    assertMatchesSchema('create-ref-request', { ref: 'refs/heads/feature/x', sha: base });
    const dup = await legacy.call('POST', `/repos/${repo}/git/refs`, {
      ref: 'refs/heads/feature/x',
      sha: base,
    });
    assert.equal(dup.status, 422);
    const encoded = await legacy.call('GET', `/repos/${repo}/git/ref/heads%2Ffeature%2Fx`);
    assert.equal(encoded.status, 200);

    const side = emu.seedRepoFiles(repo, 'side', { 'side.txt': 's\n' });
    emu.seedRepoFiles(repo, 'trunk', { 'more.txt': 'm\n' });
    const head = emu.branches(repo)!.trunk!;
    const ff = await legacy.call('PATCH', `/repos/${repo}/git/refs/heads/feature/x`, { sha: head });
    assert.equal(ff.status, 200);
    const back = await legacy.call('PATCH', `/repos/${repo}/git/refs/heads/feature/x`, {
      sha: side,
    });
    assert.equal(back.status, 422);
    const forced = await legacy.call('PATCH', `/repos/${repo}/git/refs/heads%2Ffeature%2Fx`, {
      sha: side,
      force: true,
    });
    assert.equal(forced.status, 200);
    assert.equal(emu.branches(repo)!['feature/x'], side);
    assert.equal((await alice.call('GET', `/repos/${repo}/git/ref/heads/none`)).status, 404);
    assert.equal(
      (await alice.call('POST', `/repos/${repo}/git/refs`, { ref: 'refs/heads/y', sha: head }))
        .status,
      403,
    );
  });

  test('a tree on a base tree and a commit on a parent; unknown objects are refused', async () => {
    const repo = newRepo({ 'README.md': 'r\n', 'dir/a.txt': 'a\n' });
    const head = emu.branches(repo)!.trunk!;
    const c = await legacy.call('GET', `/repos/${repo}/git/commits/${head}`);
    assertMatchesSchema('git-commit', c.json);
    const treeBody = {
      base_tree: (c.json.tree as { sha: string }).sha,
      tree: [{ path: 'dir/b.txt', mode: '100644', type: 'blob', content: 'b\n' }],
    };
    assertMatchesSchema('create-tree-request', treeBody);
    const tree = await legacy.call('POST', `/repos/${repo}/git/trees`, treeBody);
    assert.equal(tree.status, 201);
    assertMatchesSchema('git-tree', tree.json);
    assert.deepEqual(
      (tree.json.tree as { path: string; type: string }[]).map((e) => [e.path, e.type]),
      [
        ['README.md', 'blob'],
        ['dir', 'tree'],
      ],
    );
    const commitBody = { message: 'add b', tree: tree.json.sha as string, parents: [head] };
    assertMatchesSchema('create-commit-request', commitBody);
    const made = await legacy.call('POST', `/repos/${repo}/git/commits`, commitBody);
    assert.equal(made.status, 201);
    assertMatchesSchema('git-commit', made.json);
    const sha = made.json.sha as string;
    assert.deepEqual(emu.commit(repo, sha).parents, [head]);
    assert.equal(emu.repoFile(repo, sha, 'dir/b.txt'), 'b\n');
    assert.equal(emu.repoFile(repo, sha, 'dir/a.txt'), 'a\n');
    const same = await legacy.call('POST', `/repos/${repo}/git/trees`, treeBody);
    assert.equal(same.json.sha, tree.json.sha, 'trees are content-addressed');
    const bad = await legacy.call('POST', `/repos/${repo}/git/commits`, {
      ...commitBody,
      parents: ['0'.repeat(40)],
    });
    assert.equal(bad.status, 422);
    // Another network's commit is not visible here.
    const other = newRepo();
    const foreign = emu.branches(other)!.trunk!;
    assert.equal((await legacy.call('GET', `/repos/${repo}/git/commits/${foreign}`)).status, 404);
  });

  test("a fork can point a branch at its parent's commits (one object network)", async () => {
    const repo = newRepo();
    await alice.call('POST', `/repos/${repo}/forks`);
    const fork = `alice/${repo.split('/')[1]}`;
    const upstream = emu.seedRepoFiles(repo, 'trunk', { 'new.txt': 'n\n' });
    const res = await alice.call('POST', `/repos/${fork}/git/refs`, {
      ref: 'refs/heads/sync',
      sha: upstream,
    });
    assert.equal(res.status, 201);
    assert.equal(emu.repoFile(fork, 'sync', 'new.txt'), 'n\n');
  });
});

describe('contents', () => {
  test('a file: base64 content and git blob sha; a folder: a listing; 404s', async () => {
    const text = '{\n  "a": 1\n}\n'.repeat(20);
    const repo = newRepo({ 'plugins/x.json': text, 'plugins/sub/y.json': '{}\n', 'top.md': 't\n' });
    const file = await anon.call('GET', `/repos/${repo}/contents/plugins/x.json`);
    assert.equal(file.status, 200);
    assertMatchesSchema('content-file', file.json);
    assert.equal(file.json.encoding, 'base64');
    assert.equal(Buffer.from(file.json.content as string, 'base64').toString(), text);
    assert.equal(file.json.sha, gitBlobSha(text));
    const dir = await anon.call<Json[]>('GET', `/repos/${repo}/contents/plugins?ref=trunk`);
    assertMatchesSchema('content-directory', dir.json);
    assert.deepEqual(
      dir.json.map((e) => [e.name, e.type]),
      [
        ['sub', 'dir'],
        ['x.json', 'file'],
      ],
    );
    const root = await anon.call<Json[]>('GET', `/repos/${repo}/contents`);
    assert.deepEqual(
      root.json.map((e) => e.name),
      ['plugins', 'top.md'],
    );
    assert.equal((await anon.call('GET', `/repos/${repo}/contents/nope.json`)).status, 404);
    assert.equal((await anon.call('GET', `/repos/${repo}/contents/top.md?ref=nope`)).status, 404);
  });

  test('PUT: 201 creates, 200 updates with the current sha, 422 without it, 409 with a stale one', async () => {
    const repo = newRepo();
    const put = (body: object) =>
      legacy.call('PUT', `/repos/${repo}/contents/plugins/new.json`, body);
    const body = { message: 'add', content: Buffer.from('v1\n').toString('base64') };
    assertMatchesSchema('create-or-update-file-contents-request', body);
    const created = await put(body);
    assert.equal(created.status, 201);
    assertMatchesSchema('file-commit', created.json);
    const sha1 = (created.json.content as { sha: string }).sha;
    assert.equal(sha1, gitBlobSha('v1\n'));
    assert.equal(emu.repoFile(repo, 'trunk', 'plugins/new.json'), 'v1\n');
    const v2 = { message: 'v2', content: Buffer.from('v2\n').toString('base64') };
    assert.equal((await put(v2)).status, 422);
    assert.equal((await put({ ...v2, sha: gitBlobSha('other') })).status, 409);
    const updated = await put({ ...v2, sha: sha1 });
    assert.equal(updated.status, 200);
    const commit = (updated.json.commit as { sha: string }).sha;
    assert.equal(emu.branches(repo)!.trunk, commit);
    assert.equal(emu.commit(repo, commit).message, 'v2');
    assert.equal((await put({ ...v2, branch: 'missing' })).status, 404);
    assert.equal((await alice.call('PUT', `/repos/${repo}/contents/z.txt`, v2)).status, 403);
  });
});

describe('pull requests', () => {
  async function forkWithBranch(repo: string, branch: string) {
    await alice.call('POST', `/repos/${repo}/forks`);
    const fork = `alice/${repo.split('/')[1]}`;
    emu.seedRepoFiles(fork, branch, { 'plugins/mine.json': '{}\n' });
    return fork;
  }

  test('create from a fork, one per head (422), listed by head, updated by the author', async () => {
    const repo = newRepo();
    await forkWithBranch(repo, 'add-mine');
    const body = { title: 'Add mine', head: 'alice:add-mine', base: 'trunk', body: 'hi' };
    assertMatchesSchema('create-pull-request-request', body);
    const made = await alice.call('POST', `/repos/${repo}/pulls`, body);
    assert.equal(made.status, 201);
    assertMatchesSchema('pull-request', made.json);
    assert.deepEqual(
      [made.json.commits, made.json.changed_files, made.json.additions, made.json.state],
      [1, 1, 1, 'open'],
    );
    const dup = await alice.call('POST', `/repos/${repo}/pulls`, body);
    assert.equal(dup.status, 422);
    assert.match(
      JSON.stringify(dup.json.errors),
      /A pull request already exists for alice:add-mine/,
    );

    const list = await anon.call<Json[]>(
      'GET',
      `/repos/${repo}/pulls?state=open&head=alice%3Aadd-mine`,
    );
    assert.equal(list.json.length, 1);
    for (const p of list.json) assertMatchesSchema('pull-request-simple', p);
    const none = await anon.call<Json[]>('GET', `/repos/${repo}/pulls?head=alice:other`);
    assert.equal(none.json.length, 0);
    const byOwner = await anon.call<Json[]>('GET', `/repos/${repo}/pulls?head=alice`);
    assert.equal(byOwner.json.length, 1);
    const closed = await anon.call<Json[]>('GET', `/repos/${repo}/pulls?state=closed`);
    assert.equal(closed.json.length, 0);

    const patch = { title: 'Add mine v2', body: 'new' };
    assertMatchesSchema('update-pull-request-request', patch);
    const num = made.json.number as number;
    const up = await alice.call('PATCH', `/repos/${repo}/pulls/${num}`, patch);
    assert.equal(up.status, 200);
    assertMatchesSchema('pull-request', up.json);
    assert.deepEqual([up.json.title, up.json.body], ['Add mine v2', 'new']);
    assert.equal(emu.pulls(repo).length, 1);
  });

  test('refused: no commits between, unknown head, and an installation token elsewhere', async () => {
    const repo = newRepo();
    emu.seedRepoFiles(repo, 'same', {});
    const base = emu.branches(repo)!.trunk!;
    await legacy.call('PATCH', `/repos/${repo}/git/refs/heads/same`, { sha: base, force: true });
    const none = await legacy.call('POST', `/repos/${repo}/pulls`, {
      title: 't',
      head: 'same',
      base: 'trunk',
    });
    assert.equal(none.status, 422);
    assert.match(JSON.stringify(none.json.errors), /No commits between/);
    const unknown = await alice.call('POST', `/repos/${repo}/pulls`, {
      title: 't',
      head: 'alice:nothing',
      base: 'trunk',
    });
    assert.equal(unknown.status, 422);
    await forkWithBranch(repo, 'b');
    const denied = await bot.call('POST', `/repos/${repo}/pulls`, {
      title: 't',
      head: 'alice:b',
      base: 'trunk',
    });
    assert.equal(denied.status, 403);
  });

  test("a head reset to its base's commit closes the pull request as merged, as GitHub does", async () => {
    const repo = newRepo();
    const fork = await forkWithBranch(repo, 'reset-me');
    const made = await alice.call('POST', `/repos/${repo}/pulls`, {
      title: 't',
      head: 'alice:reset-me',
      base: 'trunk',
    });
    assert.equal(made.status, 201);
    const base = emu.branches(repo)!.trunk!;
    await alice.call('PATCH', `/repos/${fork}/git/refs/heads/reset-me`, { sha: base, force: true });
    const [pr] = emu.pulls(repo);
    assert.deepEqual([pr!.state, pr!.merged], ['closed', true]);
    const open = await anon.call<Json[]>('GET', `/repos/${repo}/pulls?head=alice:reset-me`);
    assert.equal(open.json.length, 0);
  });
});
