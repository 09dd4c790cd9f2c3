// Builds the WebAssembly deflater the gzip writer uses (src/archive/deflate/wasm.generated.ts)
// from libdeflate's released source and our entry points (src/archive/deflate/block-deflate.c).
//
//   npm i --no-save @yowasp/clang@22.0.0-git20542-10
//   node scripts/build-deflate-wasm.mjs path/to/libdeflate_1.23.orig.tar.gz
//
// The tarball is libdeflate 1.23 as released (Debian ships it as the orig tarball of its
// libdeflate source package); its SHA-256 is checked below. The compiler is Clang/LLD built to
// WebAssembly and published on npm, so the build needs no system toolchain and gives the same
// bytes on every machine: the script prints the module's SHA-256, recorded in the generated file.
// The generated file is committed; it changes only when this script, the C file or the pinned
// versions change.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import prettier from 'prettier';
import { Parser } from 'tar';

const LIBDEFLATE_VERSION = '1.23';
const LIBDEFLATE_TARBALL_SHA256 =
  '1ab18349b9fb0ce8a0ca4116bded725be7dcbfa709e19f6f983d99df1fb8b25f';
const CLANG_PACKAGE = '@yowasp/clang';
const CLANG_VERSION = '22.0.0-git20542-10';
const ROOT = path.resolve(import.meta.dirname, '..');
const GLUE = path.join(ROOT, 'src/archive/deflate/block-deflate.c');
const OUT = path.join(ROOT, 'src/archive/deflate/wasm.generated.ts');

/**
 * The source changes, as exact text replacements with the number of places each must match, so a
 * different libdeflate fails loudly here instead of building something else.
 * - The compressor gets two fields: the dictionary length and whether this piece is the last.
 * - After the match finder is reset, the dictionary bytes are inserted without being emitted
 *   (fastest: level 1; greedy: levels 2-4; lazy/lazy2: levels 5-9).
 * - A block is final only if it ends the input AND this piece is the last.
 * - common_defs.h is found next to the other headers (the build tree is flat).
 */
const PATCHES = {
  'lib_common.h': [['#include "../common_defs.h"', '#include "common_defs.h"', 1]],
  'deflate_compress.c': [
    [
      'struct libdeflate_compressor {\n',
      'struct libdeflate_compressor {\n\tsize_t dict_nbytes;\n\tbool final_piece;\n',
      1,
    ],
    [
      '\tht_matchfinder_init(&c->p.f.ht_mf);\n',
      '\tht_matchfinder_init(&c->p.f.ht_mf);\n' +
        '\tif (c->dict_nbytes) {\n' +
        '\t\tht_matchfinder_skip_bytes(&c->p.f.ht_mf, &in_cur_base, in_next, in_end,\n' +
        '\t\t\t\t\t  c->dict_nbytes, &next_hash);\n' +
        '\t\tin_next += c->dict_nbytes;\n' +
        '\t}\n',
      1,
    ],
    [
      '\thc_matchfinder_init(&c->p.g.hc_mf);\n',
      '\thc_matchfinder_init(&c->p.g.hc_mf);\n' +
        '\tif (c->dict_nbytes) {\n' +
        '\t\thc_matchfinder_skip_bytes(&c->p.g.hc_mf, &in_cur_base, in_next, in_end,\n' +
        '\t\t\t\t\t  c->dict_nbytes, next_hashes);\n' +
        '\t\tin_next += c->dict_nbytes;\n' +
        '\t}\n',
      2,
    ],
    ['sequences, in_next == in_end);', 'sequences, in_next == in_end && c->final_piece);', 3],
  ],
};

function replaceExactly(text, from, to, count, file) {
  const parts = text.split(from);
  if (parts.length - 1 !== count) {
    throw new Error(`${file}: expected ${count} match(es) of ${JSON.stringify(from)}`);
  }
  return parts.join(to);
}

async function readTarball(file) {
  const bytes = fs.readFileSync(file);
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== LIBDEFLATE_TARBALL_SHA256) {
    throw new Error(`${file}: SHA-256 ${sha}, expected libdeflate ${LIBDEFLATE_VERSION}'s`);
  }
  const files = new Map();
  await new Promise((resolve, reject) => {
    const parser = new Parser({
      onReadEntry(entry) {
        const chunks = [];
        entry.on('data', (c) => chunks.push(c));
        entry.on('end', () => files.set(entry.path, Buffer.concat(chunks).toString('utf8')));
      },
    });
    parser.on('end', resolve).on('error', reject);
    parser.end(bytes);
  });
  return files;
}

async function loadClang() {
  let pkg;
  try {
    pkg = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'node_modules', CLANG_PACKAGE, 'package.json'), 'utf8'),
    );
  } catch {
    pkg = null;
  }
  if (pkg?.version !== CLANG_VERSION) {
    throw new Error(
      `needs ${CLANG_PACKAGE}@${CLANG_VERSION}: npm i --no-save ${CLANG_PACKAGE}@${CLANG_VERSION}`,
    );
  }
  return (await import(CLANG_PACKAGE)).runClang;
}

const tarball = process.argv[2];
if (!tarball) {
  console.error('usage: node scripts/build-deflate-wasm.mjs libdeflate_1.23.orig.tar.gz');
  process.exit(2);
}
const sources = await readTarball(tarball);
const prefix = `libdeflate-${LIBDEFLATE_VERSION}/`;
const tree = {};
for (const [name, text] of sources) {
  if (!name.startsWith(prefix)) continue;
  const rel = name.slice(prefix.length);
  if (/^lib\/[^/]+\.[ch]$/.test(rel)) tree[rel.slice(4)] = text;
  else if (rel === 'common_defs.h' || rel === 'libdeflate.h') tree[rel] = text;
}
for (const [file, edits] of Object.entries(PATCHES)) {
  for (const [from, to, count] of edits)
    tree[file] = replaceExactly(tree[file], from, to, count, file);
}
tree['block-deflate.c'] = fs.readFileSync(GLUE, 'utf8');
const license = sources.get(`${prefix}COPYING`);

const runClang = await loadClang();
const args = [
  'clang',
  '--target=wasm32-wasip1',
  '-mexec-model=reactor',
  '-O2',
  '-msimd128',
  '-mbulk-memory',
  '-DNDEBUG',
  '-Wl,--strip-all',
  'block-deflate.c',
  'utils.c',
  '-o',
  'deflate.wasm',
];
const built = await runClang(args, tree, { stderr: (b) => b && process.stderr.write(b) });
const wasm = Buffer.from(built['deflate.wasm']);
const module = new WebAssembly.Module(wasm);
if (WebAssembly.Module.imports(module).length !== 0) {
  throw new Error('the deflate module must not import anything (no WASI at run time)');
}
const sha = createHash('sha256').update(wasm).digest('hex');

const notice = license
  .trim()
  .split('\n')
  .map((l) => ` * ${l}`.trimEnd())
  .join('\n');
const out = `/**
 * GENERATED by scripts/build-deflate-wasm.mjs: do not edit.
 *
 * libdeflate ${LIBDEFLATE_VERSION}'s compressor with the entry points of block-deflate.c, compiled to
 * WebAssembly with ${CLANG_PACKAGE}@${CLANG_VERSION}. The module imports nothing.
 *
 * libdeflate's licence:
 *
${notice}
 */

/** SHA-256 of the module's bytes; part of the identity of every archive it writes. */
export const DEFLATE_WASM_SHA256 = '${sha}';

export const DEFLATE_WASM_BASE64 =
  '${wasm.toString('base64')}';
`;
const options = { ...(await prettier.resolveConfig(OUT)), filepath: OUT };
fs.writeFileSync(OUT, await prettier.format(out, options));
console.log(`${path.relative(ROOT, OUT)}: ${wasm.length} bytes, sha256 ${sha}`);
