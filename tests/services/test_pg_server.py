"""The PostgreSQL the suite runs against (issue #12 §2): real, new enough, and serialising
writers the way the LAN mode will append to the audit chain (an advisory lock per write)."""

from __future__ import annotations

import threading
import time

import psycopg


def test_the_server_is_a_real_postgresql_15_or_newer(pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as connection:
        version = connection.execute("SHOW server_version_num").fetchone()
        assert version is not None and int(version[0]) >= 150000
        connection.execute("CREATE TABLE IF NOT EXISTS probe (n integer)")
        connection.execute("DROP TABLE probe")


def test_an_advisory_lock_serialises_two_writers(pg_url: str) -> None:
    """Two laptops appending at once: each takes the transaction's lock first, reads the
    last link and writes the next; the chain has no fork and no lost append."""
    with psycopg.connect(pg_url, autocommit=True) as setup:
        setup.execute("DROP TABLE IF EXISTS chain")
        setup.execute("CREATE TABLE chain (id serial PRIMARY KEY, prev integer NOT NULL)")

    def append(times: int) -> None:
        with psycopg.connect(pg_url) as connection:
            for _ in range(times):
                with connection.transaction():
                    connection.execute("SELECT pg_advisory_xact_lock(4207)")
                    row = connection.execute("SELECT max(id) FROM chain").fetchone()
                    last = row[0] if row and row[0] is not None else 0
                    time.sleep(0.001)  # widen the window a missing lock would lose
                    connection.execute("INSERT INTO chain (prev) VALUES (%s)", (last,))

    writers = [threading.Thread(target=append, args=(40,)) for _ in range(2)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    with psycopg.connect(pg_url, autocommit=True) as check:
        rows = check.execute("SELECT id, prev FROM chain ORDER BY id").fetchall()
        check.execute("DROP TABLE chain")
    assert len(rows) == 80
    assert [prev for _id, prev in rows] == [0, *[i for i, _ in rows[:-1]]]
