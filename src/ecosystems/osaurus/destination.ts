import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveEpoch } from '../../artifacts.ts';
import type { RunContext } from '../../context.ts';
import { ReleaseError } from '../../errors.ts';
import type { Destination } from '../types.ts';
import { readOsaurusManifest } from './manifest.ts';
import { zipName } from './plan.ts';
import { entryOf, finishEntry, readBase } from './registry-file.ts';

/**
 * The osaurus-tools registry pull request, once the release is live: `plugins/<plugin_id>.json`
 * merged into the registry's current entry (else `registry-base`, else new), on branch
 * `plugin/<plugin_id>-<version>`, titled and committed `Add <plugin_id> v<version>`, from a fork
 * when the token cannot push. A rerun updates the same branch and pull request.
 */
const isNotSet = (ctx: RunContext) => ctx.config.registry.repo === undefined;

export const registryPullRequest: Destination = {
  name: 'registry pull request',
  skip: (ctx) =>
    isNotSet(ctx)
      ? 'registry-repo is not set'
      : ctx.config.osaurus.minisignSecretKey === ''
        ? 'no minisign-secret-key: the registry lists signed artifacts only'
        : undefined,
  async run(ctx: RunContext): Promise<void> {
    const { config, reporter } = ctx;
    const repo = config.registry.repo!;
    const manifest = await readOsaurusManifest(config);
    const name = zipName(manifest.id, manifest.version);
    const file = path.join(config.distDir, name);
    const [bytes, signature] = await Promise.all([
      fs.readFile(file),
      fs.readFile(`${file}.minisig`, 'utf8'),
    ]).catch((e: unknown) => {
      throw new ReleaseError(
        'DIST_MISSING',
        `${name} and its .minisig must be in ${config.distDir} to write the registry entry: ${(e as Error).message}`,
      );
    });
    const ours = await entryOf(config, manifest, {
      name,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      signature,
      epoch: await resolveEpoch(config.sourceDateEpoch, config.workingDirectory),
    });
    const entryFile = `plugins/${manifest.id}.json`;
    const { openRegistryPullRequest, readRepoFile } = await import('../../github/pull-request.ts');
    const current = await readRepoFile(config.apiUrl, config.registry.token, repo, entryFile);
    const base =
      current === undefined
        ? await readBase(config)
        : { text: current, where: `${repo.owner}/${repo.name}:${entryFile}` };
    const { text } = finishEntry(ours, base);
    const title = `Add ${manifest.id} v${manifest.version}`;
    const source = config.repo === undefined ? '' : `${config.repo.owner}/${config.repo.name}`;
    const result = await openRegistryPullRequest({
      apiUrl: config.apiUrl,
      token: config.registry.token,
      repo,
      dirCandidates: ['plugins'],
      fileName: `${manifest.id}.json`,
      content: text,
      branch: `plugin/${manifest.id}-${manifest.version}`,
      title,
      commitMessage: title,
      body: [
        `**Plugin:** \`${manifest.id}\``,
        `**Version:** \`${manifest.version}\``,
        `**Source:** [${source}](${config.serverUrl}/${source})`,
        '',
        '---',
        '*Opened by plugin-release-action from the release*',
        '',
      ].join('\n'),
      log: (m) => reporter.info(m),
    });
    const what = {
      opened: 'opened',
      updated: 'updated',
      unchanged: 'is up to date',
      'already-on-base': 'not needed: the registry already has this entry',
    }[result.action];
    reporter.info(`registry pull request ${what}${result.url ? `: ${result.url}` : ''}`);
    reporter.summary(
      `### Registry\n\n${result.path} in ${repo.owner}/${repo.name}: pull request ${what}${result.url ? ` ([#${result.number}](${result.url}))` : ''}\n`,
    );
  },
};
