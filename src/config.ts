import path from 'node:path';
import { ReleaseError } from './errors.ts';
import { parseProfileConfig, type ProfileConfig } from './config-profiles.ts';
import { ECOSYSTEMS, type EcosystemName } from './ecosystems/types.ts';
import { COMMANDS, type Command, type RawInputs } from './inputs.ts';
import {
  DEFAULT_FULCIO_URL,
  DEFAULT_REKOR_URL,
  SIGNATURE_FILE_KINDS,
  type SignatureFileKind,
} from './sign/config.ts';

/**
 * The one typed, read-only configuration. Built by a pure function of the raw inputs and an
 * environment snapshot, so every entry point (action, CLI, tests) gets the same behaviour.
 * Nothing here touches the file system or the network.
 */
export type Notes =
  { kind: 'generate' } | { kind: 'changelog' } | { kind: 'file'; path: string } | { kind: 'none' };

export { SIGNATURE_FILE_KINDS, type SignatureFileKind } from './sign/config.ts';

export interface Config extends Readonly<ProfileConfig> {
  readonly command: Command;
  /** `auto` until the profile is resolved (ecosystems/index.ts), then the profile's name. */
  readonly ecosystem: 'auto' | EcosystemName;
  /** True when the `manifest` input was given; otherwise the profile's file is used. */
  readonly manifestExplicit: boolean;
  readonly workingDirectory: string;
  /** The tag from the input or GITHUB_REF, `refs/tags/` stripped; undefined when neither names one. */
  readonly tag: string | undefined;
  /** Why there is no tag, for the error raised by the steps that need one. */
  readonly tagHint: string;
  readonly manifestPath: string;
  readonly targets: readonly string[];
  readonly binaryTemplate: string;
  readonly include: readonly string[];
  readonly targetAliases: readonly { from: string; to: string }[];
  readonly distDir: string;
  /** Explicit epoch from the input or SOURCE_DATE_EPOCH; undefined means "HEAD's commit time, else 0". */
  readonly sourceDateEpoch: number | undefined;
  readonly compressionLevel: number;
  readonly dryRun: boolean;
  readonly token: string;
  readonly repo: { owner: string; name: string } | undefined;
  /** True when the `repo` input was given (not taken from GITHUB_REPOSITORY). */
  readonly repoExplicit: boolean;
  readonly apiUrl: string;
  readonly serverUrl: string;
  readonly draft: boolean;
  readonly prerelease: 'auto' | 'true' | 'false';
  readonly makeLatest: 'auto' | 'true' | 'false' | 'legacy';
  readonly notes: Notes;
  readonly overwriteNotes: boolean;
  readonly concurrency: number;
  readonly sign: boolean;
  readonly signatureFiles: readonly SignatureFileKind[];
  readonly fulcioUrl: string;
  readonly rekorUrl: string;
  readonly tsaUrl: string | undefined;
  readonly trustedRoot: string | undefined;
  readonly verify: boolean;
  readonly requireSignature: boolean;
  readonly certificateIdentityRegexp: string | undefined;
  readonly certificateOidcIssuer: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

const TARGET_RE = /^[A-Za-z0-9_]+(?:[-.][A-Za-z0-9_]+)*$/;

/** Splits a list input on commas, whitespace and newlines. */
export function splitList(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function usage(message: string): ReleaseError {
  return new ReleaseError('USAGE', message);
}

function bool(inputs: RawInputs, name: string): boolean {
  const v = (inputs[name] ?? '').trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false' || v === '') return false;
  throw usage(`input '${name}' is '${inputs[name]}': expected true or false`);
}

function int(inputs: RawInputs, name: string, min: number, max: number): number {
  const raw = (inputs[name] ?? '').trim();
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) {
    throw usage(`input '${name}' is '${raw}': expected a whole number from ${min} to ${max}`);
  }
  return n;
}

function oneOf<T extends string>(inputs: RawInputs, name: string, allowed: readonly T[]): T {
  const v = (inputs[name] ?? '').trim().toLowerCase();
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw usage(`input '${name}' is '${inputs[name]}': expected one of ${allowed.join(', ')}`);
}

function resolveTag(input: string, env: Config['env']): { tag?: string; hint: string } {
  const strip = (t: string) => t.replace(/^refs\/tags\//, '');
  if (input.trim() !== '') return { tag: strip(input.trim()), hint: '' };
  const ref = env.GITHUB_REF ?? '';
  if (ref.startsWith('refs/tags/')) return { tag: strip(ref), hint: '' };
  const where = ref === '' ? 'no GITHUB_REF is set' : `this run is on ${ref}, not a tag`;
  return {
    hint: `no tag to release: ${where}. Pass the tag explicitly (action: \`tag: \${{ inputs.tag }}\` for workflow_dispatch; CLI: --tag v1.2.3)`,
  };
}

function parseAliases(value: string): { from: string; to: string }[] {
  return splitList(value).map((pair) => {
    const m = /^([^=]+)=([^=]+)$/.exec(pair);
    if (!m)
      throw usage(
        `target-aliases entry '${pair}': expected from=to, e.g. x86_64-unknown-linux-musl=x86_64-unknown-linux-gnu`,
      );
    return { from: m[1]!, to: m[2]! };
  });
}

function parseNotes(value: string): Notes {
  const v = value.trim();
  if (v === '' || v === 'generate') return { kind: 'generate' };
  if (v === 'changelog') return { kind: 'changelog' };
  if (v === 'none') return { kind: 'none' };
  if (v.startsWith('file:') && v.length > 5) return { kind: 'file', path: v.slice(5) };
  throw usage(`input 'notes' is '${value}': expected generate, changelog, none or file:<path>`);
}

function parseRepo(value: string, env: Config['env']): Config['repo'] {
  const full = value.trim() !== '' ? value.trim() : (env.GITHUB_REPOSITORY ?? '');
  if (full === '') return undefined;
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(full);
  if (!m) throw usage(`repository '${full}': expected format {owner}/{repo}`);
  return { owner: m[1]!, name: m[2]! };
}

function parseSignatureFiles(value: string): SignatureFileKind[] {
  const kinds = splitList(value).map((k) => k.replace(/^\./, ''));
  for (const k of kinds) {
    if (!(SIGNATURE_FILE_KINDS as readonly string[]).includes(k)) {
      throw usage(
        `signature-files entry '${k}': expected some of ${SIGNATURE_FILE_KINDS.join(', ')}`,
      );
    }
  }
  if (kinds.length === 0)
    throw usage(
      `signature-files is empty: name at least one of ${SIGNATURE_FILE_KINDS.join(', ')}`,
    );
  return [...new Set(kinds as SignatureFileKind[])];
}

/** The `binary` template: `{id}` and `{target}` are its only placeholders. */
function parseBinaryTemplate(value: string): string {
  const template = value.trim() || 'target/{target}/release/{id}';
  for (const m of template.matchAll(/\{([^{}]*)\}/g)) {
    if (m[1] !== 'id' && m[1] !== 'target')
      throw usage(
        `binary '${template}' has the unknown placeholder {${m[1]}}: the valid ones are {id} (the plugin id) and {target} (the target triple), e.g. target/{target}/release/{id}`,
      );
  }
  return template;
}

function parseEpoch(inputs: RawInputs, env: Config['env']): number | undefined {
  const raw = (inputs['source-date-epoch'] ?? '').trim() || (env.SOURCE_DATE_EPOCH ?? '').trim();
  if (raw === '') return undefined;
  if (!/^\d{1,11}$/.test(raw)) {
    throw usage(`source-date-epoch '${raw}': expected seconds since 1970 as a whole number`);
  }
  return Number(raw);
}

export function parseConfig(
  inputs: RawInputs,
  env: Config['env'],
  cwd0: string = process.cwd(),
): Config {
  const command = oneOf(inputs, 'command', COMMANDS);
  const cwd = path.resolve(cwd0, inputs['working-directory'] || '.');
  const inside = (p: string) => path.resolve(cwd, p);
  const targets = [...new Set(splitList(inputs.targets ?? ''))];
  for (const t of targets) {
    if (!TARGET_RE.test(t)) {
      throw new ReleaseError(
        'TARGET_INVALID',
        `target '${t}' is not a target triple (letters, digits, _ . and -), e.g. x86_64-unknown-linux-gnu or noarch`,
      );
    }
  }
  const aliases = parseAliases(inputs['target-aliases'] ?? '');
  for (const a of aliases) {
    for (const t of [a.from, a.to]) {
      if (!TARGET_RE.test(t))
        throw new ReleaseError('TARGET_INVALID', `target-aliases: '${t}' is not a target triple`);
    }
  }
  const { tag, hint } = resolveTag(inputs.tag ?? '', env);
  const identity = (inputs['certificate-identity-regexp'] ?? '').trim();
  const tsa = (inputs['tsa-url'] ?? '').trim();
  const root = (inputs['trusted-root'] ?? '').trim();
  const manifestInput = (inputs.manifest ?? '').trim();
  return {
    ...parseProfileConfig(inputs, env, cwd),
    command,
    ecosystem: oneOf(inputs, 'ecosystem', ['auto', ...ECOSYSTEMS] as const),
    manifestExplicit: manifestInput !== '',
    workingDirectory: cwd,
    tag,
    tagHint: hint,
    // The profile's own file replaces this default once the profile is known.
    manifestPath: inside(manifestInput || 'nexo-plugin.toml'),
    targets,
    binaryTemplate: parseBinaryTemplate(inputs.binary ?? ''),
    include: splitList(inputs.include ?? ''),
    targetAliases: aliases,
    distDir: inside(inputs.dist || 'dist'),
    sourceDateEpoch: parseEpoch(inputs, env),
    compressionLevel: int(inputs, 'compression-level', 1, 9),
    dryRun: bool(inputs, 'dry-run'),
    token: inputs.token ?? '',
    repo: parseRepo(inputs.repo ?? '', env),
    repoExplicit: (inputs.repo ?? '').trim() !== '',
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, ''),
    draft: bool(inputs, 'draft'),
    prerelease: oneOf(inputs, 'prerelease', ['auto', 'true', 'false'] as const),
    makeLatest: oneOf(inputs, 'make-latest', ['auto', 'true', 'false', 'legacy'] as const),
    notes: parseNotes(inputs.notes ?? ''),
    overwriteNotes: bool(inputs, 'overwrite-notes'),
    concurrency: int(inputs, 'concurrency', 1, 64),
    // `command: sign` exists to sign: it never succeeds having signed nothing.
    sign: command === 'sign' || bool(inputs, 'sign'),
    signatureFiles: parseSignatureFiles(
      inputs['signature-files'] || SIGNATURE_FILE_KINDS.join(','),
    ),
    fulcioUrl: (inputs['fulcio-url'] ?? '').trim() || DEFAULT_FULCIO_URL,
    rekorUrl: (inputs['rekor-url'] ?? '').trim() || DEFAULT_REKOR_URL,
    tsaUrl: tsa === '' ? undefined : tsa,
    trustedRoot: root === '' ? undefined : inside(root),
    verify: bool(inputs, 'verify'),
    requireSignature: bool(inputs, 'require-signature'),
    certificateIdentityRegexp: identity === '' ? undefined : identity,
    certificateOidcIssuer:
      (inputs['certificate-oidc-issuer'] ?? '').trim() ||
      'https://token.actions.githubusercontent.com',
    env,
  };
}
