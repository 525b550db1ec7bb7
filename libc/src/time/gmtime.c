/* libc/src/time/gmtime.c — broken-down time: gmtime, localtime, mktime,
 * timegm, asctime, ctime. clonix has no time zones: local time is UTC,
 * as glibc's is with TZ unset and no /etc/localtime. Days from the civil
 * calendar by Howard Hinnant's algorithm (valid for all 32-bit times). */
#include <stdio.h>
#include <time.h>

static long long days_from_civil(long long y, int m, int d)
{
	long long era;
	int yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (int)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct tm *gmtime_r(const time_t *t, struct tm *tm)
{
	long long z = *t / 86400, secs = *t % 86400, era, y;
	unsigned doe, yoe, doy, mp;

	if (secs < 0) {
		secs += 86400;
		z--;
	}
	tm->tm_wday = (int)((z + 4) % 7 + 7) % 7;	/* 1970-01-01: Thursday */
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = (long long)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	tm->tm_mday = doy - (153 * mp + 2) / 5 + 1;
	tm->tm_mon = mp < 10 ? mp + 2 : mp - 10;
	tm->tm_year = (int)(y + (tm->tm_mon <= 1) - 1900);
	tm->tm_yday = (int)(days_from_civil(tm->tm_year + 1900, tm->tm_mon + 1,
					    tm->tm_mday) -
			    days_from_civil(tm->tm_year + 1900, 1, 1));
	tm->tm_hour = (int)(secs / 3600);
	tm->tm_min = (int)(secs / 60 % 60);
	tm->tm_sec = (int)(secs % 60);
	tm->tm_isdst = 0;
	tm->tm_gmtoff = 0;
	tm->tm_zone = "GMT";		/* glibc's name for gmtime's zone */
	return tm;
}

struct tm *gmtime(const time_t *t)
{
	static struct tm tm;

	return gmtime_r(t, &tm);
}

struct tm *localtime_r(const time_t *t, struct tm *tm)
{
	gmtime_r(t, tm);
	tm->tm_zone = "UTC";		/* glibc's, with no zone configured */
	return tm;
}

struct tm *localtime(const time_t *t)
{
	static struct tm tm;

	return localtime_r(t, &tm);
}

/* timegm — normalises tm (months, days and seconds out of range carry
 * over, as mktime(3) says) and returns its time. */
time_t timegm(struct tm *tm)
{
	long long y = tm->tm_year + 1900LL + tm->tm_mon / 12, t;
	int m = tm->tm_mon % 12;

	if (m < 0) {
		m += 12;
		y--;
	}
	t = days_from_civil(y, m + 1, 1) + tm->tm_mday - 1;
	t = t * 86400 + tm->tm_hour * 3600LL + tm->tm_min * 60LL + tm->tm_sec;
	gmtime_r(&(time_t){ (time_t)t }, tm);
	return (time_t)t;
}

time_t mktime(struct tm *tm)
{
	time_t t = timegm(tm);

	tm->tm_zone = "UTC";
	return t;
}

char *asctime_r(const struct tm *tm, char *buf)
{
	static const char days[] = "SunMonTueWedThuFriSat";
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

	snprintf(buf, 26, "%.3s %.3s%3d %.2d:%.2d:%.2d %d\n",
		 days + 3 * tm->tm_wday, months + 3 * tm->tm_mon, tm->tm_mday,
		 tm->tm_hour, tm->tm_min, tm->tm_sec, tm->tm_year + 1900);
	return buf;
}

char *asctime(const struct tm *tm)
{
	static char buf[26];

	return asctime_r(tm, buf);
}

char *ctime(const time_t *t)
{
	return asctime(localtime(t));
}
