import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  forEachChunk
} from "./chunk-HQQIT7FK.js";
import {
  ReleaseError
} from "./chunk-S5POLVOE.js";

// src/npm/pack.ts
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

// src/npm/run.ts
import { execFile } from "node:child_process";
var NpmCommandError = class extends Error {
  npmCode;
  exitCode;
  stderr;
  constructor(message, npmCode, exitCode, stderr) {
    super(message);
    this.name = "NpmCommandError";
    this.npmCode = npmCode;
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
};
function npmEnv(env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) if (v !== void 0) out[k] = v;
  out.npm_config_update_notifier = "false";
  out.npm_config_fund = "false";
  out.npm_config_audit = "false";
  return out;
}
function npmMessage(stdout, stderr) {
  const start = stdout.indexOf("{");
  if (start !== -1) {
    try {
      const parsed = JSON.parse(stdout.slice(start));
      const e = parsed.error;
      if (e !== void 0 && (typeof e.summary === "string" || typeof e.code === "string")) {
        const parts = [e.summary, e.detail].filter(
          (s) => typeof s === "string" && s.trim() !== ""
        );
        return {
          code: typeof e.code === "string" ? e.code : void 0,
          message: parts.join(" ").replace(/\s+/g, " ").trim()
        };
      }
    } catch {
    }
  }
  const lines = stderr.split("\n").filter((l) => l.startsWith("npm error") || l.startsWith("npm ERR!")).map((l) => l.replace(/^npm (error|ERR!)\s*/, "").trim()).filter((l) => l !== "" && !l.startsWith("A complete log of this run"));
  const codeLine = lines.find((l) => /^code \S+$/.test(l));
  const code = codeLine?.slice(5);
  const message = lines.filter((l) => !/^(code|errno|syscall|path) /.test(l)).join(" ").replace(/\s+/g, " ").trim();
  return { code, message: message || stderr.trim().split("\n").slice(-3).join(" ") };
}
function runNpm(args, o) {
  return new Promise((resolve, reject) => {
    execFile(
      "npm",
      [...args],
      {
        cwd: o.cwd,
        env: npmEnv(o.env),
        maxBuffer: 256 * 1024 * 1024,
        timeout: o.timeout ?? 10 * 60 * 1e3,
        windowsHide: true
      },
      (err, stdout, stderr) => {
        if (err === null) {
          resolve({ stdout, stderr });
          return;
        }
        const spawnCode = err.code;
        if (spawnCode === "ENOENT" && stdout === "" && stderr === "") {
          reject(
            new NpmCommandError(
              "npm is not on PATH. Install Node.js with npm on the runner (actions/setup-node) before this step",
              "ENOENT_NPM",
              spawnCode,
              ""
            )
          );
          return;
        }
        const { code, message } = npmMessage(stdout, stderr);
        const exit = typeof err.code === "number" ? err.code : spawnCode;
        reject(
          new NpmCommandError(
            message || `npm ${args[0]} failed (exit ${String(exit)}${err.killed ? ", killed after the timeout" : ""})`,
            code,
            exit,
            stderr
          )
        );
      }
    );
  });
}

// src/npm/pack.ts
function npmPackFileName(name, version) {
  return `${name.replace(/^@/, "").replace(/\//g, "-")}-${version}.tgz`;
}
function packError(dir, message, cause) {
  return new ReleaseError("NPM_PACK", `npm pack in ${dir} failed: ${message}`, { cause });
}
async function npmDigests(file) {
  const h256 = createHash("sha256");
  const h512 = createHash("sha512");
  const h1 = createHash("sha1");
  const size = await forEachChunk(file, (c) => {
    h256.update(c);
    h512.update(c);
    h1.update(c);
  });
  return {
    size,
    sha256: h256.digest("hex"),
    integrity: `sha512-${h512.digest("base64")}`,
    shasum: h1.digest("hex")
  };
}
async function npmPack(dir, destDir, env) {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "npm-pack-"));
  try {
    let stdout;
    try {
      ({ stdout } = await runNpm(
        ["pack", "--ignore-scripts", "--json", "--pack-destination", tmp],
        {
          cwd: dir,
          env
        }
      ));
    } catch (e) {
      if (e instanceof NpmCommandError) {
        throw packError(
          dir,
          `${e.npmCode === void 0 ? "" : `${e.npmCode}: `}${e.message}. Run npm pack there to see the whole report`,
          e
        );
      }
      throw e;
    }
    let info;
    try {
      const parsed = JSON.parse(stdout.slice(Math.max(0, stdout.indexOf("["))));
      if (!Array.isArray(parsed) || parsed.length !== 1) throw new Error("expected one package");
      info = parsed[0];
    } catch (e) {
      throw packError(
        dir,
        `its --json output could not be read (${e.message}); is the npm on PATH older than npm 7?`,
        e
      );
    }
    const { filename, name, version, integrity } = info;
    if (typeof filename !== "string" || typeof name !== "string" || typeof version !== "string") {
      throw packError(dir, "its --json output names no filename, name or version");
    }
    const packed = path.join(tmp, path.basename(filename));
    const digests = await npmDigests(packed).catch((e) => {
      throw packError(dir, `npm reported ${filename} but did not write it`, e);
    });
    if (typeof integrity === "string" && integrity !== digests.integrity) {
      throw packError(
        dir,
        `npm reported integrity ${integrity} but ${filename} hashes to ${digests.integrity}; the temporary directory was changed while packing. Run again`
      );
    }
    const files = Array.isArray(info.files) ? info.files.map((f) => f.path).filter((p) => typeof p === "string") : [];
    await fs.mkdir(destDir, { recursive: true });
    const file = path.join(destDir, path.basename(filename));
    const staging = path.join(destDir, `.${path.basename(filename)}.${process.pid}.tmp`);
    try {
      await fs.copyFile(packed, staging);
      await fs.rename(staging, file);
    } finally {
      await fs.rm(staging, { force: true });
    }
    return { file, name: path.basename(file), ...digests, files, packageName: name, version };
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

export {
  NpmCommandError,
  runNpm,
  npmPackFileName,
  npmDigests,
  npmPack
};
