// The zlib level of the PDFs and workbooks Cageot writes.
//
// Neither library lets its caller choose it: cairo 1.16 compresses every stream of a PDF (pages,
// font subsets) with deflateInit(…, Z_DEFAULT_COMPRESSION), and libxlsxwriter 1.1.4 every part of
// a workbook through minizip's deflateInit2(…, Z_DEFAULT_COMPRESSION, …). zlib's default is level
// 6; at level 1 (Z_BEST_SPEED) the week's payments workbooks take 14 % less CPU and the sheets'
// zlib share falls from 11.7 % to 7.2 %, for files 3 % (PDF) to 11 % (XLSX) larger (BENCHMARKS.md). These two functions take the place of zlib's: the executable exports
// them (as gmtime.c's), so the shared libraries bind to them. A call asking for the default level
// gets Cageot's instead, if it is cairo's deflateInit or a raw deflate (negative window bits: the
// entries of a zip, as minizip makes them); any other call is passed on as it is, so the PNG
// previews (libpng calls deflateInit2 for zlib streams) keep zlib's default. The real functions are
// zlib's, found with dlsym(RTLD_NEXT).
//
// CAGEOT_DEFLATE_LEVEL chooses the level: 0 to 9, or "default" for zlib's own (level 6), read once.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "CFastDeflate.h"

typedef int (*deflate_init_fn)(z_streamp, int, const char *, int);
typedef int (*deflate_init2_fn)(z_streamp, int, int, int, int, int, const char *, int);

static pthread_once_t once = PTHREAD_ONCE_INIT;
static deflate_init_fn real_deflate_init;
static deflate_init2_fn real_deflate_init2;
static int level = Z_BEST_SPEED;

static void resolve(void) {
    real_deflate_init = (deflate_init_fn)dlsym(RTLD_NEXT, "deflateInit_");
    real_deflate_init2 = (deflate_init2_fn)dlsym(RTLD_NEXT, "deflateInit2_");
    const char *chosen = getenv("CAGEOT_DEFLATE_LEVEL");
    if (chosen == NULL || *chosen == '\0') return;
    if (strcmp(chosen, "default") == 0) level = Z_DEFAULT_COMPRESSION;
    else if (chosen[0] >= '0' && chosen[0] <= '9' && chosen[1] == '\0') level = chosen[0] - '0';
    else  // Not worth refusing to start over: said once, and level 1 kept.
        fprintf(stderr, "cageot: CAGEOT_DEFLATE_LEVEL=%s is not a zlib level; give 0 to 9 or default (level 1 used)\n",
                chosen);
}

int cageot_deflate_level(void) {
    pthread_once(&once, resolve);
    return level;
}

int deflateInit_(z_streamp stream, int requested, const char *version, int stream_size) {
    pthread_once(&once, resolve);
    if (real_deflate_init == NULL) return Z_VERSION_ERROR;
    return real_deflate_init(stream, requested == Z_DEFAULT_COMPRESSION ? level : requested, version, stream_size);
}

int deflateInit2_(z_streamp stream, int requested, int method, int window_bits, int memory_level, int strategy,
                  const char *version, int stream_size) {
    pthread_once(&once, resolve);
    if (real_deflate_init2 == NULL) return Z_VERSION_ERROR;
    int chosen = requested == Z_DEFAULT_COMPRESSION && window_bits < 0 ? level : requested;
    return real_deflate_init2(stream, chosen, method, window_bits, memory_level, strategy, version, stream_size);
}
