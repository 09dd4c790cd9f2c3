import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ReleaseError, type Diagnostic } from '../../errors.ts';
import { JsonSyntaxError, parseJsonSource } from '../../manifest/json-source.ts';
import type { ProfileManifest } from '../types.ts';
import { validateManifestValue, type PryzmManifestValue } from './schema.ts';

/**
 * Reads `plugin.manifest.json` as PRYZM's SDK does (UTF-8, `JSON.parse`, the v1 schema) and the
 * `package.json` next to it, whose `version` must be the manifest's: npm packs that directory,
 * and the tarball's name and contents come from it.
 */
export interface PryzmManifest extends ProfileManifest {
  /** The validated manifest (unknown keys dropped, defaults filled in): what gets signed. */
  validated: PryzmManifestValue;
  /** The npm package's name and directory (the manifest's directory). */
  packageName: string;
  packageDir: string;
  /** Unknown keys dropped from the manifest, each with where it is written. */
  warnings: Diagnostic[];
}

export function isPryzmManifest(m: ProfileManifest): m is PryzmManifest {
  return 'validated' in m && 'packageName' in m;
}

function decode(bytes: Uint8Array, file: string, code: 'MANIFEST_PARSE'): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ReleaseError(code, `${file} is not valid UTF-8; re-save it as UTF-8`, {
      location: { file },
    });
  }
}

async function readText(file: string, what: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT' || code === 'ENOTDIR'
        ? `${what} not found: ${file}`
        : code === 'EISDIR'
          ? `${file} is a directory; pass the path of the ${path.basename(file)} file inside it`
          : `cannot read ${file}: ${(e as Error).message}`;
    throw new ReleaseError('MANIFEST_NOT_FOUND', message, { location: { file }, cause: e });
  }
  return decode(bytes, file, 'MANIFEST_PARSE');
}

function parse(text: string, file: string) {
  try {
    return parseJsonSource(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const location = { file, line: e.line, column: e.column };
    const message = `${path.basename(file)} is not valid JSON: ${e.message}; fix the syntax at this position`;
    throw new ReleaseError('MANIFEST_PARSE', `${file}:${e.line}:${e.column}: ${message}`, {
      location,
      diagnostics: [{ message, location }],
    });
  }
}

/** Reading order; the sort is stable, so issues at one place keep the schema's order. */
function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
    (a.location?.column ?? 0) - (b.location?.column ?? 0)
  );
}

function listed(diagnostics: Diagnostic[]): string {
  return diagnostics
    .map((d) => `  ${d.location?.file}:${d.location?.line}:${d.location?.column}: ${d.message}`)
    .join('\n');
}

/** Validates manifest text; throws MANIFEST_PARSE / MANIFEST_INVALID with every diagnostic. */
export function checkManifestText(
  text: string,
  file: string,
): { validated: PryzmManifestValue; warnings: Diagnostic[] } {
  const src = parse(text, file);
  const result = validateManifestValue(src.value);
  const locate = (p: { path: readonly (string | number)[]; where: 'key' | 'value' }) => ({
    file,
    ...(p.where === 'key' ? src.keyAt(p.path) : src.at(p.path)),
  });
  const warnings: Diagnostic[] = result.dropped.map((d) => ({
    message: d.message,
    location: locate(d),
  }));
  for (const d of src.duplicates) {
    warnings.push({
      message: `key '${String(d.path.at(-1))}' is written twice in one object; JSON.parse keeps the last one only. Remove the duplicate`,
      location: { file, ...d.position },
    });
  }
  warnings.sort(byPosition);
  if (result.manifest === undefined) {
    const diagnostics = result.issues
      .map((i): Diagnostic => ({ message: i.message, location: locate(i) }))
      .sort(byPosition);
    const n = diagnostics.length;
    throw new ReleaseError(
      'MANIFEST_INVALID',
      `${file} has ${n} problem${n === 1 ? '' : 's'} PRYZM's manifest schema (v1) rejects:\n${listed(diagnostics)}`,
      { location: diagnostics[0]?.location ?? { file }, diagnostics },
    );
  }
  return { validated: result.manifest, warnings };
}

async function readPackageJson(dir: string, version: string): Promise<string> {
  const file = path.join(dir, 'package.json');
  const src = parse(await readText(file, 'package.json (npm packs the plugin from it) was'), file);
  const pkg = src.value as { name?: unknown; version?: unknown } | null;
  const problems: Diagnostic[] = [];
  if (typeof pkg !== 'object' || pkg === null || Array.isArray(pkg)) {
    problems.push({
      message: 'package.json must be a JSON object',
      location: { file, line: 1, column: 1 },
    });
  } else {
    if (typeof pkg.name !== 'string' || pkg.name === '')
      problems.push({
        message: 'package.json has no "name": npm cannot pack it; add the package name',
        location: { file, ...src.at(['name']) },
      });
    if (pkg.version !== version) {
      const found = typeof pkg.version === 'string' ? pkg.version : 'no version';
      const location = { file, ...src.at(['version']) };
      const message = `package.json version is ${found}, plugin.manifest.json's is ${version}: they must be equal (the tarball is named and installed by the package.json version). Set "version": "${version}" in package.json`;
      if (problems.length === 0) throw new ReleaseError('VERSION_MISMATCH', message, { location });
      problems.push({ message, location });
    }
  }
  if (problems.length > 0)
    throw new ReleaseError('MANIFEST_INVALID', `${file} cannot be packed:\n${listed(problems)}`, {
      location: problems[0]!.location!,
      diagnostics: problems,
    });
  return (pkg as { name: string }).name;
}

export async function readPryzmManifest(file: string): Promise<PryzmManifest> {
  const text = await readText(
    file,
    `manifest plugin.manifest.json (a PRYZM plugin keeps it at its package root) was`,
  );
  const { validated, warnings } = checkManifestText(text, file);
  const packageDir = path.dirname(file);
  const packageName = await readPackageJson(packageDir, validated.version);
  return {
    id: validated.id,
    version: validated.version,
    name: validated.displayName,
    description: validated.description,
    file,
    text,
    validated,
    packageName,
    packageDir,
    warnings,
  };
}
