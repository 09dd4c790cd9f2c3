import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { ROOT } from './support/fixture.ts';

// This repository's own automation: its release workflow, dependabot, the Node requirement of
// its development scripts, and CI running the bundle on older Nodes.
interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps: Step[];
  strategy?: { matrix: Record<string, unknown[]> };
}
const yaml = (p: string) =>
  parseYaml(readFileSync(path.join(ROOT, p), 'utf8')) as Record<string, unknown>;
const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');

describe('release.yml (this repository)', () => {
  const wf = yaml('.github/workflows/release.yml') as {
    on: { push: { tags: string[] } };
    permissions: Record<string, string>;
    jobs: Record<string, Job>;
  };

  test('runs on v*.*.* tags with read-only default permissions', () => {
    assert.deepEqual(wf.on.push.tags, ['v*.*.*']);
    assert.deepEqual(wf.permissions, { contents: 'read' });
  });

  test('checks dist and the tag against package.json before anything is published', () => {
    const check = wf.jobs.check!;
    assert.match(runs(check), /npm run build/);
    assert.match(runs(check), /git status --porcelain -- dist/);
    assert.match(runs(check), /package\.json.*version/s);
    assert.match(runs(check), /test\/package\.test\.ts/);
  });

  test('publishes the CLI with npm provenance through OIDC, after the check', () => {
    const npm = wf.jobs.npm!;
    assert.equal(npm.needs, 'check');
    assert.equal(npm.permissions?.['id-token'], 'write');
    assert.match(runs(npm), /npm publish --provenance --access public/);
  });

  test('creates the GitHub release, then moves the major tag', () => {
    const gh = wf.jobs.github!;
    assert.deepEqual(gh.needs, ['check', 'npm']);
    assert.equal(gh.permissions?.contents, 'write');
    const text = runs(gh);
    assert.match(text, /gh release create "\$GITHUB_REF_NAME"/);
    assert.match(text, /git tag -f "\$MAJOR" "\$GITHUB_SHA"/);
    assert.match(text, /git push -f origin "refs\/tags\/\$MAJOR"/);
    assert.ok(text.indexOf('gh release create') < text.indexOf('git tag -f'));
  });

  test('the steps that run shell are valid bash', () => {
    for (const job of Object.values(wf.jobs))
      for (const s of job.steps)
        if (s.run) execFileSync('bash', ['-n', '-c', s.run], { stdio: 'pipe' });
  });
});

describe('dependabot.yml', () => {
  test('updates npm and github-actions', () => {
    const d = yaml('.github/dependabot.yml') as {
      version: number;
      updates: { 'package-ecosystem': string; directory: string }[];
    };
    assert.equal(d.version, 2);
    assert.deepEqual(d.updates.map((u) => u['package-ecosystem']).sort(), [
      'github-actions',
      'npm',
    ]);
  });
});

describe('Node requirements', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
    engines: { node: string };
  };

  test('every npm script that runs code checks the Node version first', () => {
    for (const [name, script] of Object.entries(pkg.scripts)) {
      if (name === 'format') continue;
      assert.match(script, /^node scripts\/check-node\.mjs && /, name);
    }
    assert.match(readFileSync(path.join(ROOT, '.npmrc'), 'utf8'), /^engine-strict=true$/m);
  });

  test('on Node 20 the check is one line naming Node 24 and how to get it', () => {
    const old = '/usr/bin/node';
    const version = (() => {
      try {
        return execFileSync(old, ['--version'], { encoding: 'utf8' }).trim();
      } catch {
        return undefined;
      }
    })();
    const script = path.join(ROOT, 'scripts/check-node.mjs');
    if (version !== undefined && Number(/^v(\d+)/.exec(version)?.[1]) < 24) {
      let stderr = '';
      let status = 0;
      try {
        execFileSync(old, [script], { stdio: 'pipe' });
      } catch (e) {
        status = (e as { status: number }).status;
        stderr = String((e as { stderr: Buffer }).stderr);
      }
      assert.equal(status, 1);
      assert.equal(stderr.trim().split('\n').length, 1);
      assert.match(stderr, /needs Node 24.*this is Node v\d+.*nvm install 24/);
    }
    // And on this Node (24) it says nothing and lets the script run.
    assert.equal(execFileSync(process.execPath, [script], { encoding: 'utf8' }), '');
  });

  test('CI runs the bundled CLI on Node 20, 22 and 24', () => {
    const ci = yaml('.github/workflows/ci.yml') as { jobs: Record<string, Job> };
    const job = ci.jobs['cli-on-node']!;
    assert.deepEqual(job.strategy?.matrix.node, [20, 22, 24]);
    assert.match(runs(job), /node dist\/cli\.js --help/);
    assert.match(runs(job), /cli\.js pack/);
  });
});
