import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Env } from './run.ts';
import { nerfDart } from './registry.ts';

/**
 * The token reaches npm through a temporary userconfig, never through the project's .npmrc,
 * the command line or the log. The file copies the user's own userconfig (so npm's configured
 * registry, scoped registries, proxy and CA settings stay what they were, e.g. the one
 * actions/setup-node writes) and appends the token for the registry in use, which wins over an
 * earlier line for the same registry. It lives in a private directory (0700, file 0600) and is
 * removed when the command ends, whatever happened.
 */

function existingUserconfig(env: Env): string {
  const set = env.NPM_CONFIG_USERCONFIG ?? env.npm_config_userconfig;
  if (set !== undefined && set !== '') return set;
  return path.join(env.HOME ?? os.homedir(), '.npmrc');
}

/** Runs `fn` with the npm arguments that carry the token (none when there is no token). */
export async function withNpmToken<T>(
  registry: string,
  token: string,
  env: Env,
  fn: (args: string[]) => Promise<T>,
): Promise<T> {
  if (token === '') return fn([]);
  if (/[\r\n]/.test(token)) throw new Error('the npm token contains a line break');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'npm-auth-'));
  try {
    const file = path.join(dir, 'npmrc');
    const prior = await fs.readFile(existingUserconfig(env), 'utf8').catch(() => '');
    // A quoted value is JSON-decoded by npm's ini reader, so any token survives as it is.
    const line = `${nerfDart(registry)}:_authToken=${JSON.stringify(token)}\n`;
    await fs.writeFile(file, `${prior}${prior === '' || prior.endsWith('\n') ? '' : '\n'}${line}`, {
      mode: 0o600,
    });
    return await fn(['--userconfig', file]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
