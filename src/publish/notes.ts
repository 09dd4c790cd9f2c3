import fs from 'node:fs/promises';
import path from 'node:path';
import type { Notes } from '../config.ts';
import { ReleaseError } from '../errors.ts';

/** GitHub's limit on a release body is about 125,000 characters. */
export const MAX_BODY = 125_000;

/**
 * This version's section of a Keep a Changelog file: from its `## [x.y.z]` (or `## x.y.z`)
 * heading to the next `## ` heading, without the heading itself. Undefined when absent.
 */
export function changelogSection(text: string, version: string): string | undefined {
  const lines = text.split(/\r?\n/);
  const esc = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const head = new RegExp(`^##\\s+\\[?v?${esc}\\]?(\\s|$)`);
  const start = lines.findIndex((l) => head.test(l));
  if (start === -1) return undefined;
  let end = lines.findIndex((l, i) => i > start && /^##\s/.test(l));
  if (end === -1) end = lines.length;
  return lines
    .slice(start + 1, end)
    .join('\n')
    .trim();
}

export interface NotesChoice {
  body?: string;
  generate: boolean;
}

export async function resolveNotes(
  notes: Notes,
  version: string,
  cwd: string,
): Promise<NotesChoice> {
  const clip = (body: string) =>
    body.length > MAX_BODY
      ? `${body.slice(0, MAX_BODY - 40)}\n\n(notes truncated to fit GitHub)`
      : body;
  switch (notes.kind) {
    case 'generate':
      return { generate: true };
    case 'none':
      return { generate: false, body: '' };
    case 'file': {
      const file = path.resolve(cwd, notes.path);
      const text = await fs.readFile(file, 'utf8').catch(() => {
        throw new ReleaseError('NOTES', `notes file ${file} not found (notes: file:${notes.path})`);
      });
      return { generate: false, body: clip(text) };
    }
    case 'changelog': {
      const file = path.resolve(cwd, 'CHANGELOG.md');
      const text = await fs.readFile(file, 'utf8').catch(() => {
        throw new ReleaseError('NOTES', `notes: changelog needs ${file}, which does not exist`);
      });
      const section = changelogSection(text, version);
      if (section === undefined) {
        throw new ReleaseError(
          'NOTES',
          `CHANGELOG.md has no section for ${version}: add a "## [${version}] - YYYY-MM-DD" heading (Keep a Changelog), or use notes: generate`,
          { location: { file } },
        );
      }
      return { generate: false, body: clip(section) };
    }
  }
}
