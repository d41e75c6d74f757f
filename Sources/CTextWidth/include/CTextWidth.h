#ifndef CAMPFIRE_CTEXTWIDTH_H
#define CAMPFIRE_CTEXTWIDTH_H

/// Display width of one Unicode scalar in terminal columns, from the C library's wcwidth,
/// evaluated under a UTF-8 character type whatever the process locale is.
/// Returns -1 for control characters, and -2 when no UTF-8 locale could be loaded
/// (the caller then falls back to its own table).
int campfire_wcwidth(unsigned int scalar);

/// 1 when a UTF-8 locale was found for width look-ups, 0 when `campfire_wcwidth` can only answer -2.
int campfire_wcwidth_is_reliable(void);

#endif
