"""Reads a ZIP with Python's zipfile and prints what a consumer sees, as JSON."""
import hashlib
import json
import sys
import zipfile

with zipfile.ZipFile(sys.argv[1]) as z:
    members = []
    for info in z.infolist():
        data = z.read(info)  # checks the CRC-32
        members.append({
            "name": info.filename,
            "mode": info.external_attr >> 16,
            "external_attr": info.external_attr,
            "date_time": list(info.date_time),
            "compress_type": info.compress_type,
            "flag_bits": info.flag_bits,
            "create_system": info.create_system,
            "create_version": info.create_version,
            "extract_version": info.extract_version,
            "extra": info.extra.hex(),
            "comment": info.comment.hex(),
            "file_size": info.file_size,
            "compress_size": info.compress_size,
            "is_dir": info.is_dir(),
            "sha256": hashlib.sha256(data).hexdigest(),
        })
    print(json.dumps({"comment": z.comment.hex(), "testzip": z.testzip(), "members": members}))
