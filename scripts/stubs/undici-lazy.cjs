// Bundled in place of undici (see scripts/build.mjs). @actions/http-client and @actions/github
// import it at their top, and src/net/proxy.ts when a proxy is set. Undici itself is built to
// dist/chunks/undici.cjs and required on first use of an export, so a run that never goes
// through a proxy never parses it (about 2.5 MiB of RSS at every start, 12 MiB once evaluated).
const path = require('node:path');

let real;
function load() {
  if (real === undefined) {
    const chunks =
      path.basename(__dirname) === 'chunks' ? __dirname : path.join(__dirname, 'chunks');
    real = require(path.join(chunks, 'undici.cjs'));
  }
  return real;
}
module.exports = {
  get Agent() {
    return load().Agent;
  },
  get Dispatcher() {
    return load().Dispatcher;
  },
  get ProxyAgent() {
    return load().ProxyAgent;
  },
  get fetch() {
    return load().fetch;
  },
};
