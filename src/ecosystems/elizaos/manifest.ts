import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ReleaseError, type Diagnostic } from '../../errors.ts';
import { JsonSyntaxError, parseJsonSource } from '../../manifest/json-source.ts';
import type { ProfileManifest } from '../types.ts';
import { checkPackage, type ElizaPackage } from './rules.ts';

/**
 * Reads package.json as npm does (UTF-8, a leading BOM ignored, JSON), applies the ElizaOS rules
 * and reports every violation at once, each at its file:line:col. The file is never modified:
 * unlike `elizaos publish`, nothing is filled in or rewritten.
 */

export interface ElizaManifest {
  manifest: ProfileManifest;
  pkg: ElizaPackage;
}

type Checked =
  | { pkg: ElizaPackage; diagnostics: [] }
  | { pkg?: undefined; diagnostics: Diagnostic[]; syntax: boolean };

/** Pure: the rules over package.json text. */
export function checkManifestText(text: string, file: string): Checked {
  const bom = text.charCodeAt(0) === 0xfeff;
  const body = bom ? text.slice(1) : text;
  const shift = (p: { line: number; column: number }) => ({
    file,
    line: p.line,
    column: p.line === 1 && bom ? p.column + 1 : p.column,
  });
  let source;
  try {
    source = parseJsonSource(body);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const message = `${path.basename(file)} is not valid JSON: ${e.message}; fix the syntax at this position`;
    return { diagnostics: [{ message, location: shift(e) }], syntax: true };
  }
  const { issues, pkg } = checkPackage(source.value);
  if (pkg !== undefined) return { pkg, diagnostics: [] };
  const diagnostics = issues.map((i): Diagnostic => ({
    message: i.message,
    location: shift(source.keyAt(i.path)),
  }));
  diagnostics.sort(
    (a, b) =>
      (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
      (a.location?.column ?? 0) - (b.location?.column ?? 0),
  );
  return { diagnostics, syntax: false };
}

/** The facts of an already validated manifest (pure; throws if its text no longer passes). */
export function elizaPackage(manifest: ProfileManifest): ElizaPackage {
  const checked = checkManifestText(manifest.text, manifest.file);
  if (checked.pkg === undefined)
    throw new ReleaseError(
      'MANIFEST_INVALID',
      `${manifest.file} no longer passes the ElizaOS rules`,
    );
  return checked.pkg;
}

export async function readElizaManifest(file: string): Promise<ElizaManifest> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ReleaseError(
      'MANIFEST_NOT_FOUND',
      code === 'ENOENT' || code === 'ENOTDIR'
        ? `manifest not found: ${file}; an ElizaOS plugin is an npm package with a package.json holding an agentConfig object. Set working-directory to the plugin's folder`
        : `cannot read ${file}: ${(e as Error).message}`,
      { location: { file }, cause: e },
    );
  }
  const checked = checkManifestText(text, file);
  if (checked.pkg === undefined) {
    const count = checked.diagnostics.length;
    const lines = checked.diagnostics.map(
      (d) => `  ${d.location?.file}:${d.location?.line}:${d.location?.column}: ${d.message}`,
    );
    throw new ReleaseError(
      checked.syntax ? 'MANIFEST_PARSE' : 'MANIFEST_INVALID',
      `${file} ${checked.syntax ? 'is not valid JSON' : `has ${count} problem${count === 1 ? '' : 's'} an ElizaOS plugin release cannot have`}:\n${lines.join('\n')}`,
      { location: checked.diagnostics[0]?.location ?? { file }, diagnostics: checked.diagnostics },
    );
  }
  const { pkg } = checked;
  return {
    pkg,
    manifest: {
      id: pkg.name,
      version: pkg.version,
      name: pkg.name,
      description: pkg.description,
      file,
      text,
    },
  };
}
