"""Helpers for work on hundreds of thousands of rows at once, in any layer.

Kept apart from the services (like ``app.clock``) so the demo generator, which imports only
the standard library and the rules, can use it too.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects.

    Rows, candidates and results form no reference cycles, yet every few thousand allocations
    the collector would walk all of them again: at 100k participants that doubles a ranking.
    It is switched back on only if it was on before, so nested users leave it as they found it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
