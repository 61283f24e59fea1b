"""Enters scores in a loop through the real service, for the crash and concurrency tests.

The tests need a process that does exactly what the score-entry page does on every Enter
(``save_score``: its own transaction, committed before it returns) and says what it did, so
that a test can kill it at any moment and then hold the database to every promise it made.

Usage::

    python tests/helpers/score_writer.py DB SELECTION [--start N] [--part K/M]
                                         [--seconds S] [--wait-go]
    python tests/helpers/score_writer.py DB SELECTION --serve

What it prints on stdout, one line at a time, each flushed at once:

``ready``
    the database is open; the loop starts (after ``go`` on stdin with ``--wait-go``).
``saving <participant> <component> <value>``
    just before ``save_score`` is called: this value may or may not be in the file.
``saved <participant> <component> <value>``
    after ``save_score`` returned: this value is committed and must survive anything.
``done <count> <first> <last>``
    the loop ended by itself (``--seconds``): saves made and the time of the first and last.

The work is a fixed sequence: item ``i`` is key ``i mod n`` (every participant of the
selection × ``COMPONENTS``, or the keys ``i mod M == K`` with ``--part``) with value
``value_at(i, n)``. A writer started with ``--start N`` goes on from item ``N``, so a test
can restart a killed writer exactly where its last reported save left off.

``--serve`` is a fork server for the crash test: it imports everything once, then on each
``write <start>`` line forks a writer (which prints ``child <pid>`` through the server) and
on each ``reap`` line waits for the killed writer and prints ``reaped <pid>``; every line of
that writer comes before it. A fresh interpreter costs half a second to start; sixty kills
of fresh processes would take most of a minute on a slow machine.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time
from pathlib import Path

from app.services.actor import Actor
from app.services.opening import open_database
from app.services.score_entry import save_score

COMPONENTS = ("PENGETAHUAN", "PSIKOTES")  # single-assessor, whole values 0–100, step 1
WRITER = Actor("penguji", "operator", "Penguji Ketahanan")
REASON = "uji ketahanan"  # replacing a value needs a reason; the writer replaces all the time
SAFETY_SECONDS = 30.0  # a writer nobody killed (the test died) stops by itself


def keys(db_path: Path, selection_id: int, part: tuple[int, int] = (0, 1)) -> list[tuple[str, str]]:
    """The (participant number, component) pairs this writer cycles through, in order."""
    connection = sqlite3.connect(db_path)
    try:
        numbers = [
            number
            for (number,) in connection.execute(
                "SELECT number FROM participant WHERE selection_id = ? ORDER BY number",
                (selection_id,),
            )
        ]
    finally:
        connection.close()
    every = [(number, code) for number in numbers for code in COMPONENTS]
    index, parts = part
    return [key for position, key in enumerate(every) if position % parts == index]


def value_at(item: int, count: int) -> int:
    """The value of item ``item``: each round over the keys gives every key a new value
    (a lost write is then visible), and the values stay within 0–100."""
    return (item + 13 * (item // count)) % 101


def say(line: str) -> None:
    """One whole line, flushed now: the test reads it even if this process dies next."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def write_loop(
    db_path: Path,
    selection_id: int,
    start: int,
    part: tuple[int, int],
    seconds: float | None,
    wait_go: bool,
) -> None:
    work = keys(db_path, selection_id, part)
    if not work or (len(work) + 13) % 101 == 0:
        raise SystemExit(f"unusable key count {len(work)}: values would not change per round")
    db = open_database(db_path)
    with db.reading():  # open the file once now, so "ready" means ready to save
        pass
    say("ready")
    if wait_go and sys.stdin.readline().strip() != "go":
        raise SystemExit("expected 'go'")
    began = time.monotonic()
    limit = began + (seconds if seconds is not None else SAFETY_SECONDS)
    first = last = 0.0
    count = 0
    item = start
    while time.monotonic() < limit:
        number, component = work[item % len(work)]
        value = str(value_at(item, len(work)))
        say(f"saving {number} {component} {value}")
        save_score(db, WRITER, selection_id, number, component, value, reason=REASON)
        last = time.time()
        first = first or last
        say(f"saved {number} {component} {value}")
        count += 1
        item += 1
    db.close()
    say(f"done {count} {first:.6f} {last:.6f}")


def serve(db_path: Path, selection_id: int) -> None:
    child = 0
    for line in sys.stdin:
        command, *args = line.split()
        if command == "reap" and child:
            os.waitpid(child, 0)
            say(f"reaped {child}")
            child = 0
        elif command == "write" and not child:
            sys.stdout.flush()
            pid = os.fork()
            if pid == 0:
                code = 0
                try:
                    write_loop(db_path, selection_id, int(args[0]), (0, 1), None, False)
                except BaseException:  # a writer never returns into the server's loop
                    import traceback

                    traceback.print_exc()
                    code = 1
                finally:
                    sys.stdout.flush()
                    os._exit(code)
            child = pid
            say(f"child {pid}")
        elif command == "quit":
            break
        else:
            raise SystemExit(f"unexpected command {line!r}")
    if child:
        os.waitpid(child, 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("selection", type=int)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--part", default="0/1", help="K/M: only the keys i mod M == K")
    parser.add_argument("--seconds", type=float)
    parser.add_argument("--wait-go", action="store_true")
    parser.add_argument("--serve", action="store_true")
    args = parser.parse_args()
    if args.serve:
        serve(args.db, args.selection)
        return
    index, parts = (int(n) for n in args.part.split("/"))
    write_loop(args.db, args.selection, args.start, (index, parts), args.seconds, args.wait_go)


if __name__ == "__main__":
    main()
