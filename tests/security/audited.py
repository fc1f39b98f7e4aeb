"""Run `marsad ARGS...` under a Python audit hook that records every path the process opens,
lists, creates, renames or removes: the witness of the hostile end-to-end tests.

    python tests/security/audited.py EVENTS.json ARGS...

EVENTS.json gets a list of [event, absolute path, wrote]. Native code that opens files
itself (DuckDB) is not seen here; the tests check its files by where they land.
"""

from __future__ import annotations

import atexit
import json
import os
import sys

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
PATH_EVENTS = {
    "os.listdir": False,
    "os.scandir": False,
    "os.mkdir": True,
    "os.remove": True,
    "os.rmdir": True,
    "os.symlink": True,
    "os.truncate": True,
    "os.chmod": True,
    "shutil.rmtree": True,
    "shutil.copyfile": True,
}
DIR_FD_ARG = {"os.remove": 1, "os.rmdir": 1, "os.mkdir": 2, "os.symlink": 3, "os.chmod": 2}
seen: set[tuple[str, str, bool]] = set()


def _path(value) -> str | None:
    if isinstance(value, int) or value is None:
        return None  # a file descriptor: its open was recorded
    try:
        return os.path.abspath(os.fsdecode(value))
    except (TypeError, ValueError):
        return None


def hook(event: str, args: tuple) -> None:
    if event == "open":
        path, mode, flags = (tuple(args) + (None, None, None))[:3]
        wrote = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and bool(flags & WRITE_FLAGS)
        )
        found = _path(path)
        if found:
            seen.add((event, found, wrote))
    elif event == "os.rename":  # os.replace too: (src, dst, src_dir_fd, dst_dir_fd)
        for value, dir_fd in zip(args[:2], tuple(args[2:4]) + (None, None), strict=False):
            found = _path(value) if dir_fd is None else None
            if found:
                seen.add((event, found, True))
    elif event in PATH_EVENTS:
        # a name relative to a directory descriptor (shutil.rmtree removing its own
        # temporary folder) has no absolute path here: that folder's own event has it
        dir_fd = args[DIR_FD_ARG[event]] if event in DIR_FD_ARG and len(args) > DIR_FD_ARG[event] else None
        found = _path(args[0]) if args and dir_fd is None else None
        if found:
            seen.add((event, found, PATH_EVENTS[event]))


def dump(target: str) -> None:
    events = sorted(seen)
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(events, handle)


def main() -> int:
    target, argv = sys.argv[1], sys.argv[2:]
    atexit.register(dump, target)
    sys.addaudithook(hook)
    from marsad.cli import main as marsad

    return marsad(argv)


if __name__ == "__main__":
    sys.exit(main())
