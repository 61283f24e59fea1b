"""Run a script or module as ``python`` would, and write its own peak memory to a file.

A child's ``ru_maxrss`` as ``wait4`` reports it is on Linux at least the parent's peak at the
moment of the fork (the memory map it had before ``exec`` counts too): a benchmark that holds
100k generated participants would be measured instead of the command. ``VmHWM`` of the
process's own memory map, read at exit, is the command's alone.

    python -m bench.peak OUT.txt main.py ARGS...      (a script)
    python -m bench.peak OUT.txt -m MODULE ARGS...    (a module)
"""

from __future__ import annotations

import atexit
import resource
import runpy
import sys
from pathlib import Path


def own_peak_kib() -> int:
    """The peak resident set of this process's memory map (``ru_maxrss`` without /proc)."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> None:
    out, target, *rest = sys.argv[1:]
    atexit.register(lambda: Path(out).write_text(str(own_peak_kib()), encoding="ascii"))
    if target == "-m":
        module, *arguments = rest
        sys.argv = [module, *arguments]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    else:
        sys.argv = [target, *rest]
        runpy.run_path(target, run_name="__main__")


if __name__ == "__main__":
    main()
