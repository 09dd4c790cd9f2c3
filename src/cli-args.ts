import { COMMANDS, INPUTS, type RawInputs } from './inputs.ts';

/**
 * The CLI's arguments: `plugin-release [command] [--input value ...]`, the same inputs as the
 * action. No argument at all, `help`, `--help` or `-h` asks for help. A boolean input may be
 * given alone (`--dry-run`) or with a value (`--dry-run true`, `--dry-run=false`). An unknown
 * flag or command is a UsageError naming the nearest known one.
 */
export class UsageError extends Error {}

export interface CliArgs {
  inputs: RawInputs;
  json: boolean;
  help: boolean;
  version: boolean;
}

const OTHER = ['json', 'help', 'version'];

/** Edit distance (insertions, deletions, substitutions, adjacent swaps). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The known word closest to `word`, if any is close: a prefix either way, or a few edits. */
export function nearest(word: string, known: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const scored = known
    .map((k) => ({ k, d: distance(w, k) }))
    .filter(({ k, d }) => k.startsWith(w) || w.startsWith(k) || d <= Math.max(1, w.length / 3))
    .sort((x, y) => x.d - y.d || x.k.length - y.k.length);
  return scored[0]?.k;
}

function unknownFlag(name: string): UsageError {
  const near = nearest(name, [...INPUTS.map((i) => i.name), ...OTHER]);
  const hint = near === undefined ? '' : `: did you mean --${near}?`;
  return new UsageError(`unknown flag --${name}${hint} (plugin-release --help lists them all)`);
}

function unknownCommand(arg: string): UsageError {
  const near = nearest(arg, [...COMMANDS, 'help']);
  const hint = near === undefined ? '' : ` Did you mean '${near}'?`;
  return new UsageError(
    `unexpected argument '${arg}': the command comes first (${COMMANDS.join(', ')}), then --flags.${hint}`,
  );
}

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliArgs {
  const inputs: Record<string, string> = {};
  for (const i of INPUTS) inputs[i.name] = i.cliDefault ?? i.default;
  const flags = { json: false, help: argv.length === 0, version: false };
  let sawCommand = false;
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    if (arg === '--help' || arg === '-h') flags.help = true;
    else if (arg === '--version') flags.version = true;
    else if (arg === '--json') flags.json = true;
    else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      const spec = INPUTS.find((i) => i.name === name);
      if (!spec) throw unknownFlag(name);
      let value = eq === -1 ? undefined : arg.slice(eq + 1);
      if (value === undefined) {
        const next = argv[k + 1];
        if (spec.boolean && (next === undefined || !/^(true|false)$/i.test(next))) value = 'true';
        else if (next === undefined) throw new UsageError(`--${name} needs a value (see --help)`);
        else value = argv[++k]!;
      }
      inputs[name] = value;
    } else if (arg.startsWith('-') && arg.length > 1) {
      throw unknownFlag(arg.replace(/^-+/, ''));
    } else if (!sawCommand && arg === 'help') {
      flags.help = true;
      sawCommand = true;
    } else if (!sawCommand && (COMMANDS as readonly string[]).includes(arg)) {
      inputs.command = arg;
      sawCommand = true;
    } else {
      throw unknownCommand(arg);
    }
  }
  if (inputs.token === '') inputs.token = env.GITHUB_TOKEN ?? '';
  return { inputs, ...flags };
}
