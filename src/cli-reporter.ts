import path from 'node:path';
import type { ReleaseError, SourceLocation } from './errors.ts';
import { markdownToText, type Reporter } from './report.ts';

/**
 * The terminal's side of Reporter. Progress and annotations go to stderr (with file:line:col) as
 * they happen; the summary goes to stdout as plain text as each step finishes, so the last line
 * of a failed run is its failure. With --json, stdout gets one object at the end instead: the
 * outputs as real JSON values (the verify command's report itself), plus `error` on failure.
 * Masked secrets are replaced in everything written. A closed pipe (`| head`) silences that
 * stream instead of crashing the run; the run goes on to its end and its own exit status.
 */
export interface CliReporter extends Reporter {
  finish(): void;
}

interface Sink {
  write(text: string): void;
}

function sink(stream: NodeJS.WritableStream): Sink {
  let closed = false;
  // EPIPE arrives as an 'error' event once the reader is gone; without a listener it would
  // crash the process with a stack trace.
  stream.on('error', () => void (closed = true));
  return {
    write(text) {
      if (!closed) stream.write(text);
    },
  };
}

/** An output as the JSON value it stands for: objects, arrays, booleans and ids are not strings. */
export function jsonValue(name: string, value: string): unknown {
  const t = value.trim();
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^[[{]/.test(t)) {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return value;
    }
  }
  if (/-id$/.test(name) && /^(0|[1-9]\d{0,15})$/.test(t)) return Number(t);
  return value;
}

export function errorJson(e: ReleaseError): {
  code: string;
  message: string;
  diagnostics: { message: string; file?: string; line?: number; column?: number }[];
} {
  return {
    code: e.code,
    message: e.message,
    diagnostics: e.diagnostics.map((d) => ({
      message: d.message,
      ...(d.location === undefined
        ? {}
        : { file: d.location.file, line: d.location.line, column: d.location.column }),
    })),
  };
}

export function cliReporter(opts: {
  json: boolean;
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
}): CliReporter {
  const out = sink(opts.out ?? process.stdout);
  const err = sink(opts.err ?? process.stderr);
  const secrets: string[] = [];
  const outputs: Record<string, string> = {};
  let failure: ReleaseError | undefined;
  const clean = (s: string) => secrets.reduce((acc, x) => acc.split(x).join('***'), s);
  const where = (loc?: SourceLocation) =>
    loc === undefined
      ? ''
      : `${path.relative(process.cwd(), loc.file) || loc.file}${loc.line ? `:${loc.line}` : ''}${loc.column ? `:${loc.column}` : ''}: `;
  const say = (level: string, m: string, loc?: SourceLocation) =>
    err.write(clean(`${where(loc)}${level}${m}\n`));
  return {
    info: (m) => say('', m),
    notice: (m, loc) => say('notice: ', m, loc),
    warning: (m, loc) => say('warning: ', m, loc),
    error: (m, loc) => say('error: ', m, loc),
    setOutput: (name, value) => void (outputs[name] = value),
    summary: (md) => {
      if (!opts.json) out.write(`${clean(markdownToText(md))}\n\n`);
    },
    mask: (s) => void (s !== '' && secrets.push(s)),
    failed: (e) => void (failure = e),
    finish() {
      if (!opts.json) return;
      const values = Object.fromEntries(
        Object.entries(outputs).map(([k, v]) => [k, jsonValue(k, v)]),
      );
      // The verify command's only output is its report: print that object itself.
      const keys = Object.keys(values);
      const only = keys.length === 1 && keys[0] === 'report' && typeof values.report === 'object';
      const json = { ...(only ? (values.report as object) : values) } as Record<string, unknown>;
      if (failure !== undefined) json.error = errorJson(failure);
      out.write(`${clean(JSON.stringify(json, null, 2))}\n`);
    },
  };
}
