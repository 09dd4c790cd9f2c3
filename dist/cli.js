#!/usr/bin/env node
import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  run
} from "./chunks/chunk-A7GGBC76.js";
import {
  COMMANDS,
  INPUTS
} from "./chunks/chunk-5FEXQHVO.js";
import "./chunks/chunk-T6YJWSDM.js";
import {
  markdownToText
} from "./chunks/chunk-BCCE4QC5.js";
import "./chunks/chunk-UPVXBFI4.js";
import {
  ReleaseError
} from "./chunks/chunk-S5POLVOE.js";
import "./chunks/chunk-5ZJU6YLT.js";

// src/cli.ts
import { readFileSync } from "node:fs";

// src/cli-args.ts
var UsageError = class extends Error {
};
var OTHER = ["json", "help", "version"];
function distance(a, b) {
  const d = Array.from(
    { length: a.length + 1 },
    (_, i) => Array.from({ length: b.length + 1 }, (_2, j) => i === 0 ? j : j === 0 ? i : 0)
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
function nearest(word, known) {
  const w = word.toLowerCase();
  const scored = known.map((k) => ({ k, d: distance(w, k) })).filter(({ k, d }) => k.startsWith(w) || w.startsWith(k) || d <= Math.max(1, w.length / 3)).sort((x, y) => x.d - y.d || x.k.length - y.k.length);
  return scored[0]?.k;
}
function unknownFlag(name) {
  const near = nearest(name, [...INPUTS.map((i) => i.name), ...OTHER]);
  const hint = near === void 0 ? "" : `: did you mean --${near}?`;
  return new UsageError(`unknown flag --${name}${hint} (plugin-release --help lists them all)`);
}
function unknownCommand(arg) {
  const near = nearest(arg, [...COMMANDS, "help"]);
  const hint = near === void 0 ? "" : ` Did you mean '${near}'?`;
  return new UsageError(
    `unexpected argument '${arg}': the command comes first (${COMMANDS.join(", ")}), then --flags.${hint}`
  );
}
function parseArgs(argv, env = process.env) {
  const inputs = {};
  for (const i of INPUTS) inputs[i.name] = i.cliDefault ?? i.default;
  const flags = { json: false, help: argv.length === 0, version: false };
  let sawCommand = false;
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === "--help" || arg === "-h") flags.help = true;
    else if (arg === "--version") flags.version = true;
    else if (arg === "--json") flags.json = true;
    else if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      const spec = INPUTS.find((i) => i.name === name);
      if (!spec) throw unknownFlag(name);
      let value = eq === -1 ? void 0 : arg.slice(eq + 1);
      if (value === void 0) {
        const next = argv[k + 1];
        if (spec.boolean && (next === void 0 || !/^(true|false)$/i.test(next))) value = "true";
        else if (next === void 0) throw new UsageError(`--${name} needs a value (see --help)`);
        else value = argv[++k];
      }
      inputs[name] = value;
    } else if (arg.startsWith("-") && arg.length > 1) {
      throw unknownFlag(arg.replace(/^-+/, ""));
    } else if (!sawCommand && arg === "help") {
      flags.help = true;
      sawCommand = true;
    } else if (!sawCommand && COMMANDS.includes(arg)) {
      inputs.command = arg;
      sawCommand = true;
    } else {
      throw unknownCommand(arg);
    }
  }
  if (inputs.token === "") inputs.token = env.GITHUB_TOKEN ?? "";
  return { inputs, ...flags };
}

// src/cli-reporter.ts
import path from "node:path";
function sink(stream) {
  let closed = false;
  stream.on("error", () => void (closed = true));
  return {
    write(text) {
      if (!closed) stream.write(text);
    }
  };
}
function jsonValue(name, value) {
  const t = value.trim();
  if (t === "true" || t === "false") return t === "true";
  if (/^[[{]/.test(t)) {
    try {
      return JSON.parse(t);
    } catch {
      return value;
    }
  }
  if (/-id$/.test(name) && /^(0|[1-9]\d{0,15})$/.test(t)) return Number(t);
  return value;
}
function errorJson(e) {
  return {
    code: e.code,
    message: e.message,
    diagnostics: e.diagnostics.map((d) => ({
      message: d.message,
      ...d.location === void 0 ? {} : { file: d.location.file, line: d.location.line, column: d.location.column }
    }))
  };
}
function cliReporter(opts) {
  const out = sink(opts.out ?? process.stdout);
  const err = sink(opts.err ?? process.stderr);
  const secrets = [];
  const outputs = {};
  let failure;
  const clean = (s) => secrets.reduce((acc, x) => acc.split(x).join("***"), s);
  const where = (loc) => loc === void 0 ? "" : `${path.relative(process.cwd(), loc.file) || loc.file}${loc.line ? `:${loc.line}` : ""}${loc.column ? `:${loc.column}` : ""}: `;
  const say2 = (level, m, loc) => err.write(clean(`${where(loc)}${level}${m}
`));
  return {
    info: (m) => say2("", m),
    notice: (m, loc) => say2("notice: ", m, loc),
    warning: (m, loc) => say2("warning: ", m, loc),
    error: (m, loc) => say2("error: ", m, loc),
    setOutput: (name, value) => void (outputs[name] = value),
    summary: (md) => {
      if (!opts.json) out.write(`${clean(markdownToText(md))}

`);
    },
    mask: (s) => void (s !== "" && secrets.push(s)),
    failed: (e) => void (failure = e),
    finish() {
      if (!opts.json) return;
      const values = Object.fromEntries(
        Object.entries(outputs).map(([k, v]) => [k, jsonValue(k, v)])
      );
      const keys = Object.keys(values);
      const only = keys.length === 1 && keys[0] === "report" && typeof values.report === "object";
      const json = { ...only ? values.report : values };
      if (failure !== void 0) json.error = errorJson(failure);
      out.write(`${clean(JSON.stringify(json, null, 2))}
`);
    }
  };
}

// src/cli.ts
function say(stream, text) {
  stream.on("error", () => {
  });
  stream.write(text);
}
async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (process.argv.includes("--json"))
      say(
        process.stdout,
        `${JSON.stringify({ error: errorJson(new ReleaseError("USAGE", e.message)) }, null, 2)}
`
      );
    say(process.stderr, `plugin-release: ${e.message}
`);
    return 2;
  }
  if (args.help) {
    const { helpText } = await import("./chunks/cli-help-V4SEYFXV.js");
    say(process.stdout, `${helpText(process.stdout.columns || 100)}
`);
    return 0;
  }
  if (args.version) {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    say(process.stdout, `${pkg.version}
`);
    return 0;
  }
  const reporter = cliReporter({ json: args.json });
  const status = await run(reporter, args.inputs, process.env);
  reporter.finish();
  return status;
}
process.exitCode = await main();
