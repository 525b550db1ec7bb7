/* user/bin/lastcomm.c — lastcomm [file] — the commands in an accounting
 * file (/var/log/pacct), newest first, as GNU lastcomm prints them:
 * command, flags (S F C D X), uid, tty, CPU seconds ((utime + stime) /
 * AHZ) and pid. It reads the file backwards, a record at a time. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/acct.h>
#include <unistd.h>

static unsigned long comp(comp_t c)
{
	return (unsigned long)(c & 0x1fff) << (3 * (c >> 13));
}

static void print_record(const struct acct_v3 *ac)
{
	unsigned long cpu = comp(ac->ac_utime) + comp(ac->ac_stime);

	printf("%-16.16s %c%c%c%c%c %-8u %3u,%-4u %4lu.%02lu secs pid %u\n",
	       ac->ac_comm, ac->ac_flag & ASU ? 'S' : ' ',
	       ac->ac_flag & AFORK ? 'F' : ' ', ac->ac_flag & 0x04 ? 'C' : ' ',
	       ac->ac_flag & ACORE ? 'D' : ' ', ac->ac_flag & AXSIG ? 'X' : ' ',
	       ac->ac_uid, ac->ac_tty >> 8, ac->ac_tty & 0xff, cpu / AHZ,
	       cpu % AHZ, ac->ac_pid);
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "/var/log/pacct";
	struct acct_v3 ac;
	int fd = open(path, O_RDONLY);
	off_t end;

	if (fd < 0) {
		perror(path);
		return 1;
	}
	end = lseek(fd, 0, SEEK_END) / sizeof(ac) * sizeof(ac);
	while (end > 0 && pread(fd, &ac, sizeof(ac), end -= sizeof(ac)) ==
			  sizeof(ac))
		print_record(&ac);
	close(fd);
	return 0;
}
