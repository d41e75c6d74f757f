/* LD_PRELOAD shim used only by Scripts/bench: lets a real, unchanged campfire binary stop
 * right after its first drawn screen.
 *
 * Campfire calls wrefresh once when ncurses starts (an empty screen) and once per drawn
 * frame. On call number BENCH_EXIT_AFTER_REFRESH (default 2: the first real screen) this shim
 * lets the real wrefresh finish, then writes "<CLOCK_MONOTONIC ns> <VmHWM kB>" to the file
 * named by BENCH_STAMP, ends curses (unless BENCH_NO_ENDWIN is set, to leave the screen for
 * tmux capture-pane) and exits at once with status 0. */
#define _GNU_SOURCE
#include <curses.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long peak_kb(void) {
    FILE *status = fopen("/proc/self/status", "r");
    if (!status) return -1;
    char line[256];
    long kb = -1;
    while (fgets(line, sizeof line, status)) {
        if (strncmp(line, "VmHWM:", 6) == 0) { kb = strtol(line + 6, NULL, 10); break; }
    }
    fclose(status);
    return kb;
}

int wrefresh(WINDOW *window) {
    static int (*real)(WINDOW *) = NULL;
    static int calls = 0;
    if (!real) real = (int (*)(WINDOW *))dlsym(RTLD_NEXT, "wrefresh");
    int result = real(window);
    const char *limit = getenv("BENCH_EXIT_AFTER_REFRESH");
    if (++calls >= (limit ? atoi(limit) : 2)) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        const char *path = getenv("BENCH_STAMP");
        if (path) {
            FILE *out = fopen(path, "w");
            if (out) {
                fprintf(out, "%lld %ld\n", (long long)now.tv_sec * 1000000000LL + now.tv_nsec, peak_kb());
                fclose(out);
            }
        }
        if (!getenv("BENCH_NO_ENDWIN")) endwin();
        _exit(0);
    }
    return result;
}
