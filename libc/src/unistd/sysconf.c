/* libc/src/unistd/sysconf.c — sysconf(3) with glibc's numbers and
 * answers: the limits that follow from resource limits (ARG_MAX,
 * CHILD_MAX, OPEN_MAX), the machine (page size, CPUs, memory from
 * sysinfo(2) and /proc/stat) and POSIX's fixed values. An unknown name is
 * EINVAL; a limit that does not exist is -1 with errno unchanged. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <unistd.h>
#include "../internal.h"

#define ARG_MAX		131072	/* the least ARG_MAX glibc reports */

static long limit(int resource, long unlimited)
{
	struct rlimit r;

	if (getrlimit(resource, &r))
		return -1;
	return r.rlim_cur == RLIM_INFINITY || r.rlim_cur > 0x7fffffffUL ?
	       unlimited : (long)r.rlim_cur;
}

/* cpus — the "cpuN" lines of /proc/stat (1 without /proc) */
static long cpus(void)
{
	char buf[512];
	int fd = open("/proc/stat", O_RDONLY), n = 0;
	ssize_t len = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
	char *p = buf;

	if (fd >= 0)
		close(fd);
	if (len <= 0)
		return 1;
	buf[len] = '\0';
	while ((p = strstr(p, "\ncpu")))
		n += p[4] >= '0' && p[4] <= '9', p += 4;
	return n ? n : 1;
}

static long pages(int free)
{
	struct sysinfo si;

	if (sysinfo(&si))
		return -1;
	return (long)(((unsigned long long)(free ? si.freeram : si.totalram) *
		       si.mem_unit) / 4096);
}

long sysconf(int name)
{
	long stack;

	switch (name) {
	case _SC_ARG_MAX:
		stack = limit(RLIMIT_STACK, -1);
		return stack < 0 || stack / 4 < ARG_MAX ? ARG_MAX : stack / 4;
	case _SC_CHILD_MAX: return limit(RLIMIT_NPROC, -1);
	case _SC_CLK_TCK: return 100;
	case _SC_NGROUPS_MAX: return 65536;
	case _SC_OPEN_MAX: return limit(RLIMIT_NOFILE, -1);
	case _SC_STREAM_MAX: return 16;
	case _SC_TZNAME_MAX: return -1;
	case _SC_JOB_CONTROL: case _SC_SAVED_IDS: return 1;
	case _SC_VERSION: return 200809;
	case _SC_PAGESIZE: return 4096;
	case _SC_LINE_MAX: return 2048;
	case _SC_IOV_MAX: return 1024;
	case _SC_THREAD_STACK_MIN: return 16384;
	case _SC_NPROCESSORS_CONF: case _SC_NPROCESSORS_ONLN: return cpus();
	case _SC_PHYS_PAGES: return pages(0);
	case _SC_AVPHYS_PAGES: return pages(1);
	case _SC_HOST_NAME_MAX: return 64;
	case _SC_LOGIN_NAME_MAX: return 256;
	case _SC_TTY_NAME_MAX: return 32;
	case _SC_SYMLOOP_MAX: return -1;
	}
	errno = EINVAL;
	return -1;
}

int getpagesize(void)
{
	return 4096;
}
