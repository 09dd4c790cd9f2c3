import type { TrustedRoot } from '@sigstore/protobuf-specs';

/**
 * Where Sigstore trust comes from: a trusted_root.json, the public-good root via TUF, or a parsed
 * root. Kept apart from verify.ts so that naming the source (reports, plans) never loads the
 * Sigstore libraries: a run that verifies no signature never evaluates them.
 */
export type TrustedRootSource =
  { kind: 'file'; path: string } | { kind: 'public-good' } | { kind: 'root'; root: TrustedRoot };

export function trustedRootSource(path: string | undefined): TrustedRootSource {
  return path ? { kind: 'file', path } : { kind: 'public-good' };
}
