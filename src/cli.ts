#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs, UsageError } from './cli-args.ts';
import { cliReporter, errorJson } from './cli-reporter.ts';
import { ReleaseError } from './errors.ts';
import { run } from './main.ts';

/** The CLI's entry: parse argv, run, report. Exit codes: 0 ok, 1 failed, 2 bad usage. */
function say(stream: NodeJS.WriteStream, text: string): void {
  // A reader that went away (`| head`) is not an error of ours: the rest is dropped quietly.
  stream.on('error', () => {});
  stream.write(text);
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (process.argv.includes('--json'))
      say(
        process.stdout,
        `${JSON.stringify({ error: errorJson(new ReleaseError('USAGE', e.message)) }, null, 2)}\n`,
      );
    say(process.stderr, `plugin-release: ${e.message}\n`);
    return 2;
  }
  if (args.help) {
    const { helpText } = await import('./cli-help.ts');
    say(process.stdout, `${helpText(process.stdout.columns || 100)}\n`);
    return 0;
  }
  if (args.version) {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    say(process.stdout, `${pkg.version}\n`);
    return 0;
  }
  const reporter = cliReporter({ json: args.json });
  const status = await run(reporter, args.inputs, process.env);
  reporter.finish();
  return status;
}

process.exitCode = await main();
