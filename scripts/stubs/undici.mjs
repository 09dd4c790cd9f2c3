// Bundled in place of undici (see scripts/build.mjs). @actions/http-client imports ProxyAgent only
// for getProxyAgentDispatcher, a fetch-side proxy helper this action never calls; the real module
// would be evaluated at every start for nothing.
export class ProxyAgent {
  constructor() {
    throw new Error(
      'plugin-release-action does not bundle undici: @actions/http-client getProxyAgentDispatcher is unavailable',
    );
  }
}
