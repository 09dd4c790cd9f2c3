/**
 * The fake GitHub Actions identity of the stand-in: the claims of its OIDC token and the matching
 * workflow environment. The token is an unsigned JWT: the mock Fulcio does not check signatures,
 * it copies the SAN from `SAN_CLAIM` and the issuer from `iss` into the certificate.
 */
export const SAN_CLAIM = 'stand_in_san';
export const DEFAULT_SUBJECT =
  'https://github.com/nexo-test/demo-plugin/.github/workflows/release.yml@refs/tags/v1.0.0';
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

/** What a GitHub SAN (`<server>/<owner>/<repo>/<workflow path>@<ref>`) is made of. */
export interface WorkflowIdentity {
  serverURL: string;
  repository: string;
  workflowRef: string;
  ref: string;
}

/** Splits a GitHub-style SAN; undefined when the subject has another shape. */
export function parseWorkflowSubject(subject: string): WorkflowIdentity | undefined {
  const m = /^(https?:\/\/[^/]+)\/(([^/]+\/[^/]+)\/[^@]+@(refs\/.+))$/.exec(subject);
  if (!m) return undefined;
  return { serverURL: m[1], workflowRef: m[2], repository: m[3], ref: m[4] };
}

/** Claims as GitHub would issue them for `subject`; `extra` adds claims or, with undefined, removes them. */
export function tokenClaims(
  subject: string,
  issuer: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  const wf = parseWorkflowSubject(subject);
  const claims: Record<string, unknown> = {
    iss: issuer,
    aud: 'sigstore',
    iat: now,
    nbf: now,
    exp: now + 300,
    sub: wf ? `repo:${wf.repository}:ref:${wf.ref}` : subject,
    [SAN_CLAIM]: subject,
  };
  if (wf) {
    Object.assign(claims, {
      repository: wf.repository,
      repository_owner: wf.repository.split('/')[0],
      ref: wf.ref,
      job_workflow_ref: wf.workflowRef,
      workflow_ref: wf.workflowRef,
      event_name: 'push',
      sha: '0123456789abcdef0123456789abcdef01234567',
    });
  }
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete claims[k];
    else claims[k] = v;
  }
  return claims;
}

export function unsignedJWT(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

/** The workflow variables GitHub sets for `subject` (empty when the subject is not GitHub-shaped). */
export function workflowEnv(subject: string): Record<string, string> {
  const wf = parseWorkflowSubject(subject);
  if (!wf) return {};
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_SERVER_URL: wf.serverURL,
    GITHUB_REPOSITORY: wf.repository,
    GITHUB_REPOSITORY_OWNER: wf.repository.split('/')[0],
    GITHUB_REF: wf.ref,
    GITHUB_WORKFLOW_REF: wf.workflowRef,
  };
}
