import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);

// src/artifacts.ts
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
async function resolveEpoch(explicit, cwd) {
  if (explicit !== void 0) return explicit;
  try {
    const { stdout } = await promisify(execFile)("git", ["log", "-1", "--format=%ct"], { cwd });
    const n = Number(stdout.trim());
    return Number.isInteger(n) && n > 0 ? n : 0;
  } catch {
    return 0;
  }
}
async function writeSidecar(file, sha256) {
  await fs.writeFile(`${file}.sha256`, `${sha256}
`);
}
function sidecarAsset(a) {
  const body = `${a.sha256}
`;
  return {
    name: `${a.name}.sha256`,
    path: `${a.path}.sha256`,
    size: body.length,
    sha256: createHash("sha256").update(body).digest("hex"),
    target: a.target
  };
}
async function writeAtomic(file, bytes, target = null) {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } finally {
    await fs.rm(tmp, { force: true });
  }
  const buf = typeof bytes === "string" ? Buffer.from(bytes) : bytes;
  return {
    name: path.basename(file),
    path: file,
    size: buf.length,
    sha256: createHash("sha256").update(buf).digest("hex"),
    target
  };
}

export {
  resolveEpoch,
  writeSidecar,
  sidecarAsset,
  writeAtomic
};
