import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The registry's artwork: `images/logo.jpg` (400x400, at most 500 KB) and `images/banner.jpg`
 * (1280x640, at most 1 MB) next to package.json. A missing, oversized or wrongly sized image is
 * a warning, never an error: the npm package works without them. Dimensions come from the JPEG
 * frame header (SOFn), read here without an image library.
 */

export interface ImageRule {
  file: string;
  width: number;
  height: number;
  maxBytes: number;
  limit: string;
}

export const IMAGE_RULES: readonly ImageRule[] = [
  { file: 'images/logo.jpg', width: 400, height: 400, maxBytes: 500 * 1024, limit: '500 KB' },
  { file: 'images/banner.jpg', width: 1280, height: 640, maxBytes: 1024 * 1024, limit: '1 MB' },
];

/** SOF markers that carry the frame size (not DHT C4, JPG C8, DAC CC). */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Width and height from a JPEG's frame header, or a reason it has none. */
export function jpegSize(b: Buffer): { width: number; height: number } | string {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8)
    return 'it is not a JPEG (no FFD8 start marker)';
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return `it is not a well-formed JPEG (no marker at byte ${i})`;
    while (b[i] === 0xff && i < b.length) i++; // fill bytes
    const marker = b[i]!;
    i++;
    // Markers without a length: TEM, RST0-7, SOI.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue;
    if (marker === 0xd9 || marker === 0xda) break; // EOI or start of scan: no frame header before it
    if (i + 2 > b.length) break;
    const len = b.readUInt16BE(i);
    if (len < 2) return `it is not a well-formed JPEG (segment length ${len} at byte ${i})`;
    if (SOF.has(marker)) {
      if (i + 7 > b.length) break;
      return { height: b.readUInt16BE(i + 3), width: b.readUInt16BE(i + 5) };
    }
    i += len;
  }
  return 'it is not a well-formed JPEG (no frame header before the image data)';
}

/** One message per image rule not met (empty when both images are right). */
export async function imageWarnings(
  packageDir: string,
): Promise<{ file: string; message: string }[]> {
  const out: { file: string; message: string }[] = [];
  for (const rule of IMAGE_RULES) {
    const file = path.join(packageDir, rule.file);
    const want = `${rule.width}x${rule.height} JPEG of at most ${rule.limit}`;
    const bytes = await fs.readFile(file).catch(() => undefined);
    if (bytes === undefined) {
      out.push({
        file,
        message: `${rule.file} is missing: the ElizaOS registry shows a ${want} there. Add it (the release goes on without it)`,
      });
      continue;
    }
    const problems: string[] = [];
    if (bytes.length > rule.maxBytes)
      problems.push(`it is ${bytes.length} bytes, over ${rule.limit} (${rule.maxBytes} bytes)`);
    const size = jpegSize(bytes);
    if (typeof size === 'string') problems.push(size);
    else if (size.width !== rule.width || size.height !== rule.height) {
      problems.push(`it is ${size.width}x${size.height}, not ${rule.width}x${rule.height}`);
    }
    if (problems.length > 0) {
      out.push({
        file,
        message: `${rule.file}: ${problems.join('; ')}. The ElizaOS registry wants a ${want}`,
      });
    }
  }
  return out;
}
