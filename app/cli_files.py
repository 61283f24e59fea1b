"""What the commands write for scripts: figures as JSON, UTF-8, decimal points, one file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def write_json(path: Path, figures: Any) -> None:
    """``figures`` to ``path`` (names in their own letters, indented for a reader); a file
    that cannot be written is a ``UserError`` naming it and why."""
    from app.services.errors import UserError

    try:
        path.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as error:
        raise UserError("cli.cannot_write", path=path, detail=error.strerror) from error
