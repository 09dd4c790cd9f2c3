import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);

// src/sign/pool.ts
async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  let failed = false;
  let firstError;
  const cap = () => typeof limit === "number" ? limit : limit.value;
  async function worker(w) {
    while (!failed && next < items.length && w < cap()) {
      const i = next++;
      try {
        results[i] = await fn(items[i], i);
      } catch (e) {
        if (!failed) firstError = e;
        failed = true;
      }
    }
  }
  const workers = Array.from(
    { length: Math.min(Math.max(cap(), 1), items.length) },
    (_, w) => worker(w)
  );
  await Promise.all(workers);
  if (failed) throw firstError;
  return results;
}

export {
  mapLimit
};
