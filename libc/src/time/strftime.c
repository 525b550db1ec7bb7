/* libc/src/time/strftime.c — strftime(3) in the C locale: the
 * conversions of C99 and POSIX that do not need a time-zone database
 * (%Z is the zone gmtime or localtime named, %z "+0000": clonix keeps
 * UTC). */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char *const day_names[] = { "Sunday", "Monday", "Tuesday",
	"Wednesday", "Thursday", "Friday", "Saturday" };
static const char *const month_names[] = { "January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October",
	"November", "December" };

/* one — the text of conversion c into buf (at most 64 bytes); NULL if
 * c is not one we know. */
static const char *one(char c, const struct tm *tm, char *buf)
{
	int h12 = tm->tm_hour % 12 ? tm->tm_hour % 12 : 12;
	struct tm copy = *tm;		/* timegm normalises its argument */

	switch (c) {
	case 'a': snprintf(buf, 64, "%.3s", day_names[tm->tm_wday]); break;
	case 'A': return day_names[tm->tm_wday];
	case 'b': case 'h':
		snprintf(buf, 64, "%.3s", month_names[tm->tm_mon]); break;
	case 'B': return month_names[tm->tm_mon];
	case 'c': asctime_r(tm, buf); buf[24] = '\0'; break;
	case 'C': snprintf(buf, 64, "%02d", (tm->tm_year + 1900) / 100); break;
	case 'd': snprintf(buf, 64, "%02d", tm->tm_mday); break;
	case 'D': snprintf(buf, 64, "%02d/%02d/%02d", tm->tm_mon + 1,
			   tm->tm_mday, tm->tm_year % 100); break;
	case 'e': snprintf(buf, 64, "%2d", tm->tm_mday); break;
	case 'F': snprintf(buf, 64, "%d-%02d-%02d", tm->tm_year + 1900,
			   tm->tm_mon + 1, tm->tm_mday); break;
	case 'H': snprintf(buf, 64, "%02d", tm->tm_hour); break;
	case 'I': snprintf(buf, 64, "%02d", h12); break;
	case 'j': snprintf(buf, 64, "%03d", tm->tm_yday + 1); break;
	case 'm': snprintf(buf, 64, "%02d", tm->tm_mon + 1); break;
	case 'M': snprintf(buf, 64, "%02d", tm->tm_min); break;
	case 'n': return "\n";
	case 'p': return tm->tm_hour < 12 ? "AM" : "PM";
	case 'R': snprintf(buf, 64, "%02d:%02d", tm->tm_hour, tm->tm_min); break;
	case 's': snprintf(buf, 64, "%lld", (long long)timegm(&copy)); break;
	case 'S': snprintf(buf, 64, "%02d", tm->tm_sec); break;
	case 't': return "\t";
	case 'T': snprintf(buf, 64, "%02d:%02d:%02d", tm->tm_hour, tm->tm_min,
			   tm->tm_sec); break;
	case 'u': snprintf(buf, 64, "%d", tm->tm_wday ? tm->tm_wday : 7); break;
	case 'w': snprintf(buf, 64, "%d", tm->tm_wday); break;
	case 'x': snprintf(buf, 64, "%02d/%02d/%02d", tm->tm_mon + 1,
			   tm->tm_mday, tm->tm_year % 100); break;
	case 'X': snprintf(buf, 64, "%02d:%02d:%02d", tm->tm_hour, tm->tm_min,
			   tm->tm_sec); break;
	case 'y': snprintf(buf, 64, "%02d", tm->tm_year % 100); break;
	case 'Y': snprintf(buf, 64, "%d", tm->tm_year + 1900); break;
	case 'z': return "+0000";
	case 'Z': return tm->tm_zone ? tm->tm_zone : "";
	case '%': return "%";
	default: return NULL;
	}
	return buf;
}

/* strftime — 0 if the result (with its NUL) does not fit, as C says. */
size_t strftime(char *s, size_t max, const char *fmt, const struct tm *tm)
{
	size_t n = 0;
	char buf[64], lit[3];

	for (; *fmt; fmt++) {
		const char *piece = NULL;
		bool conv = *fmt == '%' && fmt[1];
		size_t len;

		if (conv)
			piece = one(*++fmt, tm, buf);
		if (!piece) {		/* a plain character, or %c unknown */
			snprintf(lit, sizeof(lit), "%s%c", conv ? "%" : "", *fmt);
			piece = lit;
		}
		len = strlen(piece);
		if (n + len >= max)
			return 0;
		memcpy(s + n, piece, len);
		n += len;
	}
	s[n] = '\0';
	return n;
}
