import type { ReleaseError, SourceLocation } from './errors.ts';

/**
 * Everything a run says to its user goes through this interface: the action implements it with
 * @actions/core (annotations, outputs, job summary), the CLI with the terminal. Steps never
 * print directly, so what they report is the same under both entry points and in tests.
 */
export interface Reporter {
  info(message: string): void;
  notice(message: string, location?: SourceLocation): void;
  warning(message: string, location?: SourceLocation): void;
  error(message: string, location?: SourceLocation): void;
  setOutput(name: string, value: string): void;
  /** Appends Markdown to the job summary (the CLI prints it as text). */
  summary(markdown: string): void;
  /** Registers a secret so no later output shows it. */
  mask(secret: string): void;
  /** The run failed with `error` (already annotated): the CLI's --json prints it as `error`. */
  failed?(error: ReleaseError): void;
}

/** Markdown table; cells are escaped so names cannot break the layout. */
export function markdownTable(head: string[], rows: string[][]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const line = (r: string[]) => `| ${r.map(cell).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Inline Markdown as plain text: code spans, emphasis, links and escaped pipes. */
function inline(s: string): string {
  return s
    .replace(/\\\|/g, '|')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_m, text: string, url: string) =>
      text === url ? url : `${text} (${url})`,
    );
}

function splitRow(line: string): string[] {
  const body = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return body.split(/(?<!\\)\|/).map((c) => inline(c.trim()));
}

/** Columns padded to their widest cell; a rule of dashes under the header. */
function textTable(rows: string[][]): string[] {
  const cols = Math.max(...rows.map((r) => r.length));
  const len = (s: string) => [...s].length;
  const widths = Array.from({ length: cols }, (_, i) =>
    Math.max(...rows.map((r) => len(r[i] ?? ''))),
  );
  const line = (r: string[]) =>
    widths
      .map((w, i) => (r[i] ?? '') + ' '.repeat(w - len(r[i] ?? '')))
      .join('  ')
      .trimEnd();
  const [head = [], ...body] = rows;
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
}

/**
 * The job summary's Markdown for a terminal: tables become aligned plain-text columns, headings
 * and inline marks lose their syntax. Markdown stays for GITHUB_STEP_SUMMARY only.
 */
export function markdownToText(md: string): string {
  const out: string[] = [];
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim().startsWith('|')) {
      const rows: string[][] = [];
      for (; i < lines.length && lines[i]!.trim().startsWith('|'); i++) {
        const row = splitRow(lines[i]!);
        if (!row.every((c) => /^:?-{3,}:?$/.test(c))) rows.push(row);
      }
      i--;
      out.push(...textTable(rows));
    } else out.push(inline(line.replace(/^#{1,6}\s+/, '')));
  }
  return out.join('\n');
}
