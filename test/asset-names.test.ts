import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contentTypeFor } from '../src/publish/names.ts';

// The Content-Type each kind of release asset is uploaded with (GitHub serves downloads with it).
describe('contentTypeFor', () => {
  test('archives by their format', () => {
    assert.equal(contentTypeFor('hello-0.1.0-x86_64-unknown-linux-gnu.tar.gz'), 'application/gzip');
    assert.equal(contentTypeFor('octo-plugin-hello-0.1.0.tgz'), 'application/gzip');
    assert.equal(contentTypeFor('dev.example.hello-0.1.0.zip'), 'application/zip');
    assert.equal(contentTypeFor('cell-counter-0.2.0.bsiplugin'), 'application/zip');
    assert.equal(contentTypeFor('LOUD-1.0.0.TGZ'), 'application/gzip');
  });

  test('JSON documents, the TOML manifest', () => {
    for (const name of [
      'a.tar.gz.bundle',
      'a.tar.gz.sigstore.json',
      'hello-pryzm-0.1.0.tgz.signature.json',
      'registry.json',
    ])
      assert.equal(contentTypeFor(name), 'application/json', name);
    assert.equal(contentTypeFor('nexo-plugin.toml'), 'application/toml');
  });

  test('text sidecars and signatures; opaque bytes otherwise', () => {
    for (const name of [
      'octo-plugin-hello-0.1.0.tgz.sha256',
      'cell-counter-0.2.0.bsiplugin.sha256',
      'dev.example.hello-0.1.0.zip.minisig',
      'a.tar.gz.sig',
      'a.tar.gz.pem',
      'a.tar.gz.cert',
    ])
      assert.equal(contentTypeFor(name), 'text/plain', name);
    assert.equal(contentTypeFor('hello_plugin'), 'application/octet-stream');
    assert.equal(contentTypeFor('libHello.dylib'), 'application/octet-stream');
  });
});
