"""Independent reader for the tests: describes a .tar.gz with Python's own gzip/zlib/tarfile.

Prints JSON: gzip members (a decoder that reads only the first member, like the installer's,
plus whether anything follows it), global PAX headers, and every member's metadata in order.
"""
import io
import json
import sys
import tarfile
import zlib

path = sys.argv[1]
raw = open(path, "rb").read()
d = zlib.decompressobj(31)  # gzip wrapper, first member only
first = d.decompress(raw) + d.flush()
trailing = len(d.unused_data)
members = []
with tarfile.open(fileobj=io.BytesIO(first), mode="r:") as tf:
    global_pax = dict(tf.pax_headers)
    for m in tf.getmembers():
        body = tf.extractfile(m).read() if m.isfile() else b""
        members.append({
            "name": m.name,
            "type": "file" if m.isfile() else "dir" if m.isdir() else "symlink" if m.issym() else "hardlink" if m.islnk() else "other",
            "mode": m.mode,
            "uid": m.uid,
            "gid": m.gid,
            "uname": m.uname,
            "gname": m.gname,
            "mtime": m.mtime,
            "size": m.size,
            "content": body.decode("utf-8", "replace") if len(body) < 4096 else None,
        })
print(json.dumps({"trailing": trailing, "globalPax": global_pax, "members": members, "gzipHeader": list(raw[:10])}))
