#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { HELP, parseArgs } from './cli-args.ts';
import { cliReporter } from './cli-reporter.ts';
import { run } from './main.ts';

/** The CLI's entry: parse argv, run, report. Exit codes: 0 ok, 1 failed, 2 bad usage. */
async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`plugin-release: ${(e as Error).message}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (args.version) {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const reporter = cliReporter({ json: args.json });
  const status = await run(reporter, args.inputs, process.env);
  reporter.finish();
  return status;
}

process.exitCode = await main();
