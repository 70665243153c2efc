// libxlsxwriter 1.1.4 writes a workbook's creation date with gmtime(), which returns a pointer to
// one static struct shared by every thread: two workbooks closed at once on two threads could
// swap dates (seen in CI: a workbook created in 2023 written as modified in 2026). This gmtime
// gives each thread its own struct, as POSIX allows, so concurrent workbooks keep their own dates.
// The executable exports it (see Package.swift), so the shared library binds to it, not glibc's.
#include <time.h>

#include "CThreadSafeTime.h"

struct tm *gmtime(const time_t *timer) {
    static _Thread_local struct tm result;
    return gmtime_r(timer, &result);
}

int cageot_thread_safe_gmtime_linked(void) { return 1; }
