import { createRequire as __cr } from 'node:module';
import { fileURLToPath as __fu } from 'node:url';
import { dirname as __dn } from 'node:path';
const require = __cr(import.meta.url);
const __filename = __fu(import.meta.url);
const __dirname = __dn(__filename);
import {
  signatureFiles
} from "./chunk-GV5CYOPD.js";
import {
  loadTrustMaterial,
  prepareSignatureCheck
} from "./chunk-R5UGFH74.js";
import "./chunk-QDHITNI7.js";
import "./chunk-FJWAMQ2K.js";
import "./chunk-GOFS5DMG.js";
import "./chunk-DU3MOISV.js";
import "./chunk-BCCE4QC5.js";
import "./chunk-R5SGE6HV.js";
import "./chunk-IHY5SSPF.js";
import "./chunk-HQQIT7FK.js";
import {
  identityPolicy
} from "./chunk-MY5WYYPC.js";
import "./chunk-UPVXBFI4.js";
import "./chunk-27FNXXKZ.js";
import {
  trustedRootSource
} from "./chunk-O5YLJVZF.js";
import "./chunk-JJKM5RR3.js";
import "./chunk-GWJQWK7Z.js";
import "./chunk-2TJC7A4H.js";
import "./chunk-S5POLVOE.js";
import "./chunk-5ZJU6YLT.js";

// src/verify/sigstore-files.ts
import { createHash } from "node:crypto";
var KINDS = ["sig", "cert", "pem", "bundle", "sigstore.json"];
async function checkSigstoreFiles(config, source, findings) {
  const names = new Set(source.files.map((f) => f.name));
  const artifacts = [...names].filter(
    (n) => names.has(`${n}.sha256`) && KINDS.some((k) => names.has(`${n}.${k}`))
  );
  const root = trustedRootSource(config.trustedRoot);
  let trust;
  for (const name of artifacts) {
    const check = prepareSignatureCheck({
      tarball: name,
      files: await signatureFiles(source, name),
      required: false,
      policy: identityPolicy(config, config.repo),
      trust: () => trust ??= loadTrustMaterial(root),
      findings
    });
    const hash = createHash("sha256");
    for await (const chunk of await source.open(name)) {
      hash.update(chunk);
      for (const s of check.sinks) s.update(chunk);
    }
    await check.finish(hash.digest("hex"));
  }
}
export {
  checkSigstoreFiles
};
