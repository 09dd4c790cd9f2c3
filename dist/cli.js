#!/usr/bin/env node
import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  COMMANDS,
  INPUTS,
  run
} from "./chunks/chunk-LOXNP7HK.js";
import "./chunks/chunk-UPVXBFI4.js";
import "./chunks/chunk-S5POLVOE.js";
import "./chunks/chunk-5ZJU6YLT.js";

// src/cli.ts
import { readFileSync } from "node:fs";

// src/cli-args.ts
var HELP = `Usage: plugin-release <command> [--<input> <value> ...]

Commands: ${COMMANDS.join(", ")} (default: all)

Inputs (same names as the action's; booleans may be given as a bare flag):
${INPUTS.map((i) => `  --${i.name.padEnd(28)} default: ${(i.cliDefault ?? i.default) || "(none)"}`).join("\n")}

Other flags:
  --json                         print the outputs as one JSON object on stdout
  --help, --version

The token defaults to $GITHUB_TOKEN; the repository to $GITHUB_REPOSITORY; the API to $GITHUB_API_URL.
Example (the local dry run): plugin-release pack --targets x86_64-unknown-linux-gnu && ls dist/`;
var UsageError = class extends Error {
};
function parseArgs(argv) {
  const inputs = {};
  for (const i of INPUTS) inputs[i.name] = i.cliDefault ?? i.default;
  const flags = { json: false, help: false, version: false };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === "--help" || arg === "-h") flags.help = true;
    else if (arg === "--version") flags.version = true;
    else if (arg === "--json") flags.json = true;
    else if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      const spec = INPUTS.find((i) => i.name === name);
      if (!spec) throw new UsageError(`unknown flag --${name} (see --help)`);
      let value = eq === -1 ? void 0 : arg.slice(eq + 1);
      if (value === void 0) {
        const next = argv[k + 1];
        if (spec.boolean && (next === void 0 || !/^(true|false)$/i.test(next))) value = "true";
        else if (next === void 0) throw new UsageError(`--${name} needs a value (see --help)`);
        else value = argv[++k];
      }
      inputs[name] = value;
    } else if (inputs.command === "all" && COMMANDS.includes(arg) && !argv.slice(0, k).some((a) => !a.startsWith("-"))) {
      inputs.command = arg;
    } else {
      throw new UsageError(
        `unexpected argument '${arg}': the command comes first (${COMMANDS.join(", ")}), then --flags`
      );
    }
  }
  if (inputs.token === "") inputs.token = process.env.GITHUB_TOKEN ?? "";
  return { inputs, ...flags };
}

// src/cli-reporter.ts
import path from "node:path";
function cliReporter(opts) {
  const out = opts.out ?? process.stdout;
  const err = opts.err ?? process.stderr;
  const secrets = [];
  const outputs = {};
  const summaries = [];
  const clean = (s) => secrets.reduce((acc, x) => acc.split(x).join("***"), s);
  const where = (loc) => loc === void 0 ? "" : `${path.relative(process.cwd(), loc.file) || loc.file}${loc.line ? `:${loc.line}` : ""}${loc.column ? `:${loc.column}` : ""}: `;
  const say = (level, m, loc) => err.write(clean(`${where(loc)}${level}${m}
`));
  return {
    info: (m) => say("", m),
    notice: (m, loc) => say("notice: ", m, loc),
    warning: (m, loc) => say("warning: ", m, loc),
    error: (m, loc) => say("error: ", m, loc),
    setOutput: (name, value) => void (outputs[name] = value),
    summary: (md) => void summaries.push(md),
    mask: (s) => void (s !== "" && secrets.push(s)),
    finish() {
      if (opts.json) {
        const keys = Object.keys(outputs);
        const only = keys.length === 1 && keys[0] === "report";
        const json = only ? JSON.parse(outputs.report) : outputs;
        out.write(`${clean(JSON.stringify(json, null, 2))}
`);
      } else if (summaries.length > 0) out.write(`${clean(summaries.join("\n\n"))}
`);
    }
  };
}

// src/cli.ts
async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`plugin-release: ${e.message}
`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${HELP}
`);
    return 0;
  }
  if (args.version) {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    process.stdout.write(`${pkg.version}
`);
    return 0;
  }
  const reporter = cliReporter({ json: args.json });
  const status = await run(reporter, args.inputs, process.env);
  reporter.finish();
  return status;
}
process.exitCode = await main();
