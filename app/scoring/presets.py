"""Loading scheme files (TOML) into validated schemes."""

from __future__ import annotations

import tomllib
from pathlib import Path

from .problems import Problem, SchemeInvalid
from .scheme import Scheme
from .scheme_file import scheme_from_mapping


def load_scheme_text(text: str) -> Scheme:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SchemeInvalid([Problem("", "scheme.toml_syntax", {"detail": str(error)})]) from error
    return scheme_from_mapping(data)


def load_scheme_file(path: Path) -> Scheme:
    return load_scheme_text(path.read_text(encoding="utf-8"))
