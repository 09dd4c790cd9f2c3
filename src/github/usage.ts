/**
 * Whether a run may have changed anything on GitHub, by the run's environment object (one per
 * run, shared by every copy of its config). A write counts when GitHub accepted it or gave no
 * answer at all (it may have taken effect); a write GitHub refused with a status changed
 * nothing, and generate-notes saves nothing. The failure summary asks GitHub what stands there
 * only after such a write. This module imports nothing, so asking never loads Octokit.
 */
const writes = new WeakMap<object, number>();

export function recordWrite(env: object): void {
  writes.set(env, (writes.get(env) ?? 0) + 1);
}

export function writesSentBy(env: object): number {
  return writes.get(env) ?? 0;
}

/** Runs one request and records it when it is a write that may have taken effect. */
export async function noteWrite<T>(
  env: object,
  isWrite: boolean,
  send: () => Promise<T>,
): Promise<T> {
  try {
    const result = await send();
    if (isWrite) recordWrite(env);
    return result;
  } catch (e) {
    const answered = (e as { response?: unknown; status?: number }).response !== undefined;
    if (isWrite && !answered) recordWrite(env);
    throw e;
  }
}
