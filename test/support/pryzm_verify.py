"""An independent PRYZM signature checker for the tests: its own canonical JSON (json.dumps with
ensure_ascii=False and no whitespace, keys sorted by UTF-16 code units as JavaScript's .sort()
does; it agrees with the SDK's only when every number is an integer) and Ed25519 from Python's
`cryptography`. Usage: pryzm_verify.py <signature.json> [<tarball>]
Prints a JSON object: {"canonical": <payload canonical text>, "valid": bool, "sha256": ...}.
"""
import base64
import hashlib
import json
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def canonical(value):
    if isinstance(value, dict):
        keys = sorted(value.keys(), key=lambda k: k.encode("utf-16-be"))
        return "{" + ",".join(
            json.dumps(k, ensure_ascii=False) + ":" + canonical(value[k]) for k in keys
        ) + "}"
    if isinstance(value, list):
        return "[" + ",".join(canonical(v) for v in value) + "]"
    if isinstance(value, float):
        raise SystemExit("non-integer number: this checker only agrees on integers")
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def strict_b64(text):
    # Standard alphabet with padding, as the editor's atob reads it.
    if len(text) % 4 != 0 or any(c in "-_" for c in text):
        raise SystemExit("not standard padded base64: " + text)
    return base64.b64decode(text, validate=True)


def main():
    with open(sys.argv[1], "rb") as f:
        raw = f.read()
    sig = json.loads(raw.decode("utf-8"))
    text = canonical(sig["payload"])
    key = Ed25519PublicKey.from_public_bytes(strict_b64(sig["publisherPublicKeyB64"]))
    try:
        key.verify(strict_b64(sig["signatureB64"]), text.encode("utf-8"))
        valid = True
    except InvalidSignature:
        valid = False
    out = {"canonical": text, "valid": valid, "fileText": raw.decode("utf-8")}
    # The file is the canonical JSON of the whole object re-indented to 2 spaces, plus LF.
    out["fileExpected"] = json.dumps(json.loads(canonical(sig)), ensure_ascii=False, indent=2) + "\n"
    if len(sys.argv) > 2:
        with open(sys.argv[2], "rb") as f:
            out["sha256"] = hashlib.sha256(f.read()).hexdigest()
    print(json.dumps(out, ensure_ascii=False))


main()
