"""Independent tarball writer for the verify tests: Python's own tarfile + gzip, not our packer.

Reads a JSON list of specs from the file named by argv[1] and writes one .tar.gz per spec:

  {"out": path, "format": "gnu"|"pax"|"ustar", "level": 1..9,
   "gzip_members": 1|2,            # 2: the tar stream split across two gzip members
   "pax_global": {key: value},     # a PAX global header (pax format only)
   "members": [{"name": str, "name_b64": bytes as base64 (instead of name),
                "type": "file"|"dir"|"symlink"|"hardlink"|"chr"|"fifo",
                "data": str, "zeros": n, "mode": int, "link": str, "pax": {key: value}}]}

`zeros` streams n zero bytes, so entries over the installer's limits stay small once gzipped.
Member times and owners are fixed; nothing depends on the machine.
"""
import base64
import gzip
import io
import json
import sys
import tarfile

FORMATS = {"gnu": tarfile.GNU_FORMAT, "pax": tarfile.PAX_FORMAT, "ustar": tarfile.USTAR_FORMAT}
TYPES = {
    "file": tarfile.REGTYPE,
    "dir": tarfile.DIRTYPE,
    "symlink": tarfile.SYMTYPE,
    "hardlink": tarfile.LNKTYPE,
    "chr": tarfile.CHRTYPE,
    "fifo": tarfile.FIFOTYPE,
}


class Zeros(io.RawIOBase):
    """A readable stream of n zero bytes that never holds them all."""

    def __init__(self, n):
        self.left = n

    def readable(self):
        return True

    def readinto(self, buf):
        n = min(len(buf), self.left)
        buf[:n] = bytes(n)
        self.left -= n
        return n


def member(m):
    if "name_b64" in m:
        name = base64.b64decode(m["name_b64"]).decode("utf-8", "surrogateescape")
    else:
        name = m["name"]
    info = tarfile.TarInfo(name)
    kind = m.get("type", "file")
    info.type = TYPES[kind]
    info.mode = m.get("mode", 0o755 if kind == "dir" else 0o644)
    info.mtime = 1700000000
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.linkname = m.get("link", "")
    if kind == "chr":
        info.devmajor, info.devminor = 1, 3
    if "pax" in m:
        info.pax_headers = m["pax"]
    body = None
    if kind == "file":
        if "zeros" in m:
            info.size = m["zeros"]
            body = io.BufferedReader(Zeros(m["zeros"]), 1 << 20)
        else:
            data = m.get("data", "").encode("utf-8")
            info.size = len(data)
            body = io.BytesIO(data)
    return info, body


def write_tar(fileobj, spec):
    options = {"format": FORMATS[spec.get("format", "gnu")], "encoding": "utf-8",
               "errors": "surrogateescape"}
    if spec.get("pax_global"):
        options["pax_headers"] = spec["pax_global"]
    with tarfile.open(fileobj=fileobj, mode="w", **options) as tf:
        for m in spec["members"]:
            info, body = member(m)
            tf.addfile(info, body)


def write(spec):
    level = spec.get("level", 6)
    with open(spec["out"], "wb") as out:
        if spec.get("gzip_members", 1) == 2:
            raw = io.BytesIO()
            write_tar(raw, spec)
            tar = raw.getvalue()
            half = len(tar) // 2
            out.write(gzip.compress(tar[:half], level, mtime=0))
            out.write(gzip.compress(tar[half:], level, mtime=0))
        else:
            # Streamed: entries of hundreds of MiB of zeros never sit in memory.
            with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=level, mtime=0) as gz:
                write_tar(gz, spec)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        specs = json.load(f)
    for spec in specs:
        write(spec)


main()
