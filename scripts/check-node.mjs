// Runs first in every npm script (package.json). The repository's scripts run .ts files
// directly, which needs Node 24 (type stripping); on an older Node they would die with
// `Unknown file extension ".ts"`. This says what is needed instead, in one line. (Only the
// development scripts need 24: the published CLI, dist/cli.js, runs on Node 20 and later.)
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `plugin-release-action needs Node 24 or newer for development, this is Node ${process.version}: install it with \`nvm install 24 && nvm use 24\` (or run .ci/run, which fetches it)`,
  );
  process.exit(1);
}
