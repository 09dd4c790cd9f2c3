import { INPUTS, type Command, type RawInputs } from './inputs.ts';

/**
 * Which command reads which input, as data. An input set to something other than its default
 * for a command that never reads it is almost always a mistake in the workflow (`binary` given
 * to a `publish` job that packs nothing), so both entry points warn, naming it. `all` reads
 * every input; inputs every command reads are not listed. `token` is never judged: the action
 * passes the workflow token to every command by default.
 *
 * The rows of profile inputs follow each profile's contract; a profile that comes to read an
 * input in another command changes its row here.
 */
type Used = readonly Exclude<Command, 'all'>[];

const EVERY: Used = ['validate', 'pack', 'sign', 'upload', 'publish', 'verify'];
const RELEASE: Used = ['upload', 'publish'];

export const INPUT_USAGE: Readonly<Record<string, Used>> = {
  command: EVERY,
  tag: EVERY,
  ecosystem: EVERY,
  manifest: EVERY,
  targets: EVERY,
  'allow-unknown-targets': EVERY,
  dist: EVERY,
  'working-directory': EVERY,
  'dry-run': EVERY,
  token: EVERY,
  binary: ['pack'],
  include: ['pack'],
  'target-aliases': ['pack', 'sign', 'upload', 'publish'],
  'source-date-epoch': ['pack'],
  'compression-level': ['pack'],
  repo: ['upload', 'publish', 'verify'],
  draft: ['publish'],
  prerelease: RELEASE,
  'make-latest': ['publish', 'verify'],
  notes: RELEASE,
  'overwrite-notes': RELEASE,
  concurrency: ['sign', 'upload', 'publish', 'verify'],
  sign: ['sign', 'publish'],
  'signature-files': ['sign', 'publish'],
  'fulcio-url': ['sign', 'publish'],
  'rekor-url': ['sign', 'publish'],
  'tsa-url': ['sign', 'publish'],
  'trusted-root': ['sign', 'publish', 'verify'],
  verify: ['publish'],
  'require-signature': ['publish', 'verify'],
  'certificate-identity-regexp': ['sign', 'publish', 'verify'],
  'certificate-oidc-issuer': ['sign', 'publish', 'verify'],
  dylib: ['validate', 'pack'],
  'minisign-secret-key': ['pack', 'sign', 'publish'],
  'minisign-password': ['pack', 'sign', 'publish'],
  'minisign-public-key': ['pack', 'sign', 'publish', 'verify'],
  'registry-entry': ['pack', 'publish'],
  'registry-base': ['pack', 'publish'],
  'registry-repo': ['publish'],
  'registry-token': ['publish'],
  'payload-dir': ['validate', 'pack'],
  'signing-key': ['pack', 'sign', 'publish'],
  'signer-id': ['pack', 'sign', 'publish'],
  'trusted-signing-keys': ['publish', 'verify'],
  'npm-registry': ['publish', 'verify'],
  'npm-token': ['publish'],
  'npm-tag': ['publish'],
  'npm-access': ['publish'],
  'npm-provenance': ['publish'],
  'pryzm-publisher-key': ['pack', 'sign', 'publish'],
  'pryzm-publisher': ['publish'],
  'marketplace-url': ['publish'],
  'marketplace-token': ['publish'],
  'revocation-list': ['upload', 'publish', 'verify'],
  'trusted-publisher-keys': ['publish', 'verify'],
};

/** The commands that read `input` (`all` reads everything). */
export function commandsUsing(input: string): Command[] {
  return [...(INPUT_USAGE[input] ?? EVERY), 'all'];
}

/** One warning per input that differs from its default and that `command` never reads. */
export function unusedInputWarnings(inputs: RawInputs, command: Command): string[] {
  const out: string[] = [];
  for (const spec of INPUTS) {
    if (spec.name === 'token' || command === 'all') continue;
    const used = commandsUsing(spec.name);
    if (used.includes(command)) continue;
    const raw = (inputs[spec.name] ?? '').trim();
    const value = spec.boolean ? raw.toLowerCase() : raw;
    const defaults = [spec.default, spec.cliDefault ?? spec.default];
    if (defaults.includes(value)) continue;
    out.push(
      `input '${spec.name}' is set, but command '${command}' does not use it (read by ${used.join(', ')}): it has no effect in this run. Remove it from this step, or run a command that reads it`,
    );
  }
  return out;
}
