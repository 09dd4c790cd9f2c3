import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);

// src/archive/limits.ts
var MIB = 1024 * 1024;
var LIMITS = {
  compressedBytes: 100 * MIB,
  entries: 1e4,
  entryBytes: 100 * MIB,
  totalBytes: 250 * MIB
};
var NATIVE_EXTENSIONS = [".node", ".so", ".dylib", ".dll", ".pyd"];
function isNativeFile(p) {
  const lower = p.toLowerCase();
  return NATIVE_EXTENSIONS.some((ext) => lower.endsWith(ext)) || /\.so(\.\d+)+$/.test(lower);
}
function formatBytes(n) {
  if (n >= MIB) return `${(n / MIB).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

export {
  MIB,
  LIMITS,
  isNativeFile,
  formatBytes
};
