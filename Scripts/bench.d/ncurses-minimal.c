/* The yardstick for "start to first drawn screen": a C program that only starts and ends
 * ncurses, the same way Campfire does (newterm on stdout/stdin, then endwin). */
#include <curses.h>
#include <locale.h>
#include <stdio.h>

int main(void) {
    setlocale(LC_ALL, "");
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (!screen) return 1;
    refresh();
    endwin();
    delscreen(screen);
    return 0;
}
