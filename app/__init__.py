"""Seleksi ASN: an offline application for competency-based civil-service selection."""

__version__ = "0.1.0"
