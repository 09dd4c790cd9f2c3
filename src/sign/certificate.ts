/**
 * One ephemeral key and one Fulcio certificate for a whole run.
 *
 * @sigstore/sign's FulcioSigner fetches a token and a certificate on every `sign()`. Here it is
 * called once per certificate (with our in-memory key as its key holder), and the certificate is
 * then reused for every artifact until it is within `marginMs` of `notAfter`, when a new key and
 * certificate are issued. Each artifact still gets its own Rekor entry, so this is the same trust
 * as one certificate per artifact (sigstore-python and cosign reuse signers the same way).
 *
 * Contract: concurrent `current()` calls share one in-flight issuance; the private key never
 * leaves memory; a certificate whose public key is not ours is rejected.
 */
import { X509Certificate, generateKeyPairSync, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { FulcioSigner } from '@sigstore/sign';
import type { IdentityProvider, Signer } from '@sigstore/sign';
import { ReleaseError } from '../errors.ts';
import type { RetryOptions } from './config.ts';

export interface SigningKey {
  privateKey: KeyObject;
  /** Leaf certificate, PEM as Fulcio returned it. */
  certificatePEM: string;
  certificate: X509Certificate;
  notAfter: number;
}

export interface CertificateHolderOptions {
  identityProvider: IdentityProvider;
  fulcioBaseURL: string;
  retry: RetryOptions;
  timeout: number;
  /** Re-issue when the certificate expires within this window (default 2 minutes). */
  marginMs?: number;
}

/** The challenge FulcioSigner signs alongside the proof of possession; its signature is unused. */
const PROBE = Buffer.from('plugin-release: certificate request');

export class CertificateHolder {
  readonly #opts: CertificateHolderOptions;
  readonly #marginMs: number;
  #pending: Promise<SigningKey> | undefined;
  /** How many certificates were requested so far. */
  issued = 0;

  constructor(opts: CertificateHolderOptions) {
    this.#opts = opts;
    this.#marginMs = opts.marginMs ?? 2 * 60 * 1000;
  }

  /** A key with a certificate valid for at least the margin (or freshly issued). */
  async current(): Promise<SigningKey> {
    const pending = this.#pending;
    if (pending) {
      const key = await pending;
      if (key.notAfter - this.#marginMs > Date.now()) return key;
      if (this.#pending === pending) this.#pending = undefined; // expired: first caller re-issues
    }
    this.#pending ??= this.#issue();
    return this.#pending;
  }

  async #issue(): Promise<SigningKey> {
    this.issued++;
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const publicKeyPEM = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const keyHolder: Signer = {
      sign: async (data) => ({
        signature: sign('sha256', data, privateKey),
        key: { $case: 'publicKey', publicKey: publicKeyPEM },
      }),
    };
    const fulcio = new FulcioSigner({
      identityProvider: this.#opts.identityProvider,
      keyHolder,
      fulcioBaseURL: this.#opts.fulcioBaseURL,
      retry: this.#opts.retry,
      timeout: this.#opts.timeout,
    });
    const issued = await fulcio.sign(PROBE);
    if (issued.key.$case !== 'x509Certificate') {
      throw new ReleaseError('SIGNING_FAILED', 'Fulcio returned no signing certificate');
    }
    const certificate = new X509Certificate(issued.key.certificate);
    if (!certificate.publicKey.equals(publicKey)) {
      throw new ReleaseError(
        'SIGNING_FAILED',
        `Fulcio (${this.#opts.fulcioBaseURL}) returned a certificate for another key`,
      );
    }
    return {
      privateKey,
      certificatePEM: issued.key.certificate,
      certificate,
      notAfter: Date.parse(certificate.validTo),
    };
  }
}
