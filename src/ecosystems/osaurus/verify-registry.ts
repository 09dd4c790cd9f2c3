import fs from 'node:fs/promises';
import type { Config } from '../../config.ts';
import type { Findings } from '../../verify/report.ts';
import { parseEntry, registeredKey } from './registry-entry.ts';
import { entryPath, readBase } from './registry-file.ts';
import { validateEntry } from './registry-validate.ts';

/**
 * A written `registry-entry`: every rule of the osaurus-tools validator (key immutability against
 * `registry-base`), and this version's artifact agrees with the asset: sha256 (any case), size,
 * the whole `.minisig`, a download URL ending in the zip's name.
 */
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export async function checkRegistryEntry(
  config: Config,
  f: Findings,
  r: {
    id: string;
    version: string;
    zip: string;
    sha256: string;
    size: number;
    minisig: string | undefined;
  },
): Promise<void> {
  const file = await entryPath(config, r.id);
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) {
    f.info(
      'registry',
      file,
      `registry-entry ${file} does not exist: it is written where the zip is packed and signed (pack or all, with minisign-secret-key), so a publish job does not check it`,
    );
    return;
  }
  let baseKey: string | undefined;
  try {
    const base = await readBase(config);
    baseKey = base === undefined ? undefined : registeredKey(parseEntry(base.text, base.where));
  } catch (e) {
    f.fail('registry', config.registry.base ?? file, 'registryInvalid', (e as Error).message);
  }
  const problems = validateEntry(text, r.id, baseKey);
  for (const p of problems) {
    f.fail(
      'registry',
      file,
      p.rule === 'immutable' ? 'registryKeyChanged' : 'registryInvalid',
      p.message,
    );
  }
  if (problems.length > 0) return;
  const entry = JSON.parse(text) as Record<string, unknown>;
  const version = (entry['versions'] as unknown[]).find(
    (v) => isObject(v) && v['version'] === r.version,
  );
  const artifacts = isObject(version) ? (version['artifacts'] as unknown[]) : [];
  const art = artifacts.find((a) => isObject(a) && a['os'] === 'macos' && a['arch'] === 'arm64');
  if (!isObject(art)) {
    f.fail('registry', file, 'registryInvalid', `no macos/arm64 artifact for version ${r.version}`);
    return;
  }
  const mismatches: [string, string][] = [];
  if (String(art['sha256']).toLowerCase() !== r.sha256)
    mismatches.push([
      'checksumMismatch',
      `sha256 ${String(art['sha256'])} is not the asset's ${r.sha256}`,
    ]);
  if ('size' in art && art['size'] !== r.size)
    mismatches.push([
      'downloadFailed',
      `size ${String(art['size'])} is not the asset's ${r.size} bytes`,
    ]);
  const sig = isObject(art['minisign']) ? art['minisign']['signature'] : undefined;
  if (r.minisig !== undefined && sig !== r.minisig)
    mismatches.push(['signatureInvalid', `minisign.signature is not the text of ${r.zip}.minisig`]);
  if (typeof art['url'] !== 'string' || !art['url'].endsWith(`/${r.zip}`))
    mismatches.push(['registryInvalid', `url ${String(art['url'])} does not name ${r.zip}`]);
  for (const [code, message] of mismatches) f.fail('registry', file, code, message);
  if (mismatches.length === 0)
    f.pass(
      'registry',
      file,
      `passes the osaurus-tools validator; version ${r.version} names this asset, its sha256, size and signature`,
    );
}
