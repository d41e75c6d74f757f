#ifndef CAMPFIRE_CNCURSESW_SHIM_H
#define CAMPFIRE_CNCURSESW_SHIM_H

// The wide-character curses API (get_wch, cchar_t, setcchar) is only declared when this is
// defined before the first system header.
#define _XOPEN_SOURCE_EXTENDED 1

#include <locale.h>
#include <ncursesw/curses.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

// Swift 6 refuses globals such as stdscr, COLS, LINES and stdout ("not concurrency-safe"),
// and cannot import function-like macros (getmaxyx, COLOR_PAIR, KEY_F) or attribute macros
// built from NCURSES_BITS (A_BOLD). These wrappers expose them as functions.
//
// This header is header-only on purpose: a systemLibrary target cannot compile C files.
// Everything is `static`, so each Swift file that calls these functions gets its own copy.
// That is harmless for the stateless wrappers, but the signal state below must be reached
// from ONE Swift file only (NcursesBackend/SignalHandling.swift), or different files would
// see different flags.

// MARK: - Globals and macros

static inline WINDOW *campfire_stdscr(void) { return stdscr; }
static inline FILE *campfire_stdout(void) { return stdout; }
static inline FILE *campfire_stdin(void) { return stdin; }
static inline int campfire_columns(void) { return COLS; }
static inline int campfire_lines(void) { return LINES; }
static inline int campfire_colours(void) { return COLORS; }
static inline int campfire_colour_pairs(void) { return COLOR_PAIRS; }
static inline void campfire_window_size(WINDOW *window, int *rows, int *columns) {
    int y, x;
    getmaxyx(window, y, x);
    *rows = y;
    *columns = x;
}
static inline attr_t campfire_attribute_normal(void) { return A_NORMAL; }
static inline attr_t campfire_attribute_bold(void) { return A_BOLD; }
static inline attr_t campfire_attribute_underline(void) { return A_UNDERLINE; }
static inline attr_t campfire_attribute_reverse(void) { return A_REVERSE; }
static inline int campfire_set_escape_delay(int milliseconds) { return set_escdelay(milliseconds); }
static inline int campfire_function_key(int number) { return KEY_F(number); }
static inline int campfire_longest_cluster(void) { return CCHARW_MAX; }

// MARK: - Termination signals

// SIGINT, SIGTERM, SIGHUP and SIGQUIT only set a flag; the main loop polls it between
// key reads (readKey times out regularly) and shuts down through the normal path, which
// saves and restores the terminal. Signal flags are the one allowed piece of global state.
//
// The state lives in function-local statics behind accessors: Swift emits the static
// inline functions it calls, but not file-scope static variables of aggregate type
// (the link fails with "undefined reference"), while function-local statics come along
// with their function.
static inline volatile sig_atomic_t *campfire_signal_received(void) {
    static volatile sig_atomic_t received = 0;
    return &received;
}

static void campfire_record_signal(int signal_number) {
    *campfire_signal_received() = signal_number;
}

/// The last termination signal received (and clears it), or 0 if none.
static inline int campfire_pending_signal(void) {
    int signal_number = *campfire_signal_received();
    *campfire_signal_received() = 0;
    return signal_number;
}

// MARK: - Crash signals

// On a crash (including Swift's fatalError and precondition failures, which trap with
// SIGILL or SIGTRAP) the terminal would be left in raw mode with no echo. The handler
// restores it, prints one plain line, then puts back the signal's default action and
// raises the signal again, so the process ends as it would have (a core dump where the
// system keeps them, and the exit status 128 + the signal, such as 132 for SIGILL).
// It does not call the handler that was there before (Swift's backtracer): that one
// prints a long report and can wait for a key, in front of the room.
static const int campfire_crash_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
#define CAMPFIRE_CRASH_SIGNAL_COUNT (sizeof campfire_crash_signals / sizeof campfire_crash_signals[0])
static inline volatile sig_atomic_t *campfire_curses_active(void) {
    static volatile sig_atomic_t active = 0;
    return &active;
}
static inline volatile sig_atomic_t *campfire_handlers_installed(void) {
    static volatile sig_atomic_t installed = 0;
    return &installed;
}

static void campfire_crash(int signal_number) {
    if (*campfire_curses_active()) {
        *campfire_curses_active() = 0;
        // Not async-signal-safe, as in htop's crash handler: the process is dying anyway
        // and a usable terminal matters more than the small risk.
        static const char disable_paste[] = "\033[?2004l";
        (void)!write(STDOUT_FILENO, disable_paste, sizeof disable_paste - 1);
        endwin();
    }
    // One plain line instead of a crash report that waits for a key in front of the room.
    // Every change the screen showed as saved is already on disk.
    static const char message[] = "\nCampfire stopped because of a fault in the program. Everything shown as saved is safe: run \"campfire resume\" to carry on.\n";
    (void)!write(STDERR_FILENO, message, sizeof message - 1);
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

/// Installs the termination-flag and crash handlers once; later calls do nothing.
static inline void campfire_install_signal_handlers(void) {
    if (*campfire_handlers_installed()) return;
    *campfire_handlers_installed() = 1;

    struct sigaction flag_action;
    memset(&flag_action, 0, sizeof flag_action);
    flag_action.sa_handler = campfire_record_signal;
    sigemptyset(&flag_action.sa_mask);
    // No SA_RESTART: a signal interrupts the wait for a key, so the loop reacts at once.
    const int termination_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
    for (unsigned i = 0; i < sizeof termination_signals / sizeof termination_signals[0]; i++) {
        sigaction(termination_signals[i], &flag_action, NULL);
    }

    struct sigaction crash_action;
    memset(&crash_action, 0, sizeof crash_action);
    crash_action.sa_handler = campfire_crash;
    sigemptyset(&crash_action.sa_mask);
    crash_action.sa_flags = SA_RESETHAND | SA_NODEFER;
    for (unsigned i = 0; i < CAMPFIRE_CRASH_SIGNAL_COUNT; i++) {
        sigaction(campfire_crash_signals[i], &crash_action, NULL);
    }
}

/// Tells the crash handler whether curses currently owns the terminal.
static inline void campfire_set_curses_active(int active) {
    *campfire_curses_active() = active;
}

#endif
