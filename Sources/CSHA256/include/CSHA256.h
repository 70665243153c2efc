#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// Runs SHA-256's compression function over `blocks` 64-byte blocks of `data`, updating `state`
/// (eight words, FIPS 180-4 order). With `accelerated` non-zero and a CPU that has the SHA
/// extensions (see cageot_sha256_accelerated), with them; otherwise in portable C.
void cageot_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks, int accelerated);

/// Non-zero when this CPU has the x86 SHA extensions (and the SSSE3 and SSE4.1 they go with).
int cageot_sha256_accelerated(void);

#endif
