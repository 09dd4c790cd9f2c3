/**
 * Builds baseline JPEG files of a given size for the image rules: SOI, a JFIF APP0, a
 * quantisation table, the frame header (SOF0, or SOF2 for progressive), Huffman tables, a scan
 * of one all-grey MCU row pattern and EOI. `file` (libmagic) reads them back as JPEG images of
 * that size, which is what the tests check the builder against.
 */
function segment(marker: number, body: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

export function jpeg(
  width: number,
  height: number,
  opts: { progressive?: boolean; padTo?: number } = {},
): Buffer {
  const app0 = segment(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]));
  const dqt = segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)]));
  const sof = Buffer.alloc(9);
  sof.writeUInt8(8, 0);
  sof.writeUInt16BE(height, 1);
  sof.writeUInt16BE(width, 3);
  sof.writeUInt8(1, 5); // one component (greyscale)
  sof.writeUInt8(1, 6);
  sof.writeUInt8(0x11, 7);
  sof.writeUInt8(0, 8);
  const frame = segment(opts.progressive ? 0xc2 : 0xc0, sof);
  // DC table 0 with one code of length 1 (category 0), AC table 0 with one code (EOB).
  const dht = segment(
    0xc4,
    Buffer.concat([
      Buffer.from([0x00, 1]),
      Buffer.alloc(15),
      Buffer.from([0]),
      Buffer.from([0x10, 1]),
      Buffer.alloc(15),
      Buffer.from([0]),
    ]),
  );
  const sos = segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0]));
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const scan = Buffer.alloc(Math.ceil((blocks * 2) / 8), 0x00);
  const parts = [Buffer.from([0xff, 0xd8]), app0, dqt, frame, dht, sos, scan];
  const size = parts.reduce((n, p) => n + p.length, 0) + 2;
  if (opts.padTo !== undefined && opts.padTo > size) {
    // A comment segment (at most 65533 bytes each) before the frame pads the file to the size asked.
    let left = opts.padTo - size;
    const pads: Buffer[] = [];
    while (left > 0) {
      const n = Math.min(left, 65535);
      if (n < 4) break;
      pads.push(segment(0xfe, Buffer.alloc(n - 4, 0x20)));
      left -= n;
    }
    parts.splice(2, 0, ...pads);
  }
  return Buffer.concat([...parts, Buffer.from([0xff, 0xd9])]);
}
