import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);

// src/hash.ts
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
var CHUNK = 256 * 1024;
async function forEachChunk(file, onChunk) {
  const fh = await fs.open(file, "r");
  const buf = Buffer.allocUnsafe(CHUNK);
  let size = 0;
  try {
    for (; ; ) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      size += bytesRead;
      onChunk(buf.subarray(0, bytesRead));
    }
  } finally {
    await fh.close();
  }
  return size;
}
async function sha256File(file) {
  const hash = createHash("sha256");
  await forEachChunk(file, (chunk) => hash.update(chunk));
  return hash.digest("hex");
}

export {
  forEachChunk,
  sha256File
};
