/*
 * WebAssembly entry points for the parallel gzip writer (src/archive/gzip.ts).
 *
 * Built by scripts/build-deflate-wasm.mjs together with libdeflate's compressor, which the build
 * script patches in two places (see PATCHES there):
 *  - a compressor can be primed with a dictionary: the first `dict_nbytes` bytes of the input are
 *    inserted into the match finder but not emitted, so matches may reach back into them;
 *  - a compressor can end its output with a non-final block.
 *
 * Contract of block_deflate(): raw deflate of in[dict_nbytes .. dict_nbytes + data_nbytes) at
 * `level` (0-9), matches allowed into the dictionary in[0 .. dict_nbytes). With `final` the last
 * block has BFINAL set and the output is padded to a byte. Without it every block is non-final and
 * the output ends with an empty stored block (what zlib's Z_SYNC_FLUSH writes), so it is
 * byte-aligned and the next piece can follow it directly. Returns the output length, or 0 if the
 * arguments are invalid or `out_avail` is below block_bound(data_nbytes).
 *
 * The output depends only on the arguments: each call resets the compressor's state.
 */
#include <stdlib.h>
#include <string.h>

#include "deflate_compress.c"

#define EXPORT(name) __attribute__((export_name(#name)))

/* One compressor per level, allocated on first use and kept for the instance's life. */
static struct libdeflate_compressor *compressors[10];

/* Inputs up to this size are stored: libdeflate's own passthrough threshold is smaller. */
#define STORE_AT_MOST 64

EXPORT(block_alloc) void *block_alloc(size_t n) { return malloc(n); }

EXPORT(block_free) void block_free(void *p) { free(p); }

/* Room for stored blocks (5 bytes of header per 65535 bytes) plus the sync-flush marker. */
EXPORT(block_bound) size_t block_bound(size_t data_nbytes)
{
	return data_nbytes + 5 * (data_nbytes / 0xFFFF + 1) + 1024;
}

/* Stored (uncompressed) blocks. A non-final run ends with the empty stored block too, so every
 * non-final piece ends the same way whatever its level. */
static size_t put_stored(const u8 *data, size_t n, u8 *out, int final)
{
	u8 *p = out;

	do {
		size_t len = n > 0xFFFF ? 0xFFFF : n;

		n -= len;
		*p++ = (final && n == 0) ? 1 : 0;
		*p++ = (u8)len;
		*p++ = (u8)(len >> 8);
		*p++ = (u8)~len;
		*p++ = (u8)(~len >> 8);
		memcpy(p, data, len);
		p += len;
		data += len;
	} while (n > 0);
	if (!final) {
		static const u8 empty[5] = { 0x00, 0x00, 0x00, 0xFF, 0xFF };

		memcpy(p, empty, sizeof(empty));
		p += sizeof(empty);
	}
	return p - out;
}

EXPORT(block_deflate)
size_t block_deflate(int level, const u8 *in, size_t dict_nbytes, size_t data_nbytes, u8 *out,
		     size_t out_avail, int final)
{
	struct libdeflate_compressor *c;
	struct deflate_output_bitstream os;

	if (level < 0 || level > 9 || dict_nbytes > 32768 || out_avail < block_bound(data_nbytes))
		return 0;
	if (data_nbytes == 0) {
		if (!final)
			return 0;
		/* An empty final block with fixed codes: BFINAL=1, BTYPE=01, end-of-block. */
		out[0] = 0x03;
		out[1] = 0x00;
		return 2;
	}
	if (level == 0 || data_nbytes <= STORE_AT_MOST)
		return put_stored(in + dict_nbytes, data_nbytes, out, final);

	c = compressors[level];
	if (c == NULL)
		c = compressors[level] = libdeflate_alloc_compressor(level);
	if (c == NULL)
		return 0;
	c->dict_nbytes = dict_nbytes;
	c->final_piece = final != 0;

	os.bitbuf = 0;
	os.bitcount = 0;
	os.next = out;
	os.end = out + out_avail;
	os.overflow = false;
	(*c->impl)(c, in, dict_nbytes + data_nbytes, &os);
	if (os.overflow)
		return 0;

	if (final) {
		if (os.bitcount)
			*os.next++ = (u8)os.bitbuf;
	} else {
		/* Empty stored block: 3 zero header bits, zero padding to a byte, LEN 0, NLEN 0xFFFF. */
		size_t n = (os.bitcount + 3 + 7) / 8;

		if ((size_t)(os.end - os.next) < n + 4)
			return 0;
		while (n--) {
			*os.next++ = (u8)os.bitbuf;
			os.bitbuf >>= 8;
		}
		*os.next++ = 0x00;
		*os.next++ = 0x00;
		*os.next++ = 0xFF;
		*os.next++ = 0xFF;
	}
	return os.next - out;
}
