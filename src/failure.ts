import path from 'node:path';
import type { Config } from './config.ts';
import type { RunContext } from './context.ts';
import type { ErrorCode, ReleaseError } from './errors.ts';
import { writesSentBy } from './github/usage.ts';
import { expectedAssets } from './plan.ts';

/**
 * The job summary of a failed run: the error, what stands on GitHub for the tag now, and what to
 * do next. What stands on GitHub is asked of GitHub (one listing, no retries, 10 s at most) only
 * when this run had sent it a write that may have taken effect (github/usage.ts); a run that
 * stopped before that changed nothing there and sends nothing more.
 */
const READ_ONLY: ReadonlySet<Config['command']> = new Set(['validate', 'pack', 'sign', 'verify']);

const NEXT: Partial<Record<ErrorCode, string>> = {
  USAGE: 'Fix the input named above; nothing else needs to change.',
  TAG_MISSING: 'Pass the tag (`tag: ${{ inputs.tag }}` on workflow_dispatch, `--tag` on the CLI).',
  TAG_INVALID: 'Push a tag of the form the ecosystem accepts (e.g. v1.2.3), then rerun.',
  VERSION_MISMATCH: 'Make the manifest version and the tag agree (bump one), then rerun.',
  MANIFEST_NOT_FOUND: 'Add the manifest, or point `manifest` / `working-directory` at it.',
  MANIFEST_PARSE: 'Fix the syntax at the annotated line and column, then rerun.',
  MANIFEST_INVALID: 'Fix each annotated problem in the manifest, then rerun.',
  BINARY_MISSING: 'Build the binary where `binary` says (or change `binary`), then rerun.',
  AUTH: 'Give the job `permissions: contents: write` (or pass a token that has it), then rerun.',
  NETWORK:
    'Rerun when the network is back: a rerun keeps every asset already uploaded intact and uploads only what is missing.',
  GITHUB_API:
    'Rerun: a rerun keeps every asset already uploaded intact and uploads only what is missing.',
  INCOMPLETE_RELEASE:
    "Make sure every build job's dist reaches the publishing job, then rerun: the draft waits.",
  SIGNING_FAILED: 'Rerun: nothing unsigned was published.',
  OIDC_UNAVAILABLE: 'Add `permissions: id-token: write` to the signing job, then rerun.',
  RELEASE_IMMUTABLE: 'Release a new version: bump the manifest and push a new tag.',
  VERIFY_FAILED: 'Fix each failing check named above, then rerun: the rerun replaces bad assets.',
};

function nextStep(code: ErrorCode): string {
  return (
    NEXT[code] ?? 'Fix what the error names, then rerun: a rerun continues where this stopped.'
  );
}

const within = <T>(ms: number, p: Promise<T>): Promise<T> =>
  Promise.race([
    p,
    new Promise<T>((_, reject) => {
      setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms).unref();
    }),
  ]);

async function onGitHub(config: Config, state: RunContext['state']): Promise<string> {
  if (READ_ONLY.has(config.command))
    return `nothing changed: \`${config.command}\` does not change GitHub.`;
  if (config.dryRun) return 'nothing changed: a dry run changes nothing on GitHub.';
  const tag = state.plan?.tag ?? config.tag;
  if (writesSentBy(config.env) === 0 || config.repo === undefined || tag === undefined)
    return 'nothing changed: the run stopped before it changed anything on GitHub.';
  const expected = state.plan
    ? expectedAssets(state.plan, config.sign ? config.signatureFiles : []).length
    : undefined;
  try {
    const { createReleaseApi } = await import('./github/octokit.ts');
    const api = createReleaseApi({
      token: config.token,
      apiUrl: config.apiUrl,
      owner: config.repo.owner,
      repo: config.repo.name,
      retry: { attempts: 1, baseMs: 0, maxMs: 0, maxServerWaitMs: 0 },
      env: config.env,
    });
    const release = (await within(10_000, api.listReleases())).find((r) => r.tag_name === tag);
    if (release === undefined) return `nothing: there is no release for ${tag}.`;
    const count = (await within(10_000, api.listAssets(release.id))).length;
    const of = expected === undefined ? `${count}` : `${count} of ${expected}`;
    return release.draft
      ? `a draft release ${tag} with ${of} assets, invisible to installers until it is published: ${release.html_url}`
      : `the published release ${tag} with ${of} assets: ${release.html_url}`;
  } catch (e) {
    return `unknown: GitHub could not be asked (${e instanceof Error ? e.message : String(e)}).`;
  }
}

export async function failureSummary(
  error: ReleaseError,
  config: Config | undefined,
  state: RunContext['state'],
): Promise<string> {
  const where = (d: ReleaseError['diagnostics'][number]) =>
    d.location === undefined
      ? ''
      : `${path.relative(process.cwd(), d.location.file) || d.location.file}${d.location.line ? `:${d.location.line}` : ''}${d.location.column ? `:${d.location.column}` : ''}: `;
  const problems =
    error.diagnostics.length > 0
      ? error.diagnostics.map((d) => `- ${where(d)}${d.message}`)
      : [error.message];
  const github = config === undefined ? 'nothing changed.' : await onGitHub(config, state);
  return [
    `### Failed: ${error.code}`,
    '',
    ...problems,
    '',
    `**On GitHub:** ${github}`,
    '',
    `**Next:** ${nextStep(error.code)}`,
  ].join('\n');
}
