import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);

// src/hash.ts
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
async function sha256File(file) {
  const hash = createHash("sha256");
  const fh = await fs.open(file, "r");
  const buf = Buffer.allocUnsafe(256 * 1024);
  try {
    for (; ; ) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      hash.update(buf.subarray(0, bytesRead));
    }
  } finally {
    await fh.close();
  }
  return hash.digest("hex");
}

export {
  sha256File
};
