/* kernel/drivers/random.c — random bytes for exec's AT_RANDOM and for
 * getrandom(2); Linux drivers/char/random.c has the real thing (entropy
 * pools, ChaCha20). These bytes are NOT cryptographically strong: a
 * 64-bit xorshift state, stirred with the time-stamp counter on every
 * call, so that they differ from run to run and call to call. Enough for
 * glibc's hash seeds and malloc's pointer mangling, not for keys. */
#include "random.h"
#include "timer.h"
#include "../cpu/x86.h"
#include "../mm/uaccess.h"
#include "../syscall/syscalls.h"
#include <asm/errno.h>

#define GRND_NONBLOCK	0x0001
#define GRND_RANDOM	0x0002
#define GRND_INSECURE	0x0004
#define MAX_RW_COUNT	0x7ffff000	/* Linux's cap on one transfer */

static u64 state = 0x9E3779B97F4A7C15ULL;

void get_random_bytes(void *buf, u32 n)
{
	u8 *p = buf;

	state ^= rdtsc() ^ (get_jiffies_64() << 32);
	for (u32 i = 0; i < n; i++) {
		state ^= state << 13;
		state ^= state >> 7;
		state ^= state << 17;
		p[i] = state >> 24;
	}
}

/* sys_getrandom — the flags as Linux checks them; the bytes never block
 * (there is no pool to wait for). A fault after some bytes returns what
 * was written. */
long sys_getrandom(u8 *ubuf, u32 count, u32 flags)
{
	u8 chunk[64];
	u32 done = 0;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) ==
	    (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	while (done < count) {
		u32 n = count - done < sizeof(chunk) ? count - done :
			sizeof(chunk);

		get_random_bytes(chunk, n);
		if (copy_to_user(ubuf + done, chunk, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	return done;
}
