import { parsePublicKey } from '../../crypto/minisign-key.ts';
import type { RunContext } from '../../context.ts';
import { ReleaseError } from '../../errors.ts';
import { publicKeyLine, secretKey } from './key.ts';
import { readOsaurusManifest } from './manifest.ts';
import { checkKeyUnchanged, parseEntry } from './registry-entry.ts';
import { entryPrerequisite, readBase } from './registry-file.ts';

/**
 * Before anything is published: the minisign key decrypts and matches `minisign-public-key`, the
 * registry inputs have what they need, and `registry-base` and the registry's current entry
 * register this key (the registry never accepts a key change), so a release never goes out that
 * its registry pull request must refuse.
 */
export async function preflightOsaurus(ctx: RunContext): Promise<void> {
  const { config } = ctx;
  const { registry, osaurus } = config;
  if (osaurus.minisignSecretKey !== '') secretKey(config);
  else if (osaurus.minisignPublicKey !== '') parsePublicKey(osaurus.minisignPublicKey);
  if (registry.entry !== undefined || registry.repo !== undefined) {
    const why = entryPrerequisite(config);
    if (why !== undefined) {
      const input = registry.entry !== undefined ? 'registry-entry' : 'registry-repo';
      throw new ReleaseError('USAGE', `${input} is set, but ${why}`);
    }
  }
  if (registry.repo !== undefined && registry.token === '') {
    throw new ReleaseError(
      'USAGE',
      `registry-repo is ${registry.repo.owner}/${registry.repo.name}, but registry-token is empty: pass a token that can fork it and open pull requests (the default GITHUB_TOKEN cannot), e.g. registry-token: \${{ secrets.REGISTRY_PAT }}`,
    );
  }
  if (osaurus.minisignSecretKey === '') return;
  const mine = publicKeyLine(config);
  const base = await readBase(config);
  if (base !== undefined) checkKeyUnchanged(parseEntry(base.text, base.where), mine, base.where);
  if (registry.repo !== undefined) {
    const id = ctx.state.manifest?.id ?? (await readOsaurusManifest(config)).id;
    const file = `plugins/${id}.json`;
    const { readRepoFile } = await import('../../github/pull-request.ts');
    const live = await readRepoFile(config.apiUrl, registry.token, registry.repo, file);
    const where = `${registry.repo.owner}/${registry.repo.name}:${file}`;
    if (live !== undefined) checkKeyUnchanged(parseEntry(live, where), mine, where);
  }
}
