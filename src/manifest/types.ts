/**
 * The manifest-reader seam. Each plugin ecosystem ships its own manifest format; a
 * `ManifestReader` turns one such file into the few facts the release pipeline needs and reports
 * every problem it finds (never just the first), each with a file/line/column location.
 */
import type { Diagnostic } from '../errors.ts';

/** The facts the release pipeline needs from a plugin manifest. */
export interface PluginManifest {
  id: string;
  version: string;
  name: string;
  description: string;
  minNexoVersion: string;
  /** Path of the manifest as given by the caller (not resolved). */
  file: string;
  /** The manifest's raw text, so it can be published byte for byte. */
  text: string;
}

export interface ManifestCheck {
  /** Present only when there are no diagnostics. */
  manifest?: PluginManifest;
  diagnostics: Diagnostic[];
}

export interface ManifestReader {
  /** The exact, case-sensitive file name of the manifest, e.g. 'nexo-plugin.toml'. */
  readonly fileName: string;
  /** Parses and checks manifest text. Never throws for user errors: returns every diagnostic. */
  check(text: string, file: string): ManifestCheck;
  /**
   * Reads the file and checks it. Throws ReleaseError MANIFEST_NOT_FOUND (no such file),
   * MANIFEST_PARSE (not UTF-8 or not TOML) or MANIFEST_INVALID (rule violations), carrying every
   * diagnostic in `error.diagnostics` and the first one's location in `error.location`.
   */
  read(path: string): Promise<PluginManifest>;
}
