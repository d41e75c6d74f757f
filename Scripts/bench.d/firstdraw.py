#!/usr/bin/env python3
"""Times start to first drawn screen for Scripts/bench (figures 1 and 7), on a terminal.

Usage: firstdraw.py CONFIG.json OUTPUT.json

CONFIG: {"reps": N, "programs": [{"name", "argv", "env": {...}, "marker": "text" or null,
         "remove": [paths to delete after each run, outside the timing]}]}

Each program runs on a pseudo-terminal this script owns (100x30, TERM=xterm-256color), as it
would in a terminal window: its screen is whatever it writes there. The programs take turns,
in a rotating order, N times each after one warm-up round.

- For a program with a "marker" (campfire), the time runs from just before posix_spawn to the
  moment the marker text, which is on the last row of the screen meant, has arrived on the
  terminal (escape sequences left out when looking for it): the first screen, drawn whole.
  The process's peak resident memory (VmHWM) is read from /proc at that moment, then it is
  killed (what it does after its first screen is not timed).
- "keys" (optional) are typed on the terminal as soon as the program is started, before it
  has drawn anything (they wait for it in the terminal, as keys typed early do); the marker is
  then what answering them shows. "quit" (optional) is typed once the marker has arrived, and
  the program is left to end by itself (not timed), as a person quitting would: what it writes
  when it closes is then there for the next start. Without "quit" the program is killed.
- For a program without one (the minimal ncurses program), the time runs to the end of
  waitpid: it has started curses, drawn, ended curses and exited.
"""
import fcntl
import json
import os
import re
import select
import signal
import struct
import sys
import termios
import time

ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\x1b[()][A-Z0-9]|\x1b[=>]")


def read_until_quiet(master, gap, limit=5):
    """Reads a pseudo-terminal until nothing arrives for `gap` seconds (or `limit` have passed);
    returns (bytes, the monotonic nanoseconds the last of them arrived, or None)."""
    data, last = b"", None
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], gap)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
        last = time.monotonic_ns()
    return data, last


def spawn(argv, env, columns=100, rows=30):
    """Starts argv on a new pseudo-terminal as its controlling terminal; returns (master, pid, began)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    name = os.ttyname(slave)
    began = time.monotonic_ns()
    # A new session, then opening the terminal without O_NOCTTY, makes it the controlling one.
    pid = os.posix_spawn(argv[0], argv, env, setsid=True, file_actions=[
        (os.POSIX_SPAWN_CLOSE, 0), (os.POSIX_SPAWN_OPEN, 0, name, os.O_RDWR, 0),
        (os.POSIX_SPAWN_DUP2, 0, 1), (os.POSIX_SPAWN_DUP2, 0, 2)])
    os.close(slave)
    return master, pid, began


def peak_kb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return -1


def until_marker(argv, env, marker, limit=20, keys=b"", quit=b""):
    master, pid, began = spawn(argv, env)
    seen = b""
    if keys:
        os.write(master, keys)
    try:
        while True:
            ready, _, _ = select.select([master], [], [], limit)
            if not ready:
                raise SystemExit(f"{argv} did not show {marker!r} within {limit} s; it showed: {ESCAPES.sub(b'', seen)[-400:]!r}")
            try:
                chunk = os.read(master, 65536)
            except OSError:
                raise SystemExit(f"{argv} ended before showing {marker!r}: {ESCAPES.sub(b'', seen)[-400:]!r}")
            arrived = time.monotonic_ns()
            seen += chunk
            if marker in ESCAPES.sub(b"", seen):
                result = (arrived - began) / 1e6, peak_kb(pid)
                if quit:
                    quit_and_wait(master, pid, quit)
                return result
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(master)


def quit_and_wait(master, pid, keys, limit=10):
    """Types `keys` (the program's own way out) and waits for it to end, reading what it
    draws meanwhile; not timed. A program that is still there after `limit` seconds is
    killed by the caller."""
    os.write(master, keys)
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            return
        if select.select([master], [], [], 0.05)[0]:
            try:
                os.read(master, 65536)
            except OSError:
                pass


def until_exit(argv, env):
    """The yardsticks write a few hundred bytes, well within what the terminal holds, so
    waiting for the exit first cannot block them; what they wrote is read afterwards."""
    master, pid, began = spawn(argv, env)
    _, status = os.waitpid(pid, 0)
    ended = time.monotonic_ns()
    while select.select([master], [], [], 0)[0]:
        try:
            if not os.read(master, 65536):
                break
        except OSError:
            break
    os.close(master)
    if status != 0:
        raise SystemExit(f"{argv} exited with status {status}")
    return (ended - began) / 1e6


def as_if_installed(path):
    """Drops a program file's pages from the page cache, so that the warm-up round reads it
    back page by page as it runs, as after a restart. How a file got into the page cache
    changes how fast it starts (campfire: 2.82 ms just linked, 2.81 ms dropped and run, 2.69
    ms read whole by cat or cp, in one run); this times every program from the same state."""
    os.sync()
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(descriptor)


def main():
    config = json.load(open(sys.argv[1]))
    programs = config["programs"]
    results = {p["name"]: {"first": [], "hwm_kb": []} for p in programs}
    for program in programs:
        as_if_installed(program["argv"][0])
    for rep in range(config["reps"] + 1):
        shift = rep % len(programs)
        order = programs[shift:] + programs[:shift]
        if rep % 2:
            order.reverse()
        for program in order:
            env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
            env.pop("NO_COLOR", None)
            env.update(program.get("env", {}))
            if program.get("marker"):
                ms, hwm = until_marker(program["argv"], env, program["marker"].encode(),
                                       keys=program.get("keys", "").encode(), quit=program.get("quit", "").encode())
            else:
                ms, hwm = until_exit(program["argv"], env), None
            for path in program.get("remove", []):
                if os.path.exists(path):
                    os.unlink(path)
            if rep == 0:
                continue  # warm-up: reads each program back into the page cache
            results[program["name"]]["first"].append(ms)
            if hwm is not None:
                results[program["name"]]["hwm_kb"].append(hwm)
    with open(sys.argv[2], "w") as out:
        json.dump(results, out)


if __name__ == "__main__":
    main()
