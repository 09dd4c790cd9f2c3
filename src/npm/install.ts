import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ReleaseError } from '../errors.ts';
import type { NpmTarget } from './publish.ts';
import { NpmCommandError, runNpm } from './run.ts';
import { withNpmToken } from './userconfig.ts';

/**
 * What a user does: `npm install --ignore-scripts <name>@<version>` from the registry into an
 * empty directory (`--prefix`, so npm never climbs to a package.json above it), asking the
 * registry again rather than npm's cache. Resolves with the version that landed in
 * node_modules; rejects with npm's message.
 */
export async function npmInstallCheck(t: NpmTarget, version: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'npm-install-check-'));
  try {
    await withNpmToken(t.registry, t.token, t.env, async (auth) => {
      const args = [
        'install',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        '--no-package-lock',
        '--prefer-online',
        '--prefix',
        dir,
        `--registry=${t.registry}`,
        `${t.name}@${version}`,
        ...auth,
      ];
      const scope = /^(@[^/]+)\//.exec(t.name)?.[1];
      if (scope !== undefined) args.push(`--${scope}:registry=${t.registry}`);
      try {
        await runNpm(args, { cwd: dir, env: t.env });
      } catch (e) {
        const said =
          e instanceof NpmCommandError ? `npm ${e.npmCode ?? 'said'}: ${e.message}` : String(e);
        throw new ReleaseError(
          'NPM_PUBLISH',
          `npm install ${t.name}@${version} from ${t.registry} into an empty directory failed (${said})`,
          { cause: e },
        );
      }
    });
    const installed = JSON.parse(
      await fs.readFile(
        path.join(dir, 'node_modules', ...t.name.split('/'), 'package.json'),
        'utf8',
      ),
    ) as { version?: unknown };
    return String(installed.version);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
