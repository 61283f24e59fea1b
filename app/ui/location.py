"""Where the open database lives, as the window names it: a file, or a database on a LAN server.

A file is named by its path. A server database (issue #12 §2) is named by its address without
the password — ``server 192.168.1.10/seleksi`` on screen, ``postgresql://user@host:port/dbname``
in the recent list and the per-database preferences — so a password typed into the connect
dialog never reaches a title, a message or the settings store. ``ServerAddress`` is the one
place that composes the URL from the pieces a clerk types, and reads them back from one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from PySide6.QtCore import QCoreApplication

from app.services.database import Database
from app.services.opening import is_server_url

DEFAULT_PORT = 5432
CONNECT_TIMEOUT_S = 10
"""How long a connection attempt waits for a server that does not answer (libpq's
``connect_timeout``): long enough for a slow LAN, short enough that a clerk who typed a
wrong address learns it at once rather than after the system's two minutes."""

Location = Path | str
"""A database file's path, or a server database's URL without its password."""


@dataclass(frozen=True)
class ServerAddress:
    """The pieces of a server database's address; ``password`` is never shown or stored."""

    host: str
    port: int = DEFAULT_PORT
    dbname: str = ""
    user: str = ""
    password: str = field(default="", repr=False, compare=False)

    def _netloc(self, with_password: bool) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        who = quote(self.user, safe="")
        if with_password and self.password:
            who += ":" + quote(self.password, safe="")
        return f"{who}@{host}:{self.port}" if who else f"{host}:{self.port}"

    def url(self) -> str:
        """The URL to connect with: the password, when one was typed, and a connect timeout."""
        netloc = self._netloc(with_password=True)
        return (
            f"postgresql://{netloc}/{quote(self.dbname, safe='')}"
            f"?connect_timeout={CONNECT_TIMEOUT_S}"
        )

    def public_url(self) -> str:
        """The URL as it may be kept and shown: no password, no options."""
        return f"postgresql://{self._netloc(with_password=False)}/{quote(self.dbname, safe='')}"

    def display(self) -> str:
        """``server host/dbname`` (the port only when it is not PostgreSQL's usual one)."""
        where = self.host if self.port == DEFAULT_PORT else f"{self.host}:{self.port}"
        return (
            QCoreApplication.translate("Location", "server %1/%2")
            .replace("%1", where)
            .replace("%2", self.dbname)
        )

    @classmethod
    def from_url(cls, url: str) -> ServerAddress:
        """The pieces of ``postgresql://user:password@host:port/dbname?options``."""
        parts = urlsplit(url)
        try:
            port = parts.port or DEFAULT_PORT
        except ValueError:
            port = DEFAULT_PORT
        return cls(
            host=parts.hostname or "",
            port=port,
            dbname=unquote(parts.path.lstrip("/")),
            user=unquote(parts.username or ""),
            password=unquote(parts.password or ""),
        )


def is_server(database: Database) -> bool:
    """Whether ``database`` is on a server (it has no file)."""
    return database.path is None


def server_address(database: Database) -> ServerAddress:
    """The address of a server database (its password included, for connecting only)."""
    return ServerAddress.from_url(str(getattr(database, "url")))  # noqa: B009


def location_key(database: Database) -> Location:
    """What names ``database`` in the recent list and the preferences: the file's path, or
    the server's URL without the password."""
    if is_server(database):
        return server_address(database).public_url()
    return Path(database.path)


def short_name(database: Database) -> str:
    """The window title's name for ``database``: the file's name, or ``server host/dbname``."""
    if is_server(database):
        return server_address(database).display()
    return Path(database.path).name


def full_name(database: Database) -> str:
    """The whole location: the file's path, or the server with the PostgreSQL user."""
    if not is_server(database):
        return str(database.path)
    address = server_address(database)
    return (
        QCoreApplication.translate("Location", "%1 (pengguna %2)")
        .replace("%1", address.display())
        .replace("%2", address.user)
    )


def normal_location(location: Location) -> Location:
    """One spelling per database: a file's absolute path, a server's URL without password."""
    if isinstance(location, str) and is_server_url(location):
        return ServerAddress.from_url(location).public_url()
    return Path(location).expanduser().resolve()
