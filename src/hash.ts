import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';

/**
 * Lowercase hex sha256 of a file. Reads into one reused buffer: a read stream allocates a fresh
 * chunk per read, and on a 1.5 GiB asset that garbage alone lifted peak RSS by ~30 MiB.
 */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  const fh = await fs.open(file, 'r');
  const buf = Buffer.allocUnsafe(256 * 1024);
  try {
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      hash.update(buf.subarray(0, bytesRead));
    }
  } finally {
    await fh.close();
  }
  return hash.digest('hex');
}
