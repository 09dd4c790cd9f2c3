import { COMMANDS, INPUTS, type RawInputs } from './inputs.ts';

/**
 * The CLI's entry: `plugin-release [command] [--input value ...]`, the same inputs as the action.
 * Exit codes: 0 ok, 1 failed, 2 bad usage.
 */
export const HELP = `Usage: plugin-release <command> [--<input> <value> ...]

Commands: ${COMMANDS.join(', ')} (default: all)

Inputs (same names as the action's; booleans may be given as a bare flag):
${INPUTS.map((i) => `  --${i.name.padEnd(28)} default: ${(i.cliDefault ?? i.default) || '(none)'}`).join('\n')}

Other flags:
  --json                         print the outputs as one JSON object on stdout
  --help, --version

The token defaults to $GITHUB_TOKEN; the repository to $GITHUB_REPOSITORY; the API to $GITHUB_API_URL.
Example (the local dry run): plugin-release pack --targets x86_64-unknown-linux-gnu && ls dist/`;

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): {
  inputs: RawInputs;
  json: boolean;
  help: boolean;
  version: boolean;
} {
  const inputs: Record<string, string> = {};
  for (const i of INPUTS) inputs[i.name] = i.cliDefault ?? i.default;
  const flags = { json: false, help: false, version: false };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    if (arg === '--help' || arg === '-h') flags.help = true;
    else if (arg === '--version') flags.version = true;
    else if (arg === '--json') flags.json = true;
    else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      const spec = INPUTS.find((i) => i.name === name);
      if (!spec) throw new UsageError(`unknown flag --${name} (see --help)`);
      let value = eq === -1 ? undefined : arg.slice(eq + 1);
      if (value === undefined) {
        const next = argv[k + 1];
        if (spec.boolean && (next === undefined || !/^(true|false)$/i.test(next))) value = 'true';
        else if (next === undefined) throw new UsageError(`--${name} needs a value (see --help)`);
        else value = argv[++k]!;
      }
      inputs[name] = value;
    } else if (
      inputs.command === 'all' &&
      (COMMANDS as readonly string[]).includes(arg) &&
      !argv.slice(0, k).some((a) => !a.startsWith('-'))
    ) {
      inputs.command = arg;
    } else {
      throw new UsageError(
        `unexpected argument '${arg}': the command comes first (${COMMANDS.join(', ')}), then --flags`,
      );
    }
  }
  if (inputs.token === '') inputs.token = process.env.GITHUB_TOKEN ?? '';
  return { inputs, ...flags };
}
