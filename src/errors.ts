/**
 * The one error type. Every failure a user can see is a ReleaseError with a code from the closed
 * set below; tests assert codes, not wording. The message says what is wrong, where, and what to
 * do. `location` lets the entry points emit a GitHub annotation pointing at a file and line.
 */
export type ErrorCode =
  | 'USAGE'
  | 'TAG_MISSING'
  | 'TAG_INVALID'
  | 'MANIFEST_NOT_FOUND'
  | 'MANIFEST_PARSE'
  | 'MANIFEST_INVALID'
  | 'VERSION_MISMATCH'
  | 'TARGETS_MISSING'
  | 'TARGET_INVALID'
  | 'BINARY_MISSING'
  | 'INCLUDE_INVALID'
  | 'SYMLINK_OUTSIDE'
  | 'UNSUPPORTED_FILE'
  | 'NATIVE_IN_NOARCH'
  | 'LIMIT_EXCEEDED'
  | 'HASH_MISMATCH'
  | 'DIST_MISSING'
  | 'ASSET_NAME'
  | 'ASSET_TOO_LARGE'
  | 'TOO_MANY_ASSETS'
  | 'AUTH'
  | 'GITHUB_API'
  | 'RELEASE_IMMUTABLE'
  | 'INCOMPLETE_RELEASE'
  | 'NOTES'
  | 'OIDC_UNAVAILABLE'
  | 'SIGNING_FAILED'
  | 'SIGNATURE_INVALID'
  | 'VERIFY_FAILED'
  | 'NETWORK'
  | 'PREFLIGHT'
  | 'TRUST_ROOT_UNAVAILABLE'
  | 'IDENTITY_MISMATCH'
  | 'ECOSYSTEM'
  | 'ARTIFACT_REFUSED'
  | 'KEY_INVALID'
  | 'REGISTRY_ENTRY'
  | 'REGISTRY_KEY_CHANGED'
  | 'PULL_REQUEST'
  | 'NPM_PACK'
  | 'NPM_PUBLISH'
  | 'NPM_AUTH'
  | 'VERSION_EXISTS'
  | 'REVOKED'
  | 'MARKETPLACE'
  | 'INTERNAL';

/** A place in a file, for annotations. Lines and columns are 1-based. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

/** One problem among several reported together (e.g. every manifest rule violated). */
export interface Diagnostic {
  message: string;
  location?: SourceLocation;
}

export class ReleaseError extends Error {
  readonly code: ErrorCode;
  readonly location: SourceLocation | undefined;
  /** Further problems reported with this one; each becomes its own annotation. */
  readonly diagnostics: readonly Diagnostic[];

  constructor(
    code: ErrorCode,
    message: string,
    options: { location?: SourceLocation; diagnostics?: Diagnostic[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ReleaseError';
    this.code = code;
    this.location = options.location;
    this.diagnostics = options.diagnostics ?? [];
  }
}

export function isReleaseError(e: unknown, code?: ErrorCode): e is ReleaseError {
  return e instanceof ReleaseError && (code === undefined || e.code === code);
}
