/**
 * `node rss-wrapper.ts <script> [args...]`: runs <script> in this process, as if it had been
 * started with `node <script> [args...]`, and at exit prints one line to stderr:
 * `RSS-WRAPPER {"maxRSS":<KiB>,"user":<µs>,"sys":<µs>}` from process.resourceUsage(), which is
 * the kernel's own accounting for this process (ru_maxrss). Used where GNU time is missing.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
if (script === undefined) {
  process.stderr.write('usage: node rss-wrapper.ts <script> [args...]\n');
  process.exit(2);
}
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(
    `RSS-WRAPPER ${JSON.stringify({ maxRSS: u.maxRSS, user: u.userCPUTime, sys: u.systemCPUTime })}\n`,
  );
});
const absolute = path.resolve(script);
process.argv = [process.argv[0]!, absolute, ...args];
await import(pathToFileURL(absolute).href);
