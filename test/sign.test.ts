/**
 * Keyless signing end to end against the local Sigstore stand-in (real HTTP on 127.0.0.1, real
 * certificates, log entries and timestamps). Verification is checked both with @sigstore/verify
 * directly over the full bytes and with our streaming verifyBundleFile.
 */
import { after, before, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify';
import { isReleaseError } from '../src/errors.ts';
import { parse as parseToml } from 'smol-toml';
import { CertificateHolder } from '../src/sign/certificate.ts';
import { sigstoreRetry } from '../src/sign/config.ts';
import { GitHubActionsTokenProvider } from '../src/sign/oidc.ts';
import {
  GITHUB_OIDC_ISSUER,
  SIGNATURE_FILE_KINDS,
  cosignCommand,
  expectedIdentity,
  identityRegexp,
  trustedKeysEntry,
  signTarballs,
  trustedRootSource,
  verifyBundleFile,
} from '../src/sign/index.ts';
import type { SigningConfig, SigningOutcome } from '../src/sign/index.ts';
import { startSigstoreStandIn } from './support/sigstore/index.ts';
import type { SigstoreStandIn, StandInOptions } from './support/sigstore/index.ts';
import { certificateExtension, legacySETVerifies, utf8String } from './support/sigstore/inspect.ts';
import type { LegacyBundle } from './support/sigstore/inspect.ts';

// The library's HTTP client honours proxy variables, and CI providers' token variables must not
// leak into the run: the sign module reads only the env snapshot it is given.
for (const k of ['SIGSTORE_ID_TOKEN', 'BUILDKITE', 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY']) {
  delete process.env[k];
  delete process.env[k.toLowerCase()];
}
process.env.NO_PROXY = process.env.no_proxy = '127.0.0.1';

async function tempDir(t: TestContext | undefined, prefix = 'sign-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  t?.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function standIn(t: TestContext, opts?: StandInOptions): Promise<SigstoreStandIn> {
  const s = await startSigstoreStandIn(opts);
  t.after(() => s.close());
  return s;
}

async function makeTarballs(dir: string, n: number, size = 4096): Promise<string[]> {
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = join(dir, `demo-1.0.0-target${i}.tar.gz`);
    await writeFile(p, randomBytes(size + i));
    paths.push(p);
  }
  return paths;
}

function config(s: SigstoreStandIn, over: Partial<SigningConfig> = {}): SigningConfig {
  return {
    fulcioURL: s.url,
    rekorURL: s.url,
    trustedRootPath: s.trustedRootPath,
    files: [...SIGNATURE_FILE_KINDS],
    concurrency: 4,
    env: s.env(),
    retries: 2,
    retryBaseMs: 5,
    timeoutMs: 5000,
    ...over,
  };
}

/** @sigstore/verify on its own, over the whole artifact in memory. */
async function libraryVerify(
  bundlePath: string,
  artifact: Buffer,
  trustedRootPath: string,
  policy: { subjectAlternativeName: string; issuer: string },
) {
  const root = TrustedRoot.fromJSON(JSON.parse(await readFile(trustedRootPath, 'utf8')));
  const bundle = bundleFromJSON(JSON.parse(await readFile(bundlePath, 'utf8')));
  return new Verifier(toTrustMaterial(root)).verify(toSignedEntity(bundle, artifact), {
    subjectAlternativeName: policy.subjectAlternativeName,
    extensions: { issuer: policy.issuer },
  });
}

const signatureFilesIn = async (dir: string) =>
  (await readdir(dir)).filter((f) => !f.endsWith('.tar.gz')).sort();

describe('five tarballs signed through the stand-in (with a TSA)', () => {
  let s: SigstoreStandIn;
  let dir: string;
  let tarballs: string[];
  let outcome: SigningOutcome;
  before(async () => {
    s = await startSigstoreStandIn();
    dir = await tempDir(undefined);
    tarballs = await makeTarballs(dir, 4);
    const big = join(dir, 'demo-1.0.0-big.tar.gz'); // many read chunks: exercises streaming
    await writeFile(big, randomBytes(3 * 1024 * 1024 + 17));
    tarballs.push(big);
    outcome = await signTarballs(config(s, { tsaURL: s.url, concurrency: 2 }), tarballs);
  });
  after(async () => {
    await s.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('one OIDC call and one Fulcio certificate per run; one Rekor entry and timestamp each', () => {
    assert.deepEqual(s.counts, { oidc: 1, fulcio: 1, rekor: 5, tsa: 5 });
    assert.equal(outcome.identity.subjectAlternativeName, s.subject);
    assert.equal(outcome.identity.issuer, GITHUB_OIDC_ISSUER);
    const certs = new Set(tarballs.map((t) => readFileSync(`${t}.pem`, 'utf8')));
    assert.equal(certs.size, 1, 'every tarball carries the same leaf certificate');
  });

  test('every .sigstore.json is a v0.3 bundle that verifies for the exact bytes and identity', async () => {
    for (const t of tarballs) {
      const json = JSON.parse(await readFile(`${t}.sigstore.json`, 'utf8'));
      assert.equal(json.mediaType, 'application/vnd.dev.sigstore.bundle.v0.3+json');
      assert.ok(json.verificationMaterial.certificate?.rawBytes, 'leaf in certificate');
      assert.equal(json.verificationMaterial.x509CertificateChain, undefined);
      assert.equal(json.verificationMaterial.tlogEntries.length, 1);
      assert.equal(json.verificationMaterial.timestampVerificationData.rfc3161Timestamps.length, 1);
      const signer = await libraryVerify(
        `${t}.sigstore.json`,
        await readFile(t),
        s.trustedRootPath,
        {
          subjectAlternativeName: s.subject,
          issuer: GITHUB_OIDC_ISSUER,
        },
      );
      assert.equal(signer.identity?.subjectAlternativeName, s.subject);
      await verifyBundleFile({
        bundlePath: `${t}.sigstore.json`,
        artifactPath: t,
        trustedRoot: trustedRootSource(s.trustedRootPath),
        subjectAlternativeName: s.subject,
        issuer: GITHUB_OIDC_ISSUER,
      });
      await verifyBundleFile({
        bundlePath: `${t}.sigstore.json`,
        artifactPath: t,
        trustedRoot: trustedRootSource(s.trustedRootPath),
        identityRegexp: identityRegexp(outcome.identity),
        issuer: GITHUB_OIDC_ISSUER,
      });
    }
  });

  test('a tampered tarball, another SAN and another issuer each fail verification', async () => {
    const [t] = tarballs as [string];
    const bytes = await readFile(t);
    const tampered = Buffer.from(bytes);
    tampered[100] = (tampered[100] ?? 0) ^ 0x01;
    const policy = { subjectAlternativeName: s.subject, issuer: GITHUB_OIDC_ISSUER };
    const otherSAN = s.subject.replace('demo-plugin', 'other-plugin');
    const b = `${t}.sigstore.json`;
    await assert.rejects(libraryVerify(b, tampered, s.trustedRootPath, policy));
    await assert.rejects(
      libraryVerify(b, bytes, s.trustedRootPath, { ...policy, subjectAlternativeName: otherSAN }),
    );
    await assert.rejects(
      libraryVerify(b, bytes, s.trustedRootPath, { ...policy, issuer: 'https://accounts.example' }),
    );

    const copy = join(await tempDir(undefined), basename(t));
    await writeFile(copy, tampered);
    const base = { bundlePath: b, trustedRoot: trustedRootSource(s.trustedRootPath), ...policy };
    const cases = [
      { ...base, artifactPath: copy },
      { ...base, artifactPath: tarballs[1] as string }, // another tarball's bytes
      { ...base, artifactPath: t, subjectAlternativeName: otherSAN },
      { ...base, artifactPath: t, identityRegexp: '^https://github\\.com/nexo-test/other/.*$' },
      { ...base, artifactPath: t, issuer: 'https://accounts.example' },
    ];
    for (const c of cases) {
      await assert.rejects(verifyBundleFile(c), (e) => isReleaseError(e, 'SIGNATURE_INVALID'));
    }
    await rm(join(copy, '..'), { recursive: true, force: true });
  });

  test('.sig is the bundle signature; .cert and .pem are the leaf with SAN and issuer', async () => {
    for (const t of tarballs) {
      const bundle = JSON.parse(await readFile(`${t}.sigstore.json`, 'utf8'));
      assert.equal(await readFile(`${t}.sig`, 'utf8'), bundle.messageSignature.signature);
      const pem = await readFile(`${t}.pem`, 'utf8');
      assert.equal(await readFile(`${t}.cert`, 'utf8'), pem);
      const cert = new X509Certificate(pem);
      assert.ok(
        cert.raw.equals(Buffer.from(bundle.verificationMaterial.certificate.rawBytes, 'base64')),
      );
      assert.equal(cert.subjectAltName, `URI:${s.subject}`);
      const v1 = certificateExtension(cert.raw, '1.3.6.1.4.1.57264.1.1');
      const v2 = certificateExtension(cert.raw, '1.3.6.1.4.1.57264.1.8');
      assert.equal(v1?.toString('utf8'), GITHUB_OIDC_ISSUER);
      assert.equal(v2 && utf8String(v2), GITHUB_OIDC_ISSUER);
    }
  });

  test('.bundle (cosign legacy) agrees with the Rekor entry and its SET verifies', async () => {
    for (const t of tarballs) {
      const legacy = JSON.parse(await readFile(`${t}.bundle`, 'utf8')) as LegacyBundle;
      const bundle = JSON.parse(await readFile(`${t}.sigstore.json`, 'utf8'));
      const entry = bundle.verificationMaterial.tlogEntries[0];
      assert.deepEqual(Object.keys(legacy), ['base64Signature', 'cert', 'rekorBundle']);
      assert.equal(legacy.base64Signature, await readFile(`${t}.sig`, 'utf8'));
      assert.equal(
        Buffer.from(legacy.cert, 'base64').toString('utf8'),
        await readFile(`${t}.pem`, 'utf8'),
      );
      const p = legacy.rekorBundle.Payload;
      assert.equal(p.body, entry.canonicalizedBody);
      assert.equal(p.logIndex, Number(entry.logIndex));
      assert.equal(p.integratedTime, Number(entry.integratedTime));
      assert.equal(p.logID, Buffer.from(entry.logId.keyId, 'base64').toString('hex'));
      assert.equal(
        legacy.rekorBundle.SignedEntryTimestamp,
        entry.inclusionPromise.signedEntryTimestamp,
      );
      const body = JSON.parse(Buffer.from(p.body, 'base64').toString('utf8'));
      assert.equal(body.kind, 'hashedrekord');
      const sha = createHash('sha256')
        .update(await readFile(t))
        .digest('hex');
      assert.equal(body.spec.data.hash.value, sha);
      assert.equal(body.spec.signature.content, legacy.base64Signature);
      assert.ok(legacySETVerifies(legacy, s.trustedRootPath), 'SET verifies with the log key');
    }
  });

  test('the outcome lists exactly the files written; no temp file is left', async () => {
    const expected = tarballs.flatMap((t) =>
      SIGNATURE_FILE_KINDS.map((k) => `${basename(t)}.${k}`),
    );
    assert.deepEqual(await signatureFilesIn(dir), expected.sort());
    assert.deepEqual(
      outcome.artifacts.map((a) => [a.tarball, a.files.map((f) => f.path)]),
      tarballs.map((t) => [t, SIGNATURE_FILE_KINDS.map((k) => `${t}.${k}`)]),
    );
  });
});

describe('one certificate per run', () => {
  test('concurrent requests share one issuance; a certificate near expiry is re-issued', async (t) => {
    const s = await standIn(t);
    const net = { retries: 0, retryBaseMs: 5, timeoutMs: 5000 };
    const tokens = new GitHubActionsTokenProvider(s.env(), net);
    const holder = (marginMs?: number) =>
      new CertificateHolder({
        identityProvider: tokens,
        fulcioBaseURL: s.url,
        retry: sigstoreRetry(net),
        timeout: 5000,
        marginMs,
      });
    const shared = holder();
    const keys = await Promise.all(Array.from({ length: 5 }, () => shared.current()));
    assert.equal(new Set(keys).size, 1);
    assert.equal(await shared.current(), keys[0]);
    assert.deepEqual([s.counts.fulcio, s.counts.oidc], [1, 1]);
    // Fulcio certificates live 10 minutes: with an 11-minute margin every call must re-issue.
    const expiring = holder(11 * 60 * 1000);
    const a = await expiring.current();
    const b = await expiring.current();
    assert.notEqual(a.certificatePEM, b.certificatePEM);
    assert.ok(!a.privateKey.equals(b.privateKey), 'a new key with each certificate');
    assert.deepEqual([s.counts.fulcio, s.counts.oidc], [3, 3]);
  });

  test('concurrency bounds the tarballs in flight', async (t) => {
    for (const concurrency of [1, 3]) {
      const s = await standIn(t, { latencyMs: 40 });
      const tarballs = await makeTarballs(await tempDir(t), 6);
      await signTarballs(config(s, { concurrency, files: ['sig'] }), tarballs);
      assert.equal(s.counts.rekor, 6);
      assert.equal(
        s.peak.rekor,
        concurrency,
        `peak Rekor requests with concurrency ${concurrency}`,
      );
    }
  });
});

describe('network failures', () => {
  test('5xx from Fulcio and Rekor, 429 from the TSA and 503 from OIDC are retried', async (t) => {
    const s = await standIn(t);
    s.faults.fail('oidc', 503, 1);
    s.faults.fail('fulcio', 503, 2);
    s.faults.fail('rekor', 500, 2);
    s.faults.fail('tsa', 429, 1);
    const tarballs = await makeTarballs(await tempDir(t), 3);
    const out = await signTarballs(config(s, { tsaURL: s.url }), tarballs);
    assert.equal(out.artifacts.length, 3);
    assert.deepEqual(s.counts, { oidc: 2, fulcio: 3, rekor: 5, tsa: 4 });
    for (const tb of tarballs) assert.ok(existsSync(`${tb}.sigstore.json`));
  });

  const label = { fulcio: 'Fulcio', rekor: 'Rekor', tsa: 'TSA' } as const;
  type Case = [string, keyof typeof label, (s: SigstoreStandIn) => void, number, RegExp];
  const failing: Case[] = [
    ['Fulcio down', 'fulcio', (s) => s.faults.down('fulcio', true), 3, /after 3 attempts/],
    ['Rekor always 503', 'rekor', (s) => s.faults.fail('rekor', 503, 99), 3, /HTTP 503.*after 3/],
    ['TSA down', 'tsa', (s) => s.faults.down('tsa', true), 3, /after 3 attempts/],
    ['Fulcio 400', 'fulcio', (s) => s.faults.fail('fulcio', 400, 99), 1, /HTTP 400.*not retried/],
  ];
  for (const [name, service, fault, requests, says] of failing) {
    test(`${name} -> SIGNING_FAILED naming the service and URL; nothing written`, async (t) => {
      const s = await standIn(t);
      fault(s);
      const dir = await tempDir(t);
      const [tb] = await makeTarballs(dir, 1);
      const err = await signTarballs(config(s, { tsaURL: s.url }), [tb as string]).then(
        () => assert.fail('signing should fail'),
        (e: unknown) => e,
      );
      assert.ok(isReleaseError(err, 'SIGNING_FAILED'), String(err));
      assert.match(
        err.message,
        new RegExp(`${label[service]} \\(${s.url.replace(/\./g, '\\.')}\\)`),
      );
      assert.match(err.message, says);
      assert.equal(s.counts[service], requests, 'requests = 1 + retries, for retryable faults');
      assert.deepEqual(await signatureFilesIn(dir), []);
      for (const secret of [s.oidcRequestToken, ...s.issuedTokens]) {
        assert.ok(!err.message.includes(secret), 'no token in the message');
      }
      assert.equal(err.cause, undefined, 'library errors that may quote the token are not kept');
    });
  }
});

describe('OIDC token', () => {
  test('missing variables -> OIDC_UNAVAILABLE with the permissions fix; other CI tokens ignored', async (t) => {
    const s = await standIn(t);
    const env = { ...s.env(), SIGSTORE_ID_TOKEN: 'x.y.z', BUILDKITE: 'true' };
    delete (env as Record<string, string | undefined>).ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    process.env.SIGSTORE_ID_TOKEN = 'x.y.z';
    t.after(() => delete process.env.SIGSTORE_ID_TOKEN);
    const tarballs = await makeTarballs(await tempDir(t), 1);
    await assert.rejects(signTarballs(config(s, { env }), tarballs), (e) => {
      assert.ok(isReleaseError(e, 'OIDC_UNAVAILABLE'));
      assert.match(e.message, /permissions: id-token: write/);
      return true;
    });
    assert.deepEqual(s.counts, { oidc: 0, fulcio: 0, rekor: 0, tsa: 0 });
  });

  test('a rejected request token -> OIDC_UNAVAILABLE without the token in the message', async (t) => {
    const s = await standIn(t);
    const env = { ...s.env(), ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'wrong-secret-value' };
    const tarballs = await makeTarballs(await tempDir(t), 1);
    await assert.rejects(signTarballs(config(s, { env }), tarballs), (e) => {
      assert.ok(isReleaseError(e, 'OIDC_UNAVAILABLE'));
      assert.match(e.message, /HTTP 401/);
      assert.ok(!e.message.includes('wrong-secret-value'));
      return true;
    });
    assert.equal(s.counts.fulcio, 0);
  });

  test('audience=sigstore is added whether or not the request URL has a query', async (t) => {
    const s = await standIn(t);
    const net = { retries: 0, retryBaseMs: 5, timeoutMs: 5000 };
    const bare = `${s.url}/oidc/token`;
    for (const url of [s.oidcRequestURL, bare]) {
      const p = new GitHubActionsTokenProvider(
        { ...s.env(), ACTIONS_ID_TOKEN_REQUEST_URL: url },
        net,
      );
      assert.equal(await p.getToken(), s.issuedTokens.at(-1));
    }
    assert.deepEqual(s.oidcRequests, [
      '/oidc/token?api-version=2.0&audience=sigstore',
      '/oidc/token?audience=sigstore',
    ]);
  });
});

describe('identity and self-verification', () => {
  test('a certificate whose SAN differs from the expected identity -> SIGNATURE_INVALID, nothing written', async (t) => {
    // The token says one workflow, Fulcio certifies another: the self-check must refuse.
    const s = await standIn(t, {
      claims: {
        job_workflow_ref: 'nexo-test/demo-plugin/.github/workflows/other.yml@refs/tags/v1.0.0',
      },
    });
    const dir = await tempDir(t);
    const tarballs = await makeTarballs(dir, 2);
    await assert.rejects(signTarballs(config(s), tarballs), (e) => {
      assert.ok(isReleaseError(e, 'SIGNATURE_INVALID'));
      assert.match(e.message, /certificate identity/);
      return true;
    });
    assert.deepEqual(await signatureFilesIn(dir), []);
  });

  test('a certificate from another issuer than expected -> SIGNATURE_INVALID', async (t) => {
    // Without job_workflow_ref the expected identity comes from the environment (GitHub's
    // issuer), while the token, and so the certificate, names another issuer.
    const s = await standIn(t, {
      issuer: 'https://accounts.example',
      claims: { job_workflow_ref: undefined },
    });
    const dir = await tempDir(t);
    const tarballs = await makeTarballs(dir, 1);
    await assert.rejects(signTarballs(config(s), tarballs), (e) => {
      assert.ok(isReleaseError(e, 'SIGNATURE_INVALID'));
      assert.match(e.message, /issuer/);
      return true;
    });
    assert.deepEqual(await signatureFilesIn(dir), []);
  });

  test('a reusable workflow signs as its job_workflow_ref, not GITHUB_WORKFLOW_REF', async (t) => {
    const shared = 'https://github.com/nexo-test/shared/.github/workflows/sign.yml@refs/heads/main';
    const s = await standIn(t, { subject: shared });
    const env = {
      ...s.env(),
      GITHUB_REPOSITORY: 'nexo-test/demo-plugin',
      GITHUB_WORKFLOW_REF: 'nexo-test/demo-plugin/.github/workflows/release.yml@refs/tags/v1.0.0',
    };
    const tarballs = await makeTarballs(await tempDir(t), 1);
    const out = await signTarballs(config(s, { env }), tarballs);
    assert.equal(out.identity.subjectAlternativeName, shared);
  });

  test('without a job_workflow_ref claim the identity comes from GITHUB_WORKFLOW_REF', async (t) => {
    const s = await standIn(t, { claims: { job_workflow_ref: undefined } });
    const tarballs = await makeTarballs(await tempDir(t), 1);
    const out = await signTarballs(config(s), tarballs);
    assert.deepEqual(out.identity, expectedIdentity(s.env()));
    assert.equal(out.identity.subjectAlternativeName, s.subject);
  });

  test('expectedIdentity uses GITHUB_SERVER_URL (default github.com) and needs GITHUB_WORKFLOW_REF', () => {
    const ref = 'o/r/.github/workflows/release.yml@refs/tags/v1.2.0';
    assert.deepEqual(expectedIdentity({ GITHUB_WORKFLOW_REF: ref }), {
      subjectAlternativeName: `https://github.com/${ref}`,
      issuer: 'https://token.actions.githubusercontent.com',
    });
    assert.equal(
      expectedIdentity({ GITHUB_WORKFLOW_REF: ref, GITHUB_SERVER_URL: 'https://ghe.example/' })
        .subjectAlternativeName,
      `https://ghe.example/${ref}`,
    );
    assert.throws(
      () => expectedIdentity({}),
      (e) => isReleaseError(e, 'OIDC_UNAVAILABLE'),
    );
  });
});

describe('files and configuration', () => {
  test('a files subset writes only those files', async (t) => {
    const s = await standIn(t);
    const dir = await tempDir(t);
    const tarballs = await makeTarballs(dir, 2);
    const out = await signTarballs(config(s, { files: ['cert', 'sig', 'sig'] }), tarballs);
    const names = tarballs.flatMap((tb) => [`${basename(tb)}.cert`, `${basename(tb)}.sig`]);
    assert.deepEqual(await signatureFilesIn(dir), names.sort());
    assert.deepEqual(
      out.artifacts[0]?.files.map((f) => f.kind),
      ['sig', 'cert'],
    );
  });

  test('bad configuration is USAGE before any request', async (t) => {
    const s = await standIn(t);
    const tarballs = await makeTarballs(await tempDir(t), 1);
    const bad: Partial<SigningConfig>[] = [
      { files: ['sig', 'asc' as never] },
      { files: [] },
      { concurrency: 0 },
      { rekorURL: 'ftp://example' },
      { trustedRootPath: join(tmpdir(), 'does-not-exist', 'trusted_root.json') },
    ];
    for (const over of bad) {
      await assert.rejects(signTarballs(config(s, over), tarballs), (e) =>
        isReleaseError(e, 'USAGE'),
      );
    }
    assert.deepEqual(s.counts, { oidc: 0, fulcio: 0, rekor: 0, tsa: 0 });
  });
});

describe('operator hints', () => {
  const san = 'https://github.com/o/r/.github/workflows/release.yml@refs/tags/v1.2.0';
  const identity = { subjectAlternativeName: san, issuer: GITHUB_OIDC_ISSUER };

  test('trustedKeysEntry is TOML whose anchored regexp accepts this workflow at any v-tag only', () => {
    const entry = trustedKeysEntry(identity, 'o/r');
    const parsed = parseToml(entry) as { authors: Record<string, string>[] };
    const author = parsed.authors[0] ?? {};
    assert.equal(author.owner, 'o');
    assert.equal(author.oidc_issuer, GITHUB_OIDC_ISSUER);
    assert.equal(
      author.identity_regexp,
      '^https://github\\.com/o/r/\\.github/workflows/release\\.yml@refs/tags/v.*$',
    );
    const re = new RegExp(author.identity_regexp ?? '');
    assert.ok(re.test(san));
    assert.ok(re.test(san.replace('v1.2.0', 'v2.0.0-rc.1')));
    for (const other of [
      'https://github.com/o/other/.github/workflows/release.yml@refs/tags/v1.2.0',
      'https://github.com/x/r/.github/workflows/release.yml@refs/tags/v1.2.0',
      'https://github.com/o/r/.github/workflows/other.yml@refs/tags/v1.2.0',
      'https://github.com/o/r/.github/workflows/release.yml@refs/heads/main',
      'https://github.com/o/r-fork/.github/workflows/release.yml@refs/tags/v1.2.0',
      'https://githubXcom/o/r/.github/workflows/release.yml@refs/tags/v1.2.0',
      'https://evil.example/https://github.com/o/r/.github/workflows/release.yml@refs/tags/v1.2.0',
      'https://github.com/o/r/.github/workflows/release.ymlx@refs/tags/v1.2.0',
    ]) {
      assert.ok(!re.test(other), other);
    }
    assert.throws(
      () => trustedKeysEntry(identity, 'not-a-repo'),
      (e) => isReleaseError(e, 'USAGE'),
    );
  });

  test('a SAN with a quote still yields valid TOML', () => {
    const odd = { ...identity, subjectAlternativeName: san.replace('release.yml', "rel'ease.yml") };
    const parsed = parseToml(trustedKeysEntry(odd, 'o/r')) as {
      authors: { identity_regexp: string }[];
    };
    assert.ok(
      new RegExp(parsed.authors[0]?.identity_regexp ?? '$^').test(odd.subjectAlternativeName),
    );
  });

  test('cosignCommand names the files written, the regexp and the issuer', () => {
    const name = 'demo-1.0.0-x86_64-unknown-linux-gnu.tar.gz';
    assert.equal(
      cosignCommand(identity, name),
      `cosign verify-blob --signature ${name}.sig --certificate ${name}.pem --bundle ${name}.bundle ` +
        `--certificate-identity-regexp '${identityRegexp(identity)}' ` +
        `--certificate-oidc-issuer ${GITHUB_OIDC_ISSUER} ${name}`,
    );
    const certOnly = cosignCommand(identity, name, ['sig', 'cert']);
    assert.match(certOnly, new RegExp(`--certificate ${name.replace(/\./g, '\\.')}\\.cert `));
    assert.doesNotMatch(certOnly, /--bundle/);
    assert.match(cosignCommand(identity, name, ['sigstore.json']), /--bundle \S+\.sigstore\.json /);
  });
});
