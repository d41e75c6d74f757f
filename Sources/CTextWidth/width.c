#define _XOPEN_SOURCE 700
#include <wchar.h>
#include "CTextWidth.h"
int campfire_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }
