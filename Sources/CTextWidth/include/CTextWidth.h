#ifndef CAMPFIRE_CTEXTWIDTH_H
#define CAMPFIRE_CTEXTWIDTH_H
/// Display width of one Unicode scalar in terminal columns, from the C library's wcwidth.
int campfire_wcwidth(unsigned int scalar);
#endif
