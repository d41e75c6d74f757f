#!/usr/bin/env python3
"""Runs inside a tmux pane (a real terminal) for Scripts/bench: starts each program many
times, interleaved, and times it.

Usage: firstdraw.py CONFIG.json OUTPUT.json

CONFIG: {"reps": N, "programs": [{"name", "argv", "env": {...}, "stamp": bool,
         "remove": [paths to delete after each run, outside the timing]}]}

For a program with "stamp" (campfire under the first-draw shim), the time is from just
before posix_spawn to the moment the shim saw the first drawn screen's wrefresh return;
the shim also reports the peak resident memory (VmHWM) at that moment. For the others (the
minimal ncurses program) it is from just before posix_spawn to the end of waitpid. The
time to exit is recorded for every program.
"""
import json
import os
import sys
import time


def main():
    config = json.load(open(sys.argv[1]))
    output = sys.argv[2]
    programs = config["programs"]
    results = {p["name"]: {"first": [], "exit": [], "hwm_kb": []} for p in programs}
    stamp_file = output + ".stamp"
    for rep in range(config["reps"] + 1):
        order = programs[rep % len(programs):] + programs[:rep % len(programs)]
        if rep % 2:
            order = list(reversed(order))
        for program in order:
            env = dict(os.environ)
            env.update(program.get("env", {}))
            if program.get("stamp"):
                env["BENCH_STAMP"] = stamp_file
                if os.path.exists(stamp_file):
                    os.unlink(stamp_file)
            began = time.monotonic_ns()
            pid = os.posix_spawn(program["argv"][0], program["argv"], env)
            _, status = os.waitpid(pid, 0)
            ended = time.monotonic_ns()
            for path in program.get("remove", []):
                if os.path.exists(path):
                    os.unlink(path)
            if status != 0:
                raise SystemExit(f"{program['name']} exited with status {status}")
            if rep == 0:
                continue  # warm-up: page cache, tmux
            result = results[program["name"]]
            result["exit"].append((ended - began) / 1e6)
            if program.get("stamp"):
                stamp, hwm = open(stamp_file).read().split()
                result["first"].append((int(stamp) - began) / 1e6)
                result["hwm_kb"].append(int(hwm))
            else:
                result["first"].append((ended - began) / 1e6)
    # Leave the terminal tidy for the next program in this pane.
    sys.stdout.write("\033[H\033[2J")
    sys.stdout.flush()
    with open(output + ".tmp", "w") as out:
        json.dump(results, out)
    os.rename(output + ".tmp", output)


if __name__ == "__main__":
    main()
