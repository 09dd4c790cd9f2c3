import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Debian's real `minisign` for the tests, plus Python (hashlib's OpenSSL scrypt and BLAKE2b) to
 * write encrypted keys with small scrypt limits: minisign's own default asks for 1 GiB and
 * several seconds per derivation.
 */
export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

export function run(cmd: string, args: string[], input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr }));
    child.stdin.on('error', () => undefined); // a tool that exits without reading its input
    child.stdin.end(input);
  });
}

export interface KeyPair {
  secretFile: string;
  publicFile: string;
  secret: string;
  /** The bare `RW...` line. */
  publicKey: string;
}

/** `minisign -G -W`: an unencrypted key pair written by minisign itself. */
export async function generateKeys(dir: string, name = 'key'): Promise<KeyPair> {
  const secretFile = path.join(dir, `${name}.key`);
  const publicFile = path.join(dir, `${name}.pub`);
  const r = await run('minisign', ['-G', '-W', '-f', '-p', publicFile, '-s', secretFile]);
  if (r.status !== 0) throw new Error(`minisign -G failed: ${r.stderr}`);
  const pub = await fs.readFile(publicFile, 'utf8');
  return {
    secretFile,
    publicFile,
    secret: await fs.readFile(secretFile, 'utf8'),
    publicKey: pub.trim().split('\n')[1]!,
  };
}

const ENCRYPT_PY = `
import base64, hashlib, os, struct, sys
lines = [l for l in open(sys.argv[1]).read().splitlines() if l and not l.startswith('untrusted comment:')]
raw = bytearray(base64.b64decode(lines[0]))
password, ops, mem, logn, p = sys.argv[2].encode(), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
assert raw[0:2] == b'Ed' and raw[2:4] == b'\\0\\0'
salt = os.urandom(32)
body = bytes(raw[54:126])
chk = hashlib.blake2b(b'Ed' + body, digest_size=32).digest()
plain = body + chk
stream = hashlib.scrypt(password, salt=salt, n=1 << logn, r=8, p=p, maxmem=1 << 30, dklen=104)
out = bytes(raw[0:2]) + b'Sc' + b'B2' + salt + struct.pack('<QQ', ops, mem) + bytes(a ^ b for a, b in zip(plain, stream))
print('untrusted comment: minisign encrypted secret key')
print(base64.b64encode(out).decode())
`;

/**
 * Re-saves an unencrypted minisign key encrypted under `password`, with the given stored limits
 * and the N and p the test expects libsodium's pickparams to derive from them. minisign then
 * decrypts it only if it derives the same parameters.
 */
export async function encryptKey(
  keys: KeyPair,
  file: string,
  o: { password: string; opslimit: number; memlimit: number; logN: number; p: number },
): Promise<string> {
  const args = [o.password, o.opslimit, o.memlimit, o.logN, o.p].map(String);
  const r = await run('python3', ['-c', ENCRYPT_PY, keys.secretFile, ...args]);
  if (r.status !== 0) throw new Error(`encrypting the key failed: ${r.stderr}`);
  await fs.writeFile(file, r.stdout);
  return r.stdout;
}

/** `minisign -V`; -P with the bare key. */
export function minisignVerify(file: string, publicKey: string, sigFile = `${file}.minisig`) {
  return run('minisign', ['-V', '-m', file, '-x', sigFile, '-P', publicKey]);
}
