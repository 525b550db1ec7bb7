/* user/bin/dumpacct.c — dumpacct [file] — print the accounting records
 * of file (/var/log/pacct), one a line, with the columns of GNU acct's
 * dump-acct: command, version, user and system time, elapsed time (AHZ
 * ticks), uid, gid, memory (KiB), io, pid, ppid, flags (S F C D X: ASU,
 * AFORK, ACOMPAT, ACORE, AXSIG), exit code, tty (major,minor), start
 * time. A first line, starting with #, names the columns (dump-acct
 * prints none).
 * comp_t and the float are decoded with integers: no FPU needed. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/acct.h>
#include <unistd.h>

static unsigned long comp(comp_t c)
{
	return (unsigned long)(c & 0x1fff) << (3 * (c >> 13));
}

/* hundredths — an IEEE single (its bits) times 100, truncated. */
static unsigned long long hundredths(unsigned int bits)
{
	int e = (int)((bits >> 23) & 0xff) - 127 - 23;
	unsigned long long m = (bits & 0x7fffff) | 0x800000;

	if (!(bits & 0x7fffffff))
		return 0;
	if (e >= 0)
		return e > 30 ? ~0ULL : (m << e) * 100;
	return e < -60 ? 0 : (m * 100) >> -e;
}

static void print_record(const struct acct_v3 *ac)
{
	unsigned int etime_bits;
	unsigned long long et;

	__builtin_memcpy(&etime_bits, &ac->ac_etime, 4);
	et = hundredths(etime_bits);
	printf("%-16.16s|v%d|%9lu.00|%9lu.00|%9llu.%02llu|%6u|%6u|%9lu.00|"
	       "%9lu.00|%8u|%8u|%c%c%c%c%c|%8u|%3u,%-4u|%u\n",
	       ac->ac_comm, ac->ac_version, comp(ac->ac_utime),
	       comp(ac->ac_stime), et / 100, et % 100, ac->ac_uid, ac->ac_gid,
	       comp(ac->ac_mem), comp(ac->ac_io), ac->ac_pid, ac->ac_ppid,
	       ac->ac_flag & ASU ? 'S' : ' ', ac->ac_flag & AFORK ? 'F' : ' ',
	       ac->ac_flag & 0x04 ? 'C' : ' ', ac->ac_flag & ACORE ? 'D' : ' ',
	       ac->ac_flag & AXSIG ? 'X' : ' ', ac->ac_exitcode >> 8,
	       ac->ac_tty >> 8, ac->ac_tty & 0xff, ac->ac_btime);
}

/* print_header — the column names, aligned with print_record's fields */
static void print_header(void)
{
	printf("%-16s|%-2s|%12s|%12s|%12s|%6s|%6s|%12s|%12s|%8s|%8s|%-5s|"
	       "%8s|%-8s|%s\n", "# command", "v", "utime", "stime", "elapsed",
	       "uid", "gid", "mem KiB", "io", "pid", "ppid", "flags", "exit",
	       "tty", "start");
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "/var/log/pacct";
	struct acct_v3 ac;
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		perror(path);
		return 1;
	}
	print_header();
	while (read(fd, &ac, sizeof(ac)) == sizeof(ac))
		print_record(&ac);
	close(fd);
	return 0;
}
