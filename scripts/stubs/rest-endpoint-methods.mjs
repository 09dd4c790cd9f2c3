// Bundled in place of @octokit/plugin-rest-endpoint-methods (see scripts/build.mjs), which
// @actions/github's client class always plugs in. Its table of every REST endpoint costs about
// 3 MiB of RSS once evaluated, and this project calls Octokit only with explicit routes
// (`octokit.request('GET /repos/{owner}/{repo}/releases')`, src/github/octokit.ts), never
// `octokit.rest.*`. A use of `octokit.rest` says so instead of failing obscurely.
export function restEndpointMethods() {
  const rest = new Proxy(
    {},
    {
      get(_target, scope) {
        throw new Error(
          `octokit.rest.${String(scope)} is not bundled: call octokit.request with the route (scripts/build.mjs)`,
        );
      },
    },
  );
  return { rest };
}
