"""The signed QR code on every page of an announcement (issue #11 §3).

A committee member, a participant or a journalist holds one printed page, not the PDF, and
often has no network. The code on each page therefore says which document it belongs to,
which page of how many it is, which rows of the lampiran it shows and the SHA-256 of the
stored results, and the committee's signing key signs exactly those words. A page moved from
another announcement, a page number changed, or a code made by someone without the key is
caught from the picture alone; the database then says what rows the page must show.

The signature is ECDSA P-256 over SHA-256, written as the 64 bytes r‖s (not DER), in
URL-safe base64: 86 characters, where an RSA-3072 signature needs 512 and makes a code too
dense to read from a 150 dpi scan. An older committee key (RSA, made before the key pair
of a root and a signing certificate) cannot sign so briefly: its pages carry the code
unsigned, and verification says so.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

SEAL_PREFIX = "SASN"
"""The first word of every page's code; the rest is ``|``-separated (see ``PageSeal``)."""

_SEAL = re.compile(
    rf"^{SEAL_PREFIX}\|(SASN-\d{{4}}-[0-9A-F]{{10}})\|(\d+)/(\d+)\|(\d+)\+(\d+)"
    r"\|([A-Za-z0-9_-]{43})\|([A-Za-z0-9_-]{86})?$"
)
_CURVE_BYTES = 32  # P-256: r and s are 32 bytes each


@dataclass(frozen=True, slots=True)
class PageSeal:
    """What the code of one page says: ``SASN|<id>|<page>/<pages>|<first>+<count>|<sha>|<sig>``.

    ``first_row`` is the 1-based position in the stored results of the first row the page
    shows and ``row_count`` how many it shows (0 on the announcement's own pages and on the
    legend). ``snapshot_sha256`` is hexadecimal here and base64 in the code, to keep it short.
    """

    document_id: str
    page: int
    pages: int
    first_row: int
    row_count: int
    snapshot_sha256: str
    signature: bytes = b""

    def signed_text(self) -> str:
        """The words the committee key signs: everything in the code but the signature."""
        digest = _encode(bytes.fromhex(self.snapshot_sha256))
        return "|".join(
            (
                SEAL_PREFIX,
                self.document_id,
                f"{self.page}/{self.pages}",
                f"{self.first_row}+{self.row_count}",
                digest,
            )
        )

    def payload(self) -> str:
        return f"{self.signed_text()}|{_encode(self.signature)}"

    @property
    def rows(self) -> range:
        """The 0-based indices of the stored rows the page shows."""
        start = max(self.first_row - 1, 0)
        return range(start, start + self.row_count)


def parse_seal(text: str) -> PageSeal | None:
    """The seal a page's code says, or ``None`` when the text is not a page seal."""
    found = _SEAL.fullmatch(text.strip())
    if found is None:
        return None
    document_id, page, pages, first, count, digest, signature = found.groups()
    return PageSeal(
        document_id,
        int(page),
        int(pages),
        int(first),
        int(count),
        _decode(digest).hex(),
        _decode(signature) if signature else b"",
    )


def can_seal(key: PrivateKeyTypes | None) -> bool:
    """Whether ``key`` signs compactly enough for a page's code (an ECDSA P-256 key)."""
    from cryptography.hazmat.primitives.asymmetric import ec

    return isinstance(key, ec.EllipticCurvePrivateKey) and key.curve.key_size == 256


def sign_seal(seal: PageSeal, key: PrivateKeyTypes | None) -> PageSeal:
    """``seal`` signed by ``key``; unchanged (unsigned) when the key cannot sign compactly."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

    if not can_seal(key):
        return seal
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    der = key.sign(seal.signed_text().encode("utf-8"), ec.ECDSA(hashes.SHA256()))
    r, s = decode_dss_signature(der)
    raw = r.to_bytes(_CURVE_BYTES, "big") + s.to_bytes(_CURVE_BYTES, "big")
    return replace(seal, signature=raw)


def seal_signed_by(seal: PageSeal, certificate: x509.Certificate) -> bool:
    """Whether the seal's signature was made by the key of ``certificate``."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

    public = certificate.public_key()
    if len(seal.signature) != 2 * _CURVE_BYTES or not isinstance(public, ec.EllipticCurvePublicKey):
        return False
    r = int.from_bytes(seal.signature[:_CURVE_BYTES], "big")
    s = int.from_bytes(seal.signature[_CURVE_BYTES:], "big")
    try:
        public.verify(
            encode_dss_signature(r, s),
            seal.signed_text().encode("utf-8"),
            ec.ECDSA(hashes.SHA256()),
        )
    except InvalidSignature:
        return False
    return True


def _encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
