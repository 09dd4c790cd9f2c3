import { INPUT_DESCRIPTIONS } from './cli-docs.generated.ts';
import { COMMANDS, INPUTS, type Command } from './inputs.ts';

/**
 * `plugin-release --help`: every command and every flag with its description (the action's, from
 * action.yml through cli-docs.generated.ts) and its default, wrapped to the terminal.
 */
export const COMMAND_HELP: Readonly<Record<Command | 'help', string>> = {
  validate: 'check the tag and the manifest the way the ecosystem will',
  pack: 'write one reproducible archive (and its .sha256) per target into dist',
  sign: 'sign every artifact in dist keyless with Sigstore',
  upload: "attach dist to the tag's release (a draft when new); never publishes",
  publish: 'upload, check the release is complete, publish it, then verify it',
  verify: 'check a published release (or dist) the way its installer will',
  all: 'validate + pack + sign (with --sign) + publish; the default when only flags are given',
  help: 'print this help',
};

export const OTHER_FLAGS: readonly { flag: string; help: string }[] = [
  {
    flag: '--json',
    help: 'print the outputs as one JSON object on stdout; on failure it has an `error` object {code, message, diagnostics}',
  },
  { flag: '--help, -h', help: 'print this help' },
  { flag: '--version', help: 'print the version' },
];

function wrap(text: string, indent: number, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => `${' '.repeat(indent)}${l}`).join('\n');
}

export function cliDefault(name: string): string {
  if (name === 'token') return '$GITHUB_TOKEN';
  const spec = INPUTS.find((i) => i.name === name);
  const value = spec?.cliDefault ?? spec?.default ?? '';
  return value === '' ? '(none)' : value;
}

export function helpText(width = 100): string {
  const w = Math.max(60, Math.min(width, 120));
  const commands = [...COMMANDS, 'help' as const].map((c) => `  ${c.padEnd(10)}${COMMAND_HELP[c]}`);
  const flags = INPUTS.map((i) => {
    const value = i.boolean ? ' [true|false]' : ' <value>';
    const description = INPUT_DESCRIPTIONS[i.name] ?? '';
    return [
      `  --${i.name}${value}`,
      wrap(description, 6, w),
      wrap(`default: ${cliDefault(i.name)}`, 6, w),
    ].join('\n');
  });
  const other = OTHER_FLAGS.map((f) => `  ${f.flag.padEnd(12)}${f.help}`);
  return [
    'plugin-release: validate, pack, sign, publish and verify plugin releases (the CLI of plugin-release-action)',
    '',
    'Usage: plugin-release <command> [--flag value ...]',
    '',
    'Commands:',
    ...commands,
    '',
    'Flags (the action\'s inputs; --flag=value works too; a boolean flag alone means "true"):',
    flags.join('\n'),
    '',
    'Other flags:',
    ...other,
    '',
    wrap(
      'Environment: GITHUB_TOKEN (the token), GITHUB_REPOSITORY (owner/name), GITHUB_API_URL (GitHub Enterprise, or the local emulator: see the README), HTTPS_PROXY, HTTP_PROXY and NO_PROXY.',
      0,
      w,
    ),
    'Exit status: 0 ok, 1 failed, 2 bad usage.',
    'Example: plugin-release pack --targets x86_64-unknown-linux-gnu && ls dist/',
  ].join('\n');
}
