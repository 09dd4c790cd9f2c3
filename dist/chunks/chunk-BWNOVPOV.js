import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);

// src/github/usage.ts
var writes = /* @__PURE__ */ new WeakMap();
function recordWrite(env) {
  writes.set(env, (writes.get(env) ?? 0) + 1);
}
function writesSentBy(env) {
  return writes.get(env) ?? 0;
}
async function noteWrite(env, isWrite, send) {
  try {
    const result = await send();
    if (isWrite) recordWrite(env);
    return result;
  } catch (e) {
    const answered = e.response !== void 0;
    if (isWrite && !answered) recordWrite(env);
    throw e;
  }
}

export {
  writesSentBy,
  noteWrite
};
