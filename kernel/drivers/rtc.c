/* kernel/drivers/rtc.c — MC146818 CMOS clock; Linux drivers/rtc/rtc-mc146818
 * -lib.c (mc146818_get_time) and kernel/time/time.c (mktime64).
 * The clock keeps UTC on QEMU (-rtc base=utc is the default), in BCD or
 * binary and 12- or 24-hour form as status register B says. */
#include "rtc.h"
#include "../cpu/x86.h"

#define CMOS_INDEX	0x70
#define CMOS_DATA	0x71
#define RTC_SECONDS	0x00
#define RTC_MINUTES	0x02
#define RTC_HOURS	0x04
#define RTC_DAY		0x07
#define RTC_MONTH	0x08
#define RTC_YEAR	0x09
#define RTC_CENTURY	0x32	/* the ACPI FADT names this register */
#define RTC_REG_A	0x0A
#define RTC_REG_B	0x0B
#define RTC_UIP		0x80	/* reg A: update in progress */
#define RTC_24H		0x02	/* reg B */
#define RTC_DM_BINARY	0x04	/* reg B */
#define RTC_PM		0x80	/* hour byte in 12-hour mode */

static u8 cmos_read(u8 reg)
{
	outb(CMOS_INDEX, reg);	/* bit 7 clear: NMIs stay enabled */
	return inb(CMOS_DATA);
}

static int bcd2bin(u8 v)
{
	return (v & 0x0F) + (v >> 4) * 10;
}

static void rtc_read_raw(struct rtc_time *tm, int *century)
{
	while (cmos_read(RTC_REG_A) & RTC_UIP)
		;
	tm->sec = cmos_read(RTC_SECONDS);
	tm->min = cmos_read(RTC_MINUTES);
	tm->hour = cmos_read(RTC_HOURS);
	tm->mday = cmos_read(RTC_DAY);
	tm->mon = cmos_read(RTC_MONTH);
	tm->year = cmos_read(RTC_YEAR);
	*century = cmos_read(RTC_CENTURY);
}

/* rtc_read_time — read until two reads agree, so an update that starts
 * between the UIP check and the last register cannot tear the result. */
void rtc_read_time(struct rtc_time *tm)
{
	struct rtc_time again;
	int century, c2;
	u8 regb;

	rtc_read_raw(tm, &century);
	for (;;) {
		rtc_read_raw(&again, &c2);
		if (!__builtin_memcmp(tm, &again, sizeof(again)) && c2 == century)
			break;
		*tm = again;
		century = c2;
	}
	regb = cmos_read(RTC_REG_B);
	bool pm = !(regb & RTC_24H) && (tm->hour & RTC_PM);

	tm->hour &= ~RTC_PM;
	if (!(regb & RTC_DM_BINARY)) {
		tm->sec = bcd2bin(tm->sec);
		tm->min = bcd2bin(tm->min);
		tm->hour = bcd2bin(tm->hour);
		tm->mday = bcd2bin(tm->mday);
		tm->mon = bcd2bin(tm->mon);
		tm->year = bcd2bin(tm->year);
		century = bcd2bin(century);
	}
	if (pm)
		tm->hour = (tm->hour % 12) + 12;
	tm->year += (century >= 19 && century <= 30) ? century * 100 :
		    (tm->year < 70 ? 2000 : 1900);
}

/* mktime64 — seconds since the Epoch for a UTC date (Gauss's algorithm as
 * in Linux: months start in March so that the leap day comes last). */
s64 mktime64(const struct rtc_time *tm)
{
	int mon = tm->mon, year = tm->year;
	s64 days;

	mon -= 2;
	if (mon <= 0) {
		mon += 12;
		year -= 1;
	}
	days = (s64)(year / 4 - year / 100 + year / 400 + 367 * mon / 12 +
		     tm->mday) + (s64)year * 365 - 719499;
	return ((days * 24 + tm->hour) * 60 + tm->min) * 60 + tm->sec;
}

s64 rtc_read_epoch(void)
{
	struct rtc_time tm;

	rtc_read_time(&tm);
	return mktime64(&tm);
}
