#!/usr/bin/env python3
"""The console saves a change, the wall shows it: for Scripts/bench (figure 8).

Usage: wall.py CONFIG.json OUTPUT.json

CONFIG: {"campfire": path, "folder": session folder at the stories step, "reps": N,
         "modes": [{"name", "env": {...}, "wall": another build for the wall (optional)}]}

For each mode, `campfire resume FOLDER` (the console) runs on one pseudo-terminal of 80x24 and
`campfire present FOLDER` (the wall) on another of 100x30, both owned by this script. Then, N
times, `n` (next teller: one or two journal lines) is typed on the console, and this measures,
from the moment the console wrote the change to its journal (seen through inotify on the
session folder, the same notification the wall gets) to the arrival on the wall's terminal of
the last byte of its redraw (its output then quiet for 60 ms). Between changes it waits a
random 0-250 ms, so that a wall that polls is caught at every point of its 200 ms cycle.

Also recorded: from the key typed to the last byte on the wall.
"""
import ctypes
import json
import os
import random
import select
import signal
import struct
import sys
import time

from firstdraw import ESCAPES, read_until_quiet, spawn

IN_MODIFY = 0x00000002
IN_NONBLOCK = 0o4000

libc = ctypes.CDLL(None, use_errno=True)


class Pty:
    def __init__(self, argv, env, columns, rows):
        self.master, self.pid, _ = spawn(argv, env, columns=columns, rows=rows)

    def drain(self, gap, limit=5):
        """Reads until nothing arrives for `gap` seconds; returns (bytes, arrival of the last)."""
        return read_until_quiet(self.master, gap, limit)

    def stop(self):
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.master)


def journal_watch(folder):
    descriptor = libc.inotify_init1(IN_NONBLOCK)
    if descriptor < 0:
        raise SystemExit("inotify is not available")
    if libc.inotify_add_watch(descriptor, folder.encode(), IN_MODIFY) < 0:
        raise SystemExit(f"cannot watch {folder}")
    return descriptor


def journal_written(descriptor):
    """Reads pending events; true if one was a write to journal.jsonl."""
    seen = False
    while True:
        try:
            data = os.read(descriptor, 65536)
        except BlockingIOError:
            return seen
        offset = 0
        while offset + 16 <= len(data):
            _, mask, _, length = struct.unpack_from("iIII", data, offset)
            name = data[offset + 16:offset + 16 + length].rstrip(b"\0")
            if name == b"journal.jsonl" and mask & IN_MODIFY:
                seen = True
            offset += 16 + length


def measure(campfire, folder, reps, extra_env, wall_program=None):
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
    env.pop("NO_COLOR", None)
    console = Pty([campfire, "resume", folder], env, 80, 24)
    console.drain(0.5, 30)
    wall = Pty([wall_program or campfire, "present", folder], dict(env, **extra_env), 100, 30)
    screen, _ = wall.drain(0.5, 30)
    if b"Tell us about a time" not in ESCAPES.sub(b"", screen):
        raise SystemExit(f"the wall did not show the stories step: {screen[-300:]!r}")
    watch = journal_watch(folder)
    after_write, after_key = [], []
    try:
        for rep in range(reps + 2):
            time.sleep(random.uniform(0, 0.25))
            console.drain(0.002, 1)
            wall.drain(0.002, 1)
            journal_written(watch)
            typed = time.monotonic_ns()
            os.write(console.master, b"n")
            written = last = None
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                waiting = [console.master, wall.master] + ([watch] if written is None else [])
                ready, _, _ = select.select(waiting, [], [], 0.06 if last else 1)
                now = time.monotonic_ns()
                if not ready:
                    if last:
                        break  # the wall's output has been quiet for 60 ms
                    continue
                if watch in ready and journal_written(watch) and written is None:
                    written = now
                if console.master in ready:
                    os.read(console.master, 65536)
                if wall.master in ready:
                    os.read(wall.master, 65536)
                    if written is not None:
                        last = now
            if written is None or last is None:
                raise SystemExit(f"rep {rep}: no change seen (journal written: {written is not None})")
            if rep >= 2:  # two warm-up changes
                after_write.append((last - written) / 1e6)
                after_key.append((last - typed) / 1e6)
    finally:
        os.close(watch)
        wall.stop()
        console.stop()
        for name in ("lock", "draft.json"):
            path = os.path.join(folder, name)
            if os.path.exists(path):
                os.unlink(path)
    return {"after_write": after_write, "after_key": after_key}


def main():
    config = json.load(open(sys.argv[1]))
    results = {}
    for mode in config["modes"]:
        results[mode["name"]] = measure(config["campfire"], config["folder"], config["reps"], mode.get("env", {}), mode.get("wall"))
    with open(sys.argv[2], "w") as out:
        json.dump(results, out)


if __name__ == "__main__":
    main()
