#ifndef CFASTDEFLATE_H
#define CFASTDEFLATE_H

/// The zlib level this process's PDFs and workbooks are compressed at (see deflate.c): 0 to 9,
/// or -1 when CAGEOT_DEFLATE_LEVEL=default leaves each library at zlib's default level.
int cageot_deflate_level(void);

#endif
