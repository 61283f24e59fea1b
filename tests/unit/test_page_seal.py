"""The signed code of each announcement page (issue #11 §3): what it says, who signed it."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID
from hypothesis import given
from hypothesis import strategies as st

from app.reports.qr import modules
from app.services.page_seal import PageSeal, can_seal, parse_seal, seal_signed_by, sign_seal

DIGEST = hashlib.sha256(b"hasil").hexdigest()
DOCUMENT = "SASN-2026-0A845A6F20"


def _certificate(key: ec.EllipticCurvePrivateKey) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Panitia")])
    now = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )


@pytest.fixture(scope="module")
def key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def test_the_code_reads_back_as_written(key: ec.EllipticCurvePrivateKey) -> None:
    seal = sign_seal(PageSeal(DOCUMENT, 3, 120, 41, 40, DIGEST), key)
    text = seal.payload()
    assert text.startswith(f"SASN|{DOCUMENT}|3/120|41+40|")
    assert len(seal.signature) == 64  # r‖s of P-256, not DER
    assert parse_seal(text) == seal
    assert seal.rows == range(40, 80)  # rows 41 to 80, 1-based, of the stored results
    assert seal_signed_by(parse_seal(text) or seal, _certificate(key))


def test_a_changed_word_or_another_key_breaks_the_signature(
    key: ec.EllipticCurvePrivateKey,
) -> None:
    seal = sign_seal(PageSeal(DOCUMENT, 3, 120, 41, 40, DIGEST), key)
    certificate = _certificate(key)
    for forged in (
        replace(seal, page=4),
        replace(seal, pages=121),
        replace(seal, first_row=1),
        replace(seal, row_count=39),
        replace(seal, snapshot_sha256=hashlib.sha256(b"lain").hexdigest()),
        replace(seal, document_id="SASN-2026-0A845A6F21"),
    ):
        assert not seal_signed_by(forged, certificate)
    other = _certificate(ec.generate_private_key(ec.SECP256R1()))
    assert not seal_signed_by(seal, other)
    assert not seal_signed_by(replace(seal, signature=b""), certificate)


def test_an_rsa_key_leaves_the_code_unsigned() -> None:
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    assert not can_seal(rsa_key) and not can_seal(None)
    seal = sign_seal(PageSeal(DOCUMENT, 1, 1, 0, 0, DIGEST), rsa_key)
    assert seal.signature == b""
    assert seal.payload().endswith("|")
    assert parse_seal(seal.payload()) == seal


def test_other_texts_are_not_seals() -> None:
    assert parse_seal(f"SELEKSI-ASN|{DOCUMENT}|{DIGEST}") is None  # the older page code
    assert parse_seal(f"SELEKSI-ASN-DOC|{DOCUMENT}") is None
    assert parse_seal("SASN|x|1/2|1+1||") is None


def test_the_code_of_a_100k_announcement_stays_readable(key: ec.EllipticCurvePrivateKey) -> None:
    """The longest seal (page 2,345 of 2,345, rows 99,961 to 100,000) fits a version-9 code,
    53 modules: at 22 mm that is 0.37 mm a module, two dots of a 150 dpi scan."""
    seal = sign_seal(PageSeal(DOCUMENT, 2345, 2345, 99961, 40, DIGEST), key)
    assert len(seal.payload()) <= 180
    assert len(modules(seal.payload())) <= 53


@given(
    page=st.integers(1, 99999),
    extra=st.integers(0, 99999),
    first=st.integers(0, 10**6),
    count=st.integers(0, 999),
    digest=st.binary(min_size=32, max_size=32),
    signature=st.sampled_from([b"", bytes(range(64))]),
)
def test_any_seal_reads_back(
    page: int, extra: int, first: int, count: int, digest: bytes, signature: bytes
) -> None:
    seal = PageSeal(DOCUMENT, page, page + extra, first, count, digest.hex(), signature)
    assert parse_seal(seal.payload()) == seal
