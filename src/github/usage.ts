import type { ReleaseApi } from './types.ts';

/**
 * The GitHub clients each run made, by the run's environment object (one per run, shared by
 * every copy of its config). The failure summary asks it whether the run had reached GitHub;
 * it imports nothing, so asking never loads Octokit.
 */
const made = new WeakMap<object, ReleaseApi[]>();

export function recordClient(env: object, api: ReleaseApi): void {
  made.set(env, [...(made.get(env) ?? []), api]);
}

/** How many requests the clients of the run with this environment have sent. */
export function requestsSentBy(env: object): number {
  return (made.get(env) ?? []).reduce((n, api) => n + api.requestCount, 0);
}
