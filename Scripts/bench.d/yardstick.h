#include <curses.h>
#include <locale.h>
