import { ReleaseError } from '../errors.ts';
import { NpmCommandError, runNpm, type Env } from './run.ts';
import { withNpmToken } from './userconfig.ts';

/**
 * Publishing through npm's own code: the runner's `npm publish` / `npm dist-tag add` /
 * `npm whoami`, lifecycle scripts off, the token in a temporary userconfig. An explicit
 * `npm-registry` is passed as --registry (and as the package scope's registry, which npm would
 * otherwise prefer); without one npm uses its configured registry, which `resolveRegistry`
 * read for our own requests. npm's failures become NPM_AUTH (401, 403, 404 of a scope that is
 * not yours, missing login or one-time password), VERSION_EXISTS (the version is taken) or
 * NPM_PUBLISH (network and everything else), each with npm's and the registry's message:
 * never a success.
 */

export interface NpmTarget {
  name: string;
  /** The registry in use, with a trailing slash (resolved). */
  registry: string;
  /** True when `npm-registry` was given: then it is passed to npm explicitly. */
  explicit: boolean;
  token: string;
  /** Where npm runs (the package's directory, so its .npmrc applies as for `npm publish`). */
  cwd: string;
  env: Env;
}

export interface PublishOptions {
  tag: string;
  access: 'public' | 'restricted';
  provenance: boolean;
}

const NETWORK =
  /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ESOCKETTIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|ERR_SOCKET_TIMEOUT|UND_ERR_\w+)$/;

function registryArgs(t: NpmTarget): string[] {
  if (!t.explicit) return [];
  const scope = /^(@[^/]+)\//.exec(t.name)?.[1];
  // `--@scope:registry=<url>` must be one argument: npm reads a separate value as a positional.
  return [
    `--registry=${t.registry}`,
    ...(scope === undefined ? [] : [`--${scope}:registry=${t.registry}`]),
  ];
}

/** Why npm failed, as a ReleaseError with the right code. */
export function npmFailure(action: string, t: NpmTarget, e: unknown): ReleaseError {
  if (!(e instanceof NpmCommandError)) {
    return new ReleaseError('NPM_PUBLISH', `${action} failed: ${String(e)}`, { cause: e });
  }
  const code = e.npmCode ?? '';
  const said = `npm ${code === '' ? 'said' : code}: ${e.message}`;
  const where = `${t.name} on ${t.registry}`;
  if (
    code === 'E409' ||
    /previously published|cannot publish over|already present|EPUBLISHCONFLICT/i.test(e.message)
  ) {
    return new ReleaseError(
      'VERSION_EXISTS',
      `${action}: the registry already has this version of ${where} (${said}). npm never accepts a version twice: bump version in package.json and tag again`,
      { cause: e },
    );
  }
  if (code === 'E401' || code === 'ENEEDAUTH' || code === 'EOTP') {
    return new ReleaseError(
      'NPM_AUTH',
      `${action}: the registry refused the credentials for ${where} (${said}). Pass a valid automation or granular token as npm-token (or NODE_AUTH_TOKEN) that can publish without a one-time password`,
      { cause: e },
    );
  }
  if (code === 'E403' || code === 'E404') {
    return new ReleaseError(
      'NPM_AUTH',
      `${action}: the registry refused ${where} (${said}). The token's user must own the package or be allowed to publish to its scope (a scope that is not yours answers 404); check the name and npm-access`,
      { cause: e },
    );
  }
  if (NETWORK.test(code) || /network|socket|ECONNREFUSED|ENOTFOUND/i.test(code)) {
    return new ReleaseError(
      'NPM_PUBLISH',
      `${action}: cannot reach ${t.registry} (${said}). Check npm-registry and the runner's network or proxy`,
      { cause: e },
    );
  }
  return new ReleaseError('NPM_PUBLISH', `${action} failed for ${where} (${said})`, { cause: e });
}

async function npm(action: string, t: NpmTarget, args: string[]): Promise<string> {
  return withNpmToken(t.registry, t.token, t.env, async (auth) => {
    try {
      const { stdout } = await runNpm([...args, ...registryArgs(t), ...auth], {
        cwd: t.cwd,
        env: t.env,
      });
      return stdout;
    } catch (e) {
      throw npmFailure(action, t, e);
    }
  });
}

/** Throws OIDC_UNAVAILABLE unless the run can mint an OIDC token (provenance needs one). */
export function requireOidc(env: Env): void {
  if (
    (env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '') === '' ||
    (env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '') === ''
  ) {
    throw new ReleaseError(
      'OIDC_UNAVAILABLE',
      "npm-provenance: true needs an OIDC token, and this run has none (ACTIONS_ID_TOKEN_REQUEST_URL is not set). Give the job 'permissions: id-token: write' on a GitHub-hosted runner, or set npm-provenance: false. Nothing was published",
    );
  }
}

/** `npm publish <tgz>`; resolves only when the registry accepted it. */
export async function npmPublish(t: NpmTarget, tarball: string, o: PublishOptions): Promise<void> {
  if (o.provenance) requireOidc(t.env);
  const args = [
    'publish',
    tarball,
    '--tag',
    o.tag,
    '--access',
    o.access,
    '--ignore-scripts',
    '--json',
  ];
  if (o.provenance) args.push('--provenance');
  await npm(`npm publish ${t.name}`, t, args);
}

/** `npm dist-tag add <name>@<version> <tag>`. */
export async function npmDistTagAdd(t: NpmTarget, version: string, tag: string): Promise<void> {
  await npm(`npm dist-tag add ${t.name}@${version} ${tag}`, t, [
    'dist-tag',
    'add',
    `${t.name}@${version}`,
    tag,
  ]);
}

/** The user the token belongs to (`npm whoami`): checks the token before anything is published. */
export async function npmWhoami(t: NpmTarget): Promise<string> {
  return (await npm('npm whoami', t, ['whoami'])).trim();
}
