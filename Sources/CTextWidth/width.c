// Display width through the C library's wcwidth.
//
// wcwidth answers according to LC_CTYPE of the calling thread. In the "C" locale (which a
// Swift process has until someone calls setlocale) it returns -1 for every non-ASCII
// character, so widths would depend on whether the terminal layer had started yet. We
// therefore load a UTF-8 LC_CTYPE once with newlocale and switch to it around each call
// with uselocale, which only affects the calling thread and restores its previous locale.
#define _XOPEN_SOURCE 700
#define _GNU_SOURCE 1
#include <locale.h>
#include <pthread.h>
#include <wchar.h>
#include "CTextWidth.h"

static pthread_once_t campfire_width_once = PTHREAD_ONCE_INIT;
static locale_t campfire_width_locale = (locale_t)0;

static void campfire_load_width_locale(void) {
    // Names differ between distributions; C.UTF-8 is present on this machine and most
    // modern glibc systems, the others are common fall-backs.
    static const char *const names[] = { "C.UTF-8", "C.utf8", "en_US.UTF-8", "en_GB.UTF-8", "UTF-8" };
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++) {
        locale_t loaded = newlocale(LC_CTYPE_MASK, names[i], (locale_t)0);
        if (loaded != (locale_t)0) {
            campfire_width_locale = loaded;
            return;
        }
    }
}

int campfire_wcwidth_is_reliable(void) {
    pthread_once(&campfire_width_once, campfire_load_width_locale);
    return campfire_width_locale != (locale_t)0;
}

int campfire_wcwidth(unsigned int scalar) {
    if (!campfire_wcwidth_is_reliable()) {
        return -2;
    }
    locale_t previous = uselocale(campfire_width_locale);
    int width = wcwidth((wchar_t)scalar);
    uselocale(previous);
    return width;
}
