// Bundled in place of undici for the modules under node_modules that import it at their top
// (see scripts/build.mjs): @actions/http-client (for ProxyAgent) and @actions/github (for fetch).
// Each export is a getter that loads the real undici on first use, so a run that never goes
// through a proxy never evaluates it (about 12 MiB of RSS and 0.1 s at every start).
let real;
const load = () => (real ??= require('undici'));
module.exports = {
  get ProxyAgent() {
    return load().ProxyAgent;
  },
  get Agent() {
    return load().Agent;
  },
  get fetch() {
    return load().fetch;
  },
};
