#!/usr/bin/env python3
"""Handle one key and redraw, in the real program on a terminal, for Scripts/bench (figure 2).

Usage: keyredraw.py CONFIG.json OUTPUT.json

CONFIG: {"campfire": path, "reps": N, "cases": [{"name", "setup": "keys", "keys": ["k", ...],
         "big": session folder, "empty": session folder, "marker": text}]}

For each case, `campfire resume` runs twice at once, on two pseudo-terminals of 80x24 (the
big session and the empty one, both at the same step), and gets the same setup keys. Then the
case's keys are typed in turn, one at a time and alternating between the two, and for each
key this measures:

- cpu: the processor time the campfire process used from just before the key was written
  until its output had been quiet for 25 ms, from /proc/PID/schedstat (nanoseconds, as the
  kernel counts them): reading the key, handling it, laying out the screen, ncurses working
  out the changes, and writing them;
- latency: from writing the key to the arrival of the last byte of the redraw (only when
  the key changed something on the screen).

The console also wakes four times a second to keep its timers current; a wake-up falling in a
key's window adds to that key, which the medians leave out.

Before timing, each console must have shown the case's `marker` (the step being timed) and no
other screen over it, and after it the big workshop's screen must have changed under the keys:
a console that showed something else is a failed run, not a fast one. Two did: the question
asked when another Campfire has the workshop open (another run going on at the same time), and
a box brought back from the words a run of `ptybytes.py` had left typed in it, whose fields
↓ and ↑ then moved between (docs/performance.md, "The runs over 1.5x").
"""
import json
import os
import select
import signal
import sys
import time

from firstdraw import ESCAPES, read_until_quiet, spawn


class Console:
    def __init__(self, campfire, folder):
        self.folder = folder
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
        env.pop("NO_COLOR", None)
        self.master, self.pid, _ = spawn([campfire, "resume", folder], env, columns=80, rows=24)
        self.seen = b""
        self.seen += self.quiet(0.5, 30)[0]

    def quiet(self, gap, limit=5):
        """Reads until nothing arrives for `gap` seconds; returns (bytes, arrival of the last)."""
        return read_until_quiet(self.master, gap, limit)

    # Screens that are not the one meant, though the step's name may show behind them.
    WRONG = ["What you were typing when Campfire stopped is back", "open in another Campfire"]

    def check(self, marker, side):
        """Stops the run unless what the console has shown so far includes `marker` and none of
        `WRONG`: a box brought back from an earlier run (the words typed into a box when a
        Campfire is stopped are kept in draft.json and brought back at the next start) takes
        the arrows, and ↓ then moves between its fields instead of down the list."""
        text = ESCAPES.sub(b"", self.seen).decode("utf-8", "replace")
        wrong = [words for words in self.WRONG if words in " ".join(text.split())]
        if marker not in text or wrong:
            raise SystemExit(f"The {side} console did not show {marker!r} alone before the keys were timed, so the run "
                             f"would time the wrong screen. It showed: {' '.join(text.split())[-300:]!r}")

    def cpu_ns(self):
        return int(open(f"/proc/{self.pid}/schedstat").read().split()[0])

    def type(self, keys):
        for key in keys:
            os.write(self.master, key.encode())
            self.seen += self.quiet(0.15)[0]

    def press(self, key):
        self.quiet(0.005, 1)  # nothing left over from before
        before = self.cpu_ns()
        began = time.monotonic_ns()
        os.write(self.master, key.encode())
        data, last = self.quiet(0.025, 2)
        cpu = (self.cpu_ns() - before) / 1e6
        return cpu, ((last - began) / 1e6 if data else None), len(data)

    def stop(self):
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.master)
        # A killed console leaves its lock and the words of an open box (draft.json), as it
        # should; neither may carry over to the next case. A lock another Campfire holds is
        # left alone (and then so is the draft: this console never had the workshop open).
        lock = os.path.join(self.folder, "lock")
        try:
            ours = json.load(open(lock)).get("pid") == self.pid
        except (OSError, ValueError):
            ours = False
        if ours:
            for path in (lock, os.path.join(self.folder, "draft.json")):
                if os.path.exists(path):
                    os.unlink(path)


def main():
    config = json.load(open(sys.argv[1]))
    results = []
    for case in config["cases"]:
        big, empty = Console(config["campfire"], case["big"]), Console(config["campfire"], case["empty"])
        try:
            big.type(case["setup"])
            empty.type(case["setup"])
            big.check(case["marker"], "big workshop's")
            empty.check(case["marker"], "empty workshop's")
            load = os.getloadavg()[0]
            times = {"big": {"cpu": [], "latency": [], "bytes": []}, "empty": {"cpu": [], "latency": [], "bytes": []}}
            keys = case["keys"]
            for index in range(config["reps"] + len(keys)):
                key = keys[index % len(keys)]
                order = [("big", big), ("empty", empty)]
                if index % 2:
                    order.reverse()
                for side, console in order:
                    cpu, latency, count = console.press(key)
                    if index < len(keys):
                        continue  # warm-up
                    times[side]["cpu"].append(cpu)
                    times[side]["bytes"].append(count)
                    if latency is not None:
                        times[side]["latency"].append(latency)
            if sorted(times["big"]["bytes"])[len(times["big"]["bytes"]) // 2] == 0:
                raise SystemExit(f"{case['name']}: the keys changed nothing on the big workshop's screen, so the run timed "
                                 "something other than a redraw.")
            results.append({"case": case["name"], **times, "load": [round(load, 2), round(os.getloadavg()[0], 2)]})
        finally:
            big.stop()
            empty.stop()
    with open(sys.argv[2], "w") as out:
        json.dump(results, out)


if __name__ == "__main__":
    main()
