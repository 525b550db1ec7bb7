/* sys/mman.h — memory mappings. */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>
#include <asm/mman.h>

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);
int madvise(void *addr, size_t len, int advice);
int msync(void *addr, size_t len, int flags);
void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...);
int shm_open(const char *name, int oflag, mode_t mode);
int shm_unlink(const char *name);

#endif
