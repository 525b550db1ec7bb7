/* kernel/drivers/rtc.h — the CMOS real-time clock. */
#ifndef CLONIX_RTC_H
#define CLONIX_RTC_H

#include "../lib/kernel.h"

struct rtc_time {
	int sec, min, hour;
	int mday, mon, year;	/* mon 1-12, year e.g. 2026 */
};

void rtc_read_time(struct rtc_time *tm);
s64 mktime64(const struct rtc_time *tm);
s64 rtc_read_epoch(void);

#endif
