/**
 * Reader for `nexo-plugin.toml`, the manifest of the nexo plugin system (lordmacu/nexo-rs). It
 * applies what the installer applies (UTF-8, TOML, the serde schema with unknown keys rejected,
 * strict SemVer `version`, Rust `VersionReq` `min_nexo_version`) and what the daemon applies at
 * start (id pattern, tool namespace, paths, channel kinds, ...), and reports every problem with
 * file, line and column.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { parse, TomlError } from 'smol-toml';
import { ReleaseError, type Diagnostic } from '../errors.ts';
import { createLocator } from './locate.ts';
import { explainTomlError } from './toml-errors.ts';
import { checkNexoRules } from './nexo-rules.ts';
import { NEXO_MANIFEST_SCHEMA } from './schema.ts';
import { checkShape, isTable, type Issue } from './shape.ts';
import type { ManifestCheck, ManifestReader, PluginManifest } from './types.ts';

const FILE_NAME = 'nexo-plugin.toml';

interface Inspection extends ManifestCheck {
  /** True when the text is not TOML 1.0 (MANIFEST_PARSE rather than MANIFEST_INVALID). */
  syntaxError: boolean;
}

function inspect(text: string, file: string): Inspection {
  let doc: unknown;
  try {
    doc = parse(text, { integersAsBigInt: true });
  } catch (e) {
    if (!(e instanceof TomlError)) throw e;
    const raw = e.message.replace(/^Invalid TOML document: /, '').split('\n')[0] ?? '';
    const { reason, line, column } = explainTomlError(text, raw, {
      line: e.line,
      column: e.column,
    });
    const message = `${basename(file)} is not valid TOML: ${reason}`;
    return { syntaxError: true, diagnostics: [{ message, location: { file, line, column } }] };
  }

  const issues: Issue[] = [];
  checkShape(doc, NEXO_MANIFEST_SCHEMA, [], issues);
  checkNexoRules(doc, issues);
  const locator = createLocator(text);
  const diagnostics = issues.map((issue): Diagnostic => {
    const pos = issue.where === 'table' ? locator.table(issue.path) : locator.at(issue.path);
    return { message: issue.message, location: { file, ...pos } };
  });
  for (const { line, column, what, fix } of locator.toml11) {
    const message = `${basename(file)} uses ${what}, which is TOML 1.1: the nexo installer's TOML 1.0 parser rejects it; ${fix}`;
    diagnostics.push({ message, location: { file, line, column } });
  }
  if (diagnostics.length > 0) {
    // In reading order; Array.prototype.sort is stable, so same-place issues keep rule order.
    diagnostics.sort(
      (a, b) =>
        (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
        (a.location?.column ?? 0) - (b.location?.column ?? 0),
    );
    return { syntaxError: locator.toml11.length > 0, diagnostics };
  }

  // The shape check passed, so these are present and are strings.
  const plugin = isTable(doc) && isTable(doc['plugin']) ? doc['plugin'] : {};
  const field = (key: string): string => String(plugin[key]);
  const manifest: PluginManifest = {
    id: field('id'),
    version: field('version'),
    name: field('name'),
    description: field('description'),
    minNexoVersion: field('min_nexo_version'),
    file,
    text,
  };
  return { syntaxError: false, manifest, diagnostics: [] };
}

/** Decodes strict UTF-8 (as the installer's `from_utf8`), keeping a BOM so `text` stays raw. */
function decodeUtf8(bytes: Uint8Array, file: string): string {
  const decode = (b: Uint8Array, stream = false): string =>
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b, { stream });
  try {
    return decode(bytes);
  } catch {
    // A prefix that decodes (as a stream, so a cut-off sequence is fine) stays valid when
    // shortened, so binary-search the longest valid prefix; the next byte is the bad one.
    let good = 0;
    let bad = bytes.length;
    while (bad - good > 1) {
      const mid = (good + bad) >> 1;
      try {
        decode(bytes.subarray(0, mid), true);
        good = mid;
      } catch {
        bad = mid;
      }
    }
    const before = decode(bytes.subarray(0, good), true);
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    const message = `${basename(file)} is not valid UTF-8 (the nexo installer rejects it); re-save the file as UTF-8`;
    const location = { file, line, column };
    throw new ReleaseError('MANIFEST_PARSE', message, {
      location,
      diagnostics: [{ message, location }],
    });
  }
}

async function notFound(path: string, cause: unknown): Promise<ReleaseError> {
  const code = (cause as NodeJS.ErrnoException).code;
  let message = `cannot read ${path}: ${(cause as Error).message}`;
  if (code === 'EISDIR')
    message = `${path} is a directory; pass the path of the ${FILE_NAME} file inside it`;
  else if (code === 'ENOENT' || code === 'ENOTDIR') {
    message = `manifest not found: ${path}; a nexo plugin needs a ${FILE_NAME} at its root (exact, case-sensitive name)`;
    const entries = await readdir(dirname(path)).catch(() => [] as string[]);
    const near = entries.find((e) => e.toLowerCase() === basename(path).toLowerCase());
    if (near !== undefined) message += `; found '${near}' there: rename it to '${basename(path)}'`;
  }
  return new ReleaseError('MANIFEST_NOT_FOUND', message, { location: { file: path }, cause });
}

export const nexoManifestReader: ManifestReader = {
  fileName: FILE_NAME,

  check(text: string, file: string): ManifestCheck {
    const { manifest, diagnostics } = inspect(text, file);
    return manifest === undefined ? { diagnostics } : { manifest, diagnostics };
  },

  async read(path: string): Promise<PluginManifest> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (e) {
      throw await notFound(path, e);
    }
    const result = inspect(decodeUtf8(bytes, path), path);
    if (result.manifest !== undefined) return result.manifest;
    const lines = result.diagnostics.map(
      (d) => `  ${d.location?.file}:${d.location?.line}:${d.location?.column}: ${d.message}`,
    );
    const count = result.diagnostics.length;
    const what = result.syntaxError
      ? 'is not valid TOML'
      : `has ${count} problem${count === 1 ? '' : 's'} the nexo installer or daemon would reject`;
    throw new ReleaseError(
      result.syntaxError ? 'MANIFEST_PARSE' : 'MANIFEST_INVALID',
      `${path} ${what}:\n${lines.join('\n')}`,
      {
        location: result.diagnostics[0]?.location ?? { file: path },
        diagnostics: result.diagnostics,
      },
    );
  },
};
