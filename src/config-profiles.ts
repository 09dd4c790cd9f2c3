import path from 'node:path';
import { ReleaseError } from './errors.ts';
import type { RawInputs } from './inputs.ts';

/**
 * The profile-specific part of the typed configuration, parsed by pure functions of the raw
 * inputs and the environment (no file system, no network). Values that name files are resolved
 * against `working-directory`; secrets are kept as given (the entry points mask them first).
 * Which profile reads which field is documented in action.yml and the README.
 */
export interface RepoName {
  owner: string;
  name: string;
}

export interface RegistryConfig {
  /** Where to write the ecosystem registry's entry file (osaurus, elizaos). */
  entry: string | undefined;
  /** The current entry to merge into (osaurus). */
  base: string | undefined;
  /** The registry repository to open the pull request against. */
  repo: RepoName | undefined;
  token: string;
}

export interface OsaurusConfig {
  /** Path or glob of the built library; undefined means the one `*.dylib` here. */
  dylib: string | undefined;
  minisignSecretKey: string;
  minisignPassword: string;
  minisignPublicKey: string;
}

export interface BiosimulantConfig {
  /** Absolute; undefined means the manifest's directory. */
  payloadDir: string | undefined;
  /** A PEM, or a path to one (from `signing-key` or BIOSIMULANT_PLUGIN_SIGNING_KEY). */
  signingKey: string;
  signerId: string;
  trustedSigningKeys: string[];
}

export interface NpmConfig {
  /** Registry URL with a trailing slash; undefined means npm's configured default. */
  registry: string | undefined;
  /** From `npm-token`, else NODE_AUTH_TOKEN. */
  token: string;
  /** undefined: by prerelease (see the elizaos profile). */
  tag: string | undefined;
  access: 'public' | 'restricted';
  provenance: boolean;
}

export interface PryzmConfig {
  /** The key file JSON, a base64 seed, or a path to either (or PRYZM_PUBLISHER_KEY). */
  publisherKey: string;
  publisher: string | undefined;
  marketplaceUrl: string | undefined;
  marketplaceToken: string;
  /** A file path (absolute) or an https URL. */
  revocationList: string | undefined;
  trustedPublisherKeys: string[];
}

export interface ProfileConfig {
  allowUnknownTargets: boolean;
  registry: RegistryConfig;
  osaurus: OsaurusConfig;
  biosimulant: BiosimulantConfig;
  npm: NpmConfig;
  pryzm: PryzmConfig;
}

type Env = Readonly<Record<string, string | undefined>>;

function usage(message: string): ReleaseError {
  return new ReleaseError('USAGE', message);
}

function text(inputs: RawInputs, name: string): string {
  return (inputs[name] ?? '').trim();
}

function optional(inputs: RawInputs, name: string): string | undefined {
  const v = text(inputs, name);
  return v === '' ? undefined : v;
}

/** Entries separated by commas or newlines (keys may contain neither). */
export function splitEntries(value: string): string[] {
  return value
    .split(/[,\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function repoName(value: string | undefined, input: string): RepoName | undefined {
  if (value === undefined) return undefined;
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value);
  if (!m) throw usage(`input '${input}' is '${value}': expected format {owner}/{repo}`);
  return { owner: m[1]!, name: m[2]! };
}

function httpUrl(value: string | undefined, input: string, httpsOnly = false): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usage(`input '${input}' is '${value}': expected an absolute URL, e.g. https://host/path`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (!httpsOnly || loopback))) {
    throw usage(`input '${input}' is '${value}': expected an https:// URL`);
  }
  return url.href;
}

export function parseProfileConfig(inputs: RawInputs, env: Env, cwd: string): ProfileConfig {
  const inside = (p: string | undefined) => (p === undefined ? undefined : path.resolve(cwd, p));
  const bool = (name: string) => {
    const v = text(inputs, name).toLowerCase();
    if (v === 'true') return true;
    if (v === 'false' || v === '') return false;
    throw usage(`input '${name}' is '${inputs[name]}': expected true or false`);
  };
  const access = text(inputs, 'npm-access').toLowerCase() || 'public';
  if (access !== 'public' && access !== 'restricted')
    throw usage(`input 'npm-access' is '${access}': expected public or restricted`);
  const npmTag = optional(inputs, 'npm-tag');
  if (npmTag !== undefined && !/^[A-Za-z][A-Za-z0-9._-]*$/.test(npmTag))
    throw usage(
      `input 'npm-tag' is '${npmTag}': a dist-tag starts with a letter and has no '/' or blanks (npm reads a version or range there instead), e.g. beta`,
    );
  const registry = httpUrl(optional(inputs, 'npm-registry'), 'npm-registry');
  const revocation = optional(inputs, 'revocation-list');
  return {
    allowUnknownTargets: bool('allow-unknown-targets'),
    registry: {
      entry: inside(optional(inputs, 'registry-entry')),
      base: inside(optional(inputs, 'registry-base')),
      repo: repoName(optional(inputs, 'registry-repo'), 'registry-repo'),
      token: text(inputs, 'registry-token'),
    },
    osaurus: {
      dylib: optional(inputs, 'dylib'),
      minisignSecretKey: (inputs['minisign-secret-key'] ?? '').trim(),
      minisignPassword: inputs['minisign-password'] ?? '',
      minisignPublicKey: text(inputs, 'minisign-public-key'),
    },
    biosimulant: {
      payloadDir: inside(optional(inputs, 'payload-dir')),
      signingKey: text(inputs, 'signing-key') || (env.BIOSIMULANT_PLUGIN_SIGNING_KEY ?? '').trim(),
      signerId: text(inputs, 'signer-id'),
      trustedSigningKeys: splitEntries(inputs['trusted-signing-keys'] ?? ''),
    },
    npm: {
      registry: registry === undefined ? undefined : registry.replace(/\/*$/, '/'),
      token: text(inputs, 'npm-token') || (env.NODE_AUTH_TOKEN ?? '').trim(),
      tag: npmTag,
      access,
      provenance: bool('npm-provenance'),
    },
    pryzm: {
      publisherKey: text(inputs, 'pryzm-publisher-key') || (env.PRYZM_PUBLISHER_KEY ?? '').trim(),
      publisher: optional(inputs, 'pryzm-publisher'),
      marketplaceUrl: httpUrl(optional(inputs, 'marketplace-url'), 'marketplace-url')?.replace(
        /\/+$/,
        '',
      ),
      marketplaceToken: text(inputs, 'marketplace-token'),
      revocationList:
        revocation === undefined
          ? undefined
          : /^https?:\/\//.test(revocation)
            ? httpUrl(revocation, 'revocation-list', true)
            : inside(revocation),
      trustedPublisherKeys: splitEntries(inputs['trusted-publisher-keys'] ?? ''),
    },
  };
}
