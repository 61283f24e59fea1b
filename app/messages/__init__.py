"""The message catalogue for everything outside Qt (CLI, services' errors, PDFs).

Qt widgets translate with ``tr()`` and ``.ts`` files; text produced below the GUI (error
messages from services, CLI output, document wording) comes from here, keyed by a stable id,
so the words live in one place per language. Indonesian is the default.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from app.numbers import style_for, value_for_people

from . import (
    catalog_devices,
    catalog_evaluation,
    catalog_history,
    catalog_imports,
    catalog_monev,
    catalog_policy,
    catalog_policy_fgd,
    catalog_policy_report,
    catalog_policy_sim,
    catalog_questionnaire,
    catalog_review,
    catalog_scheme,
    catalog_services,
)

LANGUAGES = ("id", "en")

_CATALOGUE: dict[str, tuple[str, str]] = {}
for _module in (
    catalog_scheme,
    catalog_imports,
    catalog_services,
    catalog_review,
    catalog_history,
    catalog_devices,
    catalog_evaluation,
    catalog_monev,
    catalog_policy,
    catalog_policy_fgd,
    catalog_policy_sim,
    catalog_policy_report,
    catalog_questionnaire,
):
    for _key, _texts in _module.MESSAGES.items():
        if _key in _CATALOGUE:
            raise RuntimeError(f"duplicate message id {_key}")
        _CATALOGUE[_key] = _texts

_language = (
    os.environ.get("SELEKSI_LANG", "id") if os.environ.get("SELEKSI_LANG") in LANGUAGES else "id"
)


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(language)
    _language = language


def language() -> str:
    return _language


def _format(value: Any, language_code: str) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(_format(v, language_code) for v in value)
    if isinstance(value, Decimal):
        # A message is read by a person: "jumlah bobot harus 100, sekarang 105,5" (issue #10
        # §2); English keeps the point.
        return value_for_people(value, None, style_for(language_code))
    return str(value)


def t(message_id: str, params: Mapping[str, Any] | None = None, /, **kwargs: Any) -> str:
    """The message in the current language; an unknown id is shown as is (never crashes)."""
    return translate(_language, message_id, params, **kwargs)


def translate(
    language_code: str, message_id: str, params: Mapping[str, Any] | None = None, /, **kwargs: Any
) -> str:
    """The message in ``language_code`` whatever the current language: a document printed
    from the English window is still an Indonesian document."""
    texts = _CATALOGUE.get(message_id)
    if texts is None:
        return message_id
    template = texts[LANGUAGES.index(language_code)]
    values = {
        key: _format(value, language_code) for key, value in {**(params or {}), **kwargs}.items()
    }
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return template


def known(message_id: str) -> bool:
    return message_id in _CATALOGUE
