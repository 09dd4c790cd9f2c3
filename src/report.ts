import type { SourceLocation } from './errors.ts';

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
}

/** Markdown table; cells are escaped so names cannot break the layout. */
export function markdownTable(head: string[], rows: string[][]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const line = (r: string[]) => `| ${r.map(cell).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
