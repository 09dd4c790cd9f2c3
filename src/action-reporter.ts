import * as core from '@actions/core';
import path from 'node:path';
import type { SourceLocation } from './errors.ts';
import type { Reporter } from './report.ts';

/** The runner's side of Reporter: workflow commands, $GITHUB_OUTPUT and the job summary. */
function props(loc: SourceLocation | undefined, cwd: string): core.AnnotationProperties {
  if (loc === undefined) return {};
  const file = path.isAbsolute(loc.file) ? path.relative(cwd, loc.file) : loc.file;
  return { file, startLine: loc.line, startColumn: loc.column };
}

export function actionReporter(cwd: string = process.cwd()): Reporter & { flush(): Promise<void> } {
  const parts: string[] = [];
  return {
    info: (m) => core.info(m),
    notice: (m, loc) => core.notice(m, props(loc, cwd)),
    warning: (m, loc) => core.warning(m, props(loc, cwd)),
    error: (m, loc) => core.error(m, props(loc, cwd)),
    setOutput: (name, value) => core.setOutput(name, value),
    summary: (md) => void parts.push(md),
    mask: (s) => core.setSecret(s),
    async flush() {
      if (parts.length === 0 || !process.env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(parts.join('\n\n'), true).write();
    },
  };
}
