#!/usr/bin/env python3
"""Counts the bytes campfire writes to its terminal for one typed character, for Scripts/bench.

Usage: ptybytes.py CONFIG.json OUTPUT.json

CONFIG: {"campfire": path, "cases": [{"name", "args": [...], "open": "keys that open the
         form", "char": "x", "reps": N, "remove": [paths to delete afterwards]}]}

campfire runs on a pseudo-terminal this script owns (80x24, TERM=xterm-256color), so every
byte it writes is seen. The console redraws once a second for its timers; to leave those
bytes out, each character is typed just after a timer redraw (the next one is a second
away), and the bytes counted are those that arrive until the output has been quiet for
80 ms. At the end the process's peak memory (VmHWM) is read from /proc.
"""
import fcntl
import json
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time


def read_until_quiet(fd, quiet, limit):
    """Reads whatever arrives until nothing has come for `quiet` seconds (at most `limit`)."""
    data = b""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    return data


def wait_for_output(fd, limit):
    ready, _, _ = select.select([fd], [], [], limit)
    return os.read(fd, 65536) if ready else b""


def peak_kb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return -1


def run_case(campfire, case):
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
    env.pop("NO_COLOR", None)

    def controlling_terminal():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    process = subprocess.Popen([campfire] + case["args"], stdin=slave, stdout=slave, stderr=slave,
                               env=env, preexec_fn=controlling_terminal, close_fds=True)
    os.close(slave)
    first = read_until_quiet(master, 0.5, 20)
    os.write(master, case["open"].encode())
    opened = read_until_quiet(master, 0.3, 5)
    counts, samples = [], []
    typed = case["char"].encode()
    for _ in range(case["reps"]):
        wait_for_output(master, 1.5)           # a timer redraw
        read_until_quiet(master, 0.03, 0.5)    # the rest of it
        os.write(master, typed)
        after = read_until_quiet(master, 0.08, 0.4)
        counts.append(len(after))
        samples.append(after)
    peak = peak_kb(process.pid)
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    os.close(master)
    for path in case.get("remove", []):
        if os.path.exists(path):
            os.unlink(path)
    if sum(typed in sample for sample in samples) * 2 <= len(samples):
        raise SystemExit(f"{case['name']}: the typed character did not reach the screen (was the form open?): {samples[:2]!r}")
    counts_sorted = sorted(counts)
    median = counts_sorted[len(counts_sorted) // 2]
    typical = next(s for s in samples if len(s) == median)
    return {"counts": counts, "median": median, "own_bytes": len(typed), "first_screen_bytes": len(first),
            "open_form_bytes": len(opened), "sample": typical.decode("utf-8", "backslashreplace"), "hwm_kb": peak}


def main():
    config = json.load(open(sys.argv[1]))
    results = {case["name"]: run_case(config["campfire"], case) for case in config["cases"]}
    json.dump(results, open(sys.argv[2], "w"))


if __name__ == "__main__":
    main()
