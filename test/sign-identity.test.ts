import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { parse as parseToml } from 'smol-toml';
import { startSigstoreStandIn } from './support/sigstore/index.ts';
import { GNU, REPO, publishWorld, type PublishWorld } from './support/publish-fixture.ts';

// The signing identity against the policy `verify` applies (certificate-identity-regexp /
// certificate-oidc-issuer, default: this repository's workflows), through the action entry with
// the local Sigstore and the GitHub emulator.
const ISSUER = 'https://token.actions.githubusercontent.com';
const OWN = `https://github.com/${REPO}/.github/workflows/release.yml@refs/tags/v1.2.3`;
const FOREIGN =
  'https://github.com/elsewhere/shared-ci/.github/workflows/release.yml@refs/heads/main';
const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of closers.reverse()) await c();
});

async function setup(subject: string) {
  const w: PublishWorld = await publishWorld();
  const sig = await startSigstoreStandIn({ subject });
  closers.push(
    () => w.close(),
    () => sig.close(),
  );
  await w.repo.binary(GNU);
  const inputs = {
    targets: GNU,
    'fulcio-url': sig.url,
    'rekor-url': sig.url,
    'trusted-root': sig.trustedRootPath,
  };
  // The run happens in octo/plugin (a caller of a reusable workflow when the subject is foreign).
  const env = {
    ...sig.env(),
    GITHUB_REPOSITORY: REPO,
    GITHUB_WORKFLOW_REF: `${REPO}/.github/workflows/release.yml@refs/tags/v1.2.3`,
    GITHUB_REF: 'refs/tags/v1.2.3',
  };
  return { w, sig, inputs, env };
}

describe('signing identity policy', () => {
  test('a token naming another repository: IDENTITY_MISMATCH before any upload, naming both identities', async () => {
    const { w, sig, inputs, env } = await setup(FOREIGN);
    const res = await w.action({ ...inputs, command: 'all', sign: 'true' }, { env });
    assert.equal(res.status, 1);
    const error = res.stdout.split('\n').find((l) => l.startsWith('::error::['))!;
    assert.match(error, /^::error::\[IDENTITY_MISMATCH\]/);
    assert.ok(error.includes(FOREIGN), error);
    assert.ok(error.includes('^https://github\\.com/octo/plugin/\\.github/workflows/.+$'), error);
    assert.match(error, /certificate-identity-regexp/);
    assert.match(error, /octo\/plugin's own \.github\/workflows/);
    // Nothing published: no release at all, no signature logged, no signature file written.
    assert.equal(w.emu.releases(REPO).length, 0);
    assert.equal(sig.counts.rekor, 0);
    assert.equal(
      existsSync(path.join(w.repo.dir, 'dist', `demo_plugin-1.2.3-${GNU}.tar.gz.sig`)),
      false,
    );
  });

  test('the same token with the policy set to that identity: signs, publishes, and the summary pins exactly that policy', async () => {
    const { w, inputs, env } = await setup(FOREIGN);
    const regexp =
      '^https://github\\.com/elsewhere/shared-ci/\\.github/workflows/release\\.yml@.+$';
    const res = await w.action(
      { ...inputs, command: 'all', sign: 'true', 'certificate-identity-regexp': regexp },
      { env },
    );
    assert.equal(res.status, 0, res.stdout);
    assert.equal(w.emu.releases(REPO)[0]!.draft, false);
    const toml = /```toml\n([\s\S]*?)```/.exec(res.summary)![1]!;
    const author = (parseToml(toml) as { authors: Record<string, string>[] }).authors[0]!;
    assert.equal(author.identity_regexp, regexp);
    assert.equal(author.oidc_issuer, ISSUER);
    assert.match(
      res.summary,
      new RegExp(
        `--certificate-identity-regexp '${regexp.replace(/[\\^$.+*?()[\]{}|]/g, '\\$&')}'`,
      ),
    );
  });

  test('the repository’s own workflow: the default policy, stated in the summary as verify applies it', async () => {
    const { w, inputs, env } = await setup(OWN);
    const res = await w.action({ ...inputs, command: 'all', sign: 'true' }, { env });
    assert.equal(res.status, 0, res.stdout);
    const toml = /```toml\n([\s\S]*?)```/.exec(res.summary)![1]!;
    const author = (parseToml(toml) as { authors: Record<string, string>[] }).authors[0]!;
    assert.equal(author.owner, 'octo');
    assert.equal(
      author.identity_regexp,
      '^https://github\\.com/octo/plugin/\\.github/workflows/.+$',
    );
    const report = JSON.parse(res.outputs.report!) as {
      signaturePolicy: { identityRegexp: string };
    };
    assert.equal(report.signaturePolicy.identityRegexp, author.identity_regexp);
  });

  test('command sign signs without sign: true', async () => {
    const { w, inputs, env } = await setup(OWN);
    assert.equal((await w.action({ ...inputs, command: 'pack' }, { env })).status, 0);
    const res = await w.action({ ...inputs, command: 'sign' }, { env });
    assert.equal(res.status, 0, res.stdout);
    assert.doesNotMatch(res.stdout, /skipped/);
    for (const kind of ['sig', 'cert', 'pem', 'bundle', 'sigstore.json'])
      assert.ok(
        existsSync(path.join(w.repo.dir, 'dist', `demo_plugin-1.2.3-${GNU}.tar.gz.${kind}`)),
        kind,
      );
    assert.equal(res.outputs['signing-identity'], OWN);
  });
});
