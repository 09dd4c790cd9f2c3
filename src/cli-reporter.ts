import path from 'node:path';
import type { SourceLocation } from './errors.ts';
import type { Reporter } from './report.ts';

/**
 * The terminal's side of Reporter: progress and annotations on stderr (with file:line:col),
 * the summary (or, with --json, the outputs) on stdout so it can be piped. Masked secrets are
 * replaced in everything written.
 */
export function cliReporter(opts: {
  json: boolean;
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
}): Reporter & { finish(): void } {
  const out = opts.out ?? process.stdout;
  const err = opts.err ?? process.stderr;
  const secrets: string[] = [];
  const outputs: Record<string, string> = {};
  const summaries: string[] = [];
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
    summary: (md) => void summaries.push(md),
    mask: (s) => void (s !== '' && secrets.push(s)),
    finish() {
      if (opts.json) {
        // The verify command's only output is its report: print that object itself, not a JSON
        // string inside an object.
        const keys = Object.keys(outputs);
        const only = keys.length === 1 && keys[0] === 'report';
        const json: unknown = only ? JSON.parse(outputs.report!) : outputs;
        out.write(`${clean(JSON.stringify(json, null, 2))}\n`);
      } else if (summaries.length > 0) out.write(`${clean(summaries.join('\n\n'))}\n`);
    },
  };
}
