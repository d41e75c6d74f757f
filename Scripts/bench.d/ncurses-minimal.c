/* The yardstick for "start to first drawn screen": a C program that only starts and ends
 * ncurses (newterm on stdout/stdin, then endwin), setting the locale as ncurses' manual
 * shows, setlocale(LC_ALL, ""). Built a second time with -DONLY_CTYPE it sets only the
 * character type, as Campfire does, for the information row of that name. */
#include <curses.h>
#include <locale.h>
#include <stdio.h>

int main(void) {
#ifdef ONLY_CTYPE
    setlocale(LC_CTYPE, "");
#else
    setlocale(LC_ALL, "");
#endif
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (!screen) return 1;
    refresh();
    endwin();
    delscreen(screen);
    return 0;
}
