/**
 * The registry pull-request engine against the stateful GitHub emulator: fork or in-repo branch,
 * one commit on the base, reruns (unchanged, updated, base moved, leftovers), identical content
 * on the base, folder candidates, token failures, asynchronous forks, races and retries.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { ReleaseError } from '../src/errors.ts';
import {
  openRegistryPullRequest,
  readRepoFile,
  type RegistryPullRequest,
} from '../src/github/pull-request.ts';
import { startGitHubEmulator, type GitHubEmulator } from './support/github-emulator/index.ts';

let emu: GitHubEmulator;
let count = 0;
const PAT = 'alice-pat-0123456789';
const MAINTAINER = 'bob-pat-0123456789';
const WORKFLOW = 'ghs_workflow_token_0123456789';
const READ_ONLY = 'carol-read-0123456789';
const ENTRY = '{\n  "plugin_id": "acme.echo"\n}\n';
const WRITES = new Set(['create-fork', 'create-ref', 'update-ref', 'create-commit']);
const PR_WRITES = new Set(['create-pull', 'update-pull']);

before(async () => {
  process.env.PLUGIN_RELEASE_RETRY_BASE_MS = '2';
  emu = await startGitHubEmulator();
  emu.addToken(PAT, 'write', { login: 'alice' });
  emu.addToken(MAINTAINER, 'write', { login: 'bob', repos: ['osaurus-ai/registry-maint'] });
  emu.addToken(WORKFLOW, 'write', { repos: ['alice/echo-plugin'] });
  emu.addToken(READ_ONLY, 'read', { login: 'carol' });
});
after(() => emu.close());
afterEach(() => {
  emu.faults.clear();
  emu.setForkLag(0);
});

/** A fresh registry with a README and one other entry on main. */
function registry(name = `registry-${++count}`): { owner: string; name: string; full: string } {
  const full = `osaurus-ai/${name}`;
  emu.addRepo(full);
  emu.seedRepoFiles(full, 'main', { 'README.md': '# Registry\n', 'plugins/other.json': '{}\n' });
  return { owner: 'osaurus-ai', name, full };
}

function request(
  repo: { owner: string; name: string },
  over: Partial<RegistryPullRequest> = {},
): RegistryPullRequest & { logs: string[] } {
  const logs: string[] = [];
  return {
    apiUrl: emu.apiUrl,
    token: PAT,
    repo: { owner: repo.owner, name: repo.name },
    dirCandidates: ['plugins'],
    fileName: 'acme.echo.json',
    content: ENTRY,
    branch: 'plugin/acme.echo-1.0.0',
    title: 'Add acme.echo v1.0.0',
    commitMessage: 'Add acme.echo v1.0.0',
    body: 'Adds acme.echo 1.0.0.',
    log: (m) => logs.push(m),
    logs,
    ...over,
  };
}

/** The branch is exactly one commit on the base's head that changes only `path`. */
function assertOneCommitOnBase(headRepo: string, baseRepo: string, branch: string, path: string) {
  const head = emu.branches(headRepo)?.[branch];
  const base = emu.branches(baseRepo)?.main;
  assert.ok(head && base, `${headRepo}@${branch} and ${baseRepo}@main exist`);
  assert.deepEqual(emu.commit(headRepo, head).parents, [base]);
  const before = new Set(emu.repoPaths(baseRepo, base));
  const after = emu.repoPaths(headRepo, head);
  assert.deepEqual(
    after.filter(
      (p) => !before.has(p) || emu.repoFile(headRepo, head, p) !== emu.repoFile(baseRepo, base, p),
    ),
    [path],
  );
}

function routesSince(mark: number) {
  return emu.requests.slice(mark).map((r) => r.route);
}

describe('first pull request', () => {
  test('without push access: forks to the token user, branch there, PR from fork:branch', async () => {
    const r = registry();
    const req = request(r);
    const res = await openRegistryPullRequest(req);
    assert.equal(res.action, 'opened');
    assert.equal(res.path, 'plugins/acme.echo.json');
    const fork = `alice/${r.name}`;
    assert.equal(emu.parentOf(fork), r.full);
    assert.equal(emu.repoFile(fork, req.branch, res.path), ENTRY);
    assertOneCommitOnBase(fork, r.full, req.branch, res.path);
    assert.equal(emu.commit(fork, emu.branches(fork)![req.branch]!).message, req.commitMessage);
    const pulls = emu.pulls(r.full);
    assert.equal(pulls.length, 1);
    const [pr] = pulls;
    assert.equal(res.number, pr!.number);
    assert.match(res.url ?? '', new RegExp(`/${r.full}/pull/${pr!.number}$`));
    assert.deepEqual(
      [pr!.state, pr!.title, pr!.body, pr!.user, pr!.head.repo, pr!.head.ref, pr!.base.ref],
      ['open', req.title, req.body, 'alice', fork, req.branch, 'main'],
    );
    assert.equal(pr!.maintainer_can_modify, true);
    // Nothing was written to the registry itself but the pull request.
    assert.equal(emu.branches(r.full)!['plugin/acme.echo-1.0.0'], undefined);
  });

  test('with push access: the branch lives in the registry, no fork', async () => {
    const r = registry('registry-maint');
    const req = request(r, { token: MAINTAINER });
    const mark = emu.requests.length;
    const res = await openRegistryPullRequest(req);
    assert.equal(res.action, 'opened');
    assert.ok(!routesSince(mark).includes('create-fork'));
    assert.equal(emu.branches(`bob/${r.name}`), undefined);
    assertOneCommitOnBase(r.full, r.full, req.branch, res.path);
    const [pr, ...more] = emu.pulls(r.full);
    assert.equal(more.length, 0);
    assert.deepEqual([pr!.head.repo, pr!.user], [r.full, 'bob']);
  });

  test('the identical file already on the base: nothing opened, nothing written', async () => {
    const r = registry();
    emu.seedRepoFiles(r.full, 'main', { 'plugins/acme.echo.json': ENTRY });
    const mark = emu.requests.length;
    const res = await openRegistryPullRequest(request(r));
    assert.deepEqual(res, { action: 'already-on-base', path: 'plugins/acme.echo.json' });
    assert.equal(emu.pulls(r.full).length, 0);
    const routes = routesSince(mark);
    assert.ok(
      routes.every((x) => !WRITES.has(x) && !PR_WRITES.has(x)),
      routes.join(' '),
    );
  });

  test('a different file on the base: an update pull request replacing it', async () => {
    const r = registry();
    emu.seedRepoFiles(r.full, 'main', { 'plugins/acme.echo.json': '{"old":true}\n' });
    const req = request(r);
    const res = await openRegistryPullRequest(req);
    assert.equal(res.action, 'opened');
    assert.equal(emu.repoFile(`alice/${r.name}`, req.branch, res.path), ENTRY);
    assertOneCommitOnBase(`alice/${r.name}`, r.full, req.branch, res.path);
  });
});

describe('folder candidates', () => {
  const candidates = ['packages/registry/entries/third-party', 'entries/third-party'];

  test('the monorepo folder is picked when it exists on the base', async () => {
    const r = registry();
    emu.seedRepoFiles(r.full, 'main', {
      'packages/registry/entries/third-party/other.json': '{}\n',
      'entries/third-party/decoy.json': '{}\n',
    });
    const res = await openRegistryPullRequest(
      request(r, { dirCandidates: candidates, fileName: 's__plugin-x.json' }),
    );
    assert.equal(res.path, 'packages/registry/entries/third-party/s__plugin-x.json');
    assertOneCommitOnBase(`alice/${r.name}`, r.full, 'plugin/acme.echo-1.0.0', res.path);
  });

  test('the last candidate when none exists; a file named like a folder does not count', async () => {
    const r = registry();
    emu.seedRepoFiles(r.full, 'main', { 'packages/registry/entries/third-party': 'not a dir\n' });
    const res = await openRegistryPullRequest(
      request(r, { dirCandidates: candidates, fileName: 's__plugin-x.json' }),
    );
    assert.equal(res.path, 'entries/third-party/s__plugin-x.json');
    assert.equal(emu.repoFile(`alice/${r.name}`, 'plugin/acme.echo-1.0.0', res.path), ENTRY);
  });
});

describe('reruns', () => {
  test('same content: unchanged, still one pull request, no writes', async () => {
    const r = registry();
    const req = request(r);
    const first = await openRegistryPullRequest(req);
    const sha = emu.branches(`alice/${r.name}`)![req.branch];
    const mark = emu.requests.length;
    const again = await openRegistryPullRequest(req);
    assert.deepEqual(again, { ...first, action: 'unchanged' });
    assert.equal(emu.branches(`alice/${r.name}`)![req.branch], sha);
    assert.equal(emu.pulls(r.full).length, 1);
    const routes = routesSince(mark).filter((x) => WRITES.has(x) || PR_WRITES.has(x));
    // The fork call only finds the fork made by the first run.
    assert.deepEqual(routes, ['create-fork']);
  });

  test('new content: updated, the same pull request, the branch again one commit on base', async () => {
    const r = registry();
    const first = await openRegistryPullRequest(request(r));
    const next = '{\n  "plugin_id": "acme.echo",\n  "versions": []\n}\n';
    const req = request(r, { content: next, title: 'Add acme.echo v1.0.1', body: 'v1.0.1' });
    const res = await openRegistryPullRequest(req);
    assert.equal(res.action, 'updated');
    assert.equal(res.number, first.number);
    const pulls = emu.pulls(r.full);
    assert.equal(pulls.length, 1);
    assert.deepEqual(
      [pulls[0]!.state, pulls[0]!.title, pulls[0]!.body],
      ['open', req.title, 'v1.0.1'],
    );
    assert.equal(emu.repoFile(`alice/${r.name}`, req.branch, res.path), next);
    assertOneCommitOnBase(`alice/${r.name}`, r.full, req.branch, res.path);
  });

  test('the base moved on: the branch is rebuilt on the new head, the PR stays open', async () => {
    const r = registry('registry-maint-moved');
    emu.addToken('moved-maint', 'write', { login: 'dave', repos: [r.full] });
    const req = request(r, { token: 'moved-maint' });
    const first = await openRegistryPullRequest(req);
    emu.seedRepoFiles(r.full, 'main', { 'plugins/someone-else.json': '{}\n' });
    const res = await openRegistryPullRequest(req);
    assert.equal(res.action, 'updated');
    assert.equal(res.number, first.number);
    assertOneCommitOnBase(r.full, r.full, req.branch, res.path);
    const [pr, ...more] = emu.pulls(r.full);
    assert.equal(more.length, 0);
    assert.deepEqual([pr!.state, pr!.merged], ['open', false]);
  });

  test('a new title or body alone updates the pull request without a new commit', async () => {
    const r = registry();
    const first = await openRegistryPullRequest(request(r));
    const sha = emu.branches(`alice/${r.name}`)!['plugin/acme.echo-1.0.0'];
    const res = await openRegistryPullRequest(request(r, { body: 'Now with more words.' }));
    assert.deepEqual([res.action, res.number], ['updated', first.number]);
    assert.equal(emu.branches(`alice/${r.name}`)!['plugin/acme.echo-1.0.0'], sha);
    assert.equal(emu.pulls(r.full)[0]!.body, 'Now with more words.');
  });

  test('a branch left by a failed run (no PR, extra commits) is replaced and the PR opened', async () => {
    const r = registry();
    const req = request(r);
    await openRegistryPullRequest(req);
    const fork = `alice/${r.name}`;
    // Simulate a leftover: the PR is gone (closed) and the branch carries unrelated commits.
    const [pr] = emu.pulls(r.full);
    await fetch(`${emu.apiUrl}/repos/${r.full}/pulls/${pr!.number}`, {
      method: 'PATCH',
      headers: { authorization: `token ${PAT}` },
      body: JSON.stringify({ state: 'closed' }),
    });
    emu.seedRepoFiles(fork, req.branch, { 'junk.txt': 'junk\n' });
    const res = await openRegistryPullRequest(req);
    assert.equal(res.action, 'opened');
    assert.notEqual(res.number, pr!.number);
    assertOneCommitOnBase(fork, r.full, req.branch, res.path);
    assert.equal(emu.pulls(r.full).filter((p) => p.state === 'open').length, 1);
  });

  test('a PR opened by a concurrent run between list and create is updated, not duplicated', async () => {
    const r = registry();
    await openRegistryPullRequest(request(r));
    // The list answers empty once, as if the other run's PR was not there yet.
    emu.faults.add({ route: 'list-pulls', kind: 'status', status: 200, body: [] });
    const res = await openRegistryPullRequest(request(r, { content: '{"v":2}\n' }));
    assert.equal(res.action, 'updated');
    assert.equal(emu.pulls(r.full).length, 1);
  });
});

describe('failures and the network edge', () => {
  test('an unknown token: AUTH (401), and the token is never printed', async () => {
    const r = registry();
    const req = request(r, { token: 'ghp_not_a_real_token_123456' });
    await assert.rejects(openRegistryPullRequest(req), (e: ReleaseError) => {
      assert.equal(e.code, 'AUTH');
      assert.ok(!e.message.includes(req.token));
      return true;
    });
    assert.ok(req.logs.every((l) => !l.includes(req.token)));
  });

  test('the workflow GITHUB_TOKEN on another repository: AUTH (403), no PR', async () => {
    const r = registry();
    await assert.rejects(
      openRegistryPullRequest(request(r, { token: WORKFLOW })),
      (e: ReleaseError) => {
        assert.equal(e.code, 'AUTH');
        assert.match(e.message, /registry-token/);
        assert.ok(!e.message.includes(WORKFLOW));
        return true;
      },
    );
    assert.equal(emu.pulls(r.full).length, 0);
  });

  test('a read-only user token: AUTH (403 on the fork)', async () => {
    const r = registry();
    await assert.rejects(openRegistryPullRequest(request(r, { token: READ_ONLY })), {
      code: 'AUTH',
    });
    assert.equal(emu.branches(`carol/${r.name}`), undefined);
  });

  test('an empty token: AUTH before any request', async () => {
    const mark = emu.requests.length;
    await assert.rejects(openRegistryPullRequest(request(registry(), { token: '' })), {
      code: 'AUTH',
    });
    assert.equal(emu.requests.length, mark);
  });

  test('a registry that does not exist: PULL_REQUEST', async () => {
    await assert.rejects(
      openRegistryPullRequest(request({ owner: 'osaurus-ai', name: 'no-such-registry' })),
      { code: 'PULL_REQUEST' },
    );
  });

  test('a server error that persists: PULL_REQUEST, after the retries', async () => {
    const r = registry();
    emu.faults.add({ route: 'create-pull', kind: 'status', status: 500, times: 20 });
    await assert.rejects(openRegistryPullRequest(request(r)), { code: 'PULL_REQUEST' });
    assert.ok(emu.requests.filter((q) => q.route === 'create-pull').length > 1);
  });

  test('a passing 502 is retried at the edge', async () => {
    const r = registry();
    emu.faults.add({ route: 'create-commit', kind: 'status', status: 502 });
    const res = await openRegistryPullRequest(request(r));
    assert.equal(res.action, 'opened');
    assertOneCommitOnBase(`alice/${r.name}`, r.full, 'plugin/acme.echo-1.0.0', res.path);
  });
});

describe('asynchronous forks', () => {
  test('a fork that answers 404 on the first polls is waited for', async () => {
    const r = registry();
    emu.setForkLag(3);
    const mark = emu.requests.length;
    const res = await openRegistryPullRequest(request(r));
    assert.equal(res.action, 'opened');
    const forkReads = emu.requests
      .slice(mark)
      .filter((q) => q.route === 'get-repo' && q.path.includes(`/alice/${r.name}`));
    assert.deepEqual(
      forkReads.map((q) => q.status),
      [404, 404, 404, 200],
    );
  });

  test('a fork that never answers: PULL_REQUEST after a bounded wait', async () => {
    const r = registry();
    emu.setForkLag(1000);
    const started = Date.now();
    await assert.rejects(openRegistryPullRequest(request(r)), { code: 'PULL_REQUEST' });
    assert.ok(Date.now() - started < 10_000);
    assert.equal(emu.pulls(r.full).length, 0);
  });
});

describe('readRepoFile', () => {
  test('a file at the default branch or a ref; undefined for a missing path or a folder', async () => {
    const r = registry();
    const sha = emu.seedRepoFiles(r.full, 'next', { 'plugins/other.json': '{"v":2}\n' });
    const repo = { owner: r.owner, name: r.name };
    assert.equal(await readRepoFile(emu.apiUrl, PAT, repo, 'plugins/other.json'), '{}\n');
    assert.equal(
      await readRepoFile(emu.apiUrl, PAT, repo, 'plugins/other.json', 'next'),
      '{"v":2}\n',
    );
    assert.equal(await readRepoFile(emu.apiUrl, '', repo, 'plugins/other.json', sha), '{"v":2}\n');
    assert.equal(await readRepoFile(emu.apiUrl, PAT, repo, 'plugins/missing.json'), undefined);
    assert.equal(await readRepoFile(emu.apiUrl, PAT, repo, 'plugins'), undefined);
    await assert.rejects(readRepoFile(emu.apiUrl, 'bad-token', repo, 'README.md'), {
      code: 'AUTH',
    });
  });
});
