import { formatBytes } from '../archive/limits.ts';
import { markdownTable } from '../report.ts';

/**
 * The job summary's release table: one row per asset, linked to the address it is served at.
 * Written by the upload step when the release stays a draft, and by the post-publish check
 * with the published release's addresses otherwise, so no link in the summary points at a
 * draft's `untagged-...` address that operators cannot open.
 */
export interface SummaryRow {
  name: string;
  url?: string | undefined;
  size: number;
  sha256: string;
  action?: string | undefined;
}

export function releaseTable(tag: string, htmlUrl: string, rows: readonly SummaryRow[]): string {
  const cells = rows.map((a) => [
    a.url ? `[${a.name}](${a.url})` : a.name,
    formatBytes(a.size),
    `\`${a.sha256}\``,
    a.action ?? '',
  ]);
  return `### Release [${tag}](${htmlUrl})\n\n${markdownTable(['asset', 'size', 'sha256', 'action'], cells)}\n`;
}
