"""``collector_paused`` under its former name, for the window that still imports it from here.

It lives in ``app.bulk`` (usable below the services); new code imports it from there.
"""

from app.bulk import collector_paused

__all__ = ["collector_paused"]
