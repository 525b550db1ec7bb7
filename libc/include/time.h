/* time.h — clocks, sleeping and broken-down time (UTC: clonix has no
 * time zones). */
#ifndef _TIME_H
#define _TIME_H

#include <sys/types.h>
#include <linux/time.h>

typedef int clockid_t;

struct tm {
	int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday,
	    tm_yday, tm_isdst;
	long tm_gmtoff;
	const char *tm_zone;
};

time_t time(time_t *t);
struct tm *gmtime(const time_t *t);
struct tm *gmtime_r(const time_t *t, struct tm *tm);
struct tm *localtime(const time_t *t);
struct tm *localtime_r(const time_t *t, struct tm *tm);
time_t mktime(struct tm *tm);
time_t timegm(struct tm *tm);
char *asctime(const struct tm *tm);
char *asctime_r(const struct tm *tm, char *buf);
char *ctime(const time_t *t);
size_t strftime(char *s, size_t max, const char *fmt, const struct tm *tm);
int nanosleep(const struct timespec *req, struct timespec *rem);
int clock_gettime(clockid_t clk, struct timespec *ts);

#endif
