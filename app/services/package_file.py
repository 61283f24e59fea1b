"""The package file a laptop sends: what it says, signed, and refused whole when damaged.

A package is three parts, in this order: the line ``SELEKSI-ASN-PAKET 1``; one line of JSON
(the envelope: which device, how long the content is, its SHA-256, and the device's Ed25519
signature of those); then the content, canonical JSON compressed with zlib. So one changed
byte anywhere fails the hash or the signature, a file cut short fails the length, and a
reader learns which device it claims to be before trusting anything it says.

Ed25519 (``cryptography``, already needed for the committee's key): a device key is made
when the laptop is prepared, its public half stays with the main laptop, and a package is
believed only under the key of the device it names.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .errors import UserError

MAGIC = b"SELEKSI-ASN-PAKET 1\n"
"""The first line: what the file is, and the version of its format."""

SUFFIX = ".paket"
MAX_ENVELOPE = 64 * 1024
MAX_CONTENT = 512 * 1024 * 1024
"""A package unpacked beyond this is refused before it fills the memory."""


@dataclass(frozen=True, slots=True)
class Package:
    """A package read and checked against its own hash (not yet against a device's key)."""

    device: str
    sha256: str
    signature: bytes
    content: dict[str, Any]
    signed_bytes: bytes


def new_device_key() -> tuple[str, str]:
    """A fresh Ed25519 key: (private PEM, public PEM)."""
    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")
    public = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )
    return private, public


def public_of(private_pem: str) -> str:
    """The public half of a device's private key, as PEM."""
    key = serialization.load_pem_private_key(private_pem.encode("ascii"), password=None)
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )


def key_fingerprint(public_pem: str) -> str:
    """SHA-256 of the public key's bytes, grouped as people compare them: ``3FA9 C1…``."""
    key = serialization.load_pem_public_key(public_pem.encode("ascii"))
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    digest = hashlib.sha256(raw).hexdigest().upper()
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


def canonical(value: object) -> bytes:
    """The one JSON spelling of ``value`` that is hashed and signed."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _signed_part(device: str, length: int, sha256: str) -> bytes:
    return canonical({"device": device, "length": length, "sha256": sha256, "format": 1})


def write_package(path: Path, device: str, private_pem: str, content: dict[str, Any]) -> str:
    """Write ``content`` as a package signed by the device key; returns the content's SHA-256.

    Written beside ``path`` and renamed into place: a disk pulled out mid-write leaves the
    previous package whole."""
    key = serialization.load_pem_private_key(private_pem.encode("ascii"), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise UserError("package.bad_key")
    packed = zlib.compress(canonical(content), 6)
    sha256 = hashlib.sha256(packed).hexdigest()
    signature = key.sign(_signed_part(device, len(packed), sha256))
    envelope = canonical(
        {
            "device": device,
            "length": len(packed),
            "sha256": sha256,
            "format": 1,
            "signature": base64.b64encode(signature).decode("ascii"),
        }
    )
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        with temporary.open("wb") as out:
            out.write(MAGIC)
            out.write(envelope + b"\n")
            out.write(packed)
            out.flush()
            os.fsync(out.fileno())
        temporary.replace(path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise UserError("package.cannot_write", path=path, error=error.strerror or error) from None
    return sha256


def read_package(path: Path) -> Package:
    """Read ``path`` and check it is whole: refused, in words naming the file, if it is not a
    package, is cut short or longer, or its content does not match its hash."""
    try:
        with path.open("rb") as source:
            magic = source.read(len(MAGIC))
            if magic != MAGIC:
                raise UserError("package.not_a_package", path=path)
            line = source.readline(MAX_ENVELOPE)
            if not line.endswith(b"\n"):
                raise UserError("package.truncated", path=path)
            try:
                envelope = json.loads(line)
                device = str(envelope["device"])
                length = int(envelope["length"])
                sha256 = str(envelope["sha256"])
                signature = base64.b64decode(str(envelope["signature"]), validate=True)
            except (ValueError, KeyError, TypeError):
                raise UserError("package.damaged", path=path) from None
            if not 0 < length <= MAX_CONTENT:
                raise UserError("package.damaged", path=path)
            packed = source.read(length + 1)
    except OSError as error:
        raise UserError("package.cannot_read", path=path, error=error.strerror or error) from None
    if len(packed) < length:
        raise UserError("package.truncated", path=path)
    if len(packed) > length or hashlib.sha256(packed).hexdigest() != sha256:
        raise UserError("package.damaged", path=path)
    try:
        unpacked = zlib.decompressobj()
        text = unpacked.decompress(packed, MAX_CONTENT)
        if unpacked.unconsumed_tail or not unpacked.eof:
            raise UserError("package.damaged", path=path)
        content = json.loads(text)
    except (zlib.error, ValueError):
        raise UserError("package.damaged", path=path) from None
    if not isinstance(content, dict) or content.get("device", {}).get("uuid") != device:
        raise UserError("package.damaged", path=path)
    return Package(device, sha256, signature, content, _signed_part(device, length, sha256))


def signed_by(package: Package, public_pem: str) -> bool:
    """Whether the package's signature is the device key's (``public_pem``)."""
    key = serialization.load_pem_public_key(public_pem.encode("ascii"))
    if not isinstance(key, Ed25519PublicKey):
        return False
    try:
        key.verify(package.signature, package.signed_bytes)
    except InvalidSignature:
        return False
    return True
