#ifndef CTHREADSAFETIME_H
#define CTHREADSAFETIME_H

/// 1: this process's gmtime() is the per-thread one of gmtime.c (tests check it is linked).
int cageot_thread_safe_gmtime_linked(void);

#endif
