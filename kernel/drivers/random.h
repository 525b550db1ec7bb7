/* kernel/drivers/random.h — varied (not cryptographic) random bytes. */
#ifndef CLONIX_RANDOM_H
#define CLONIX_RANDOM_H

#include "../lib/kernel.h"

void get_random_bytes(void *buf, u32 n);

#endif
