/* libc/src/stdlib/strtol.c — strtol family, atoi, atol, abs (C11 7.22.1). */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

/* parse — magnitude and sign; *end past the digits (or s if none). */
static unsigned long long parse(const char *s, char **end, int base,
				int *neg, unsigned long long max)
{
	const char *p = s, *digits;
	unsigned long long v = 0;
	int over = 0;

	while (isspace(*p))
		p++;
	*neg = *p == '-';
	if (*p == '-' || *p == '+')
		p++;
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] | 32) == 'x' &&
	    isxdigit(p[2])) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = *p == '0' ? 8 : 10;
	}
	for (digits = p;; p++) {
		int d = isdigit(*p) ? *p - '0' : isalpha(*p) ? (*p | 32) - 'a' + 10 : 99;

		if (d >= base)
			break;
		if (v > (max - d) / base)
			over = 1;
		v = v * base + d;
	}
	if (end)
		*end = (char *)(p == digits ? s : p);
	if (over) {
		errno = ERANGE;
		return max;
	}
	return v;
}

long long strtoll(const char *s, char **end, int base)
{
	int neg;
	unsigned long long v = parse(s, end, base, &neg, ULLONG_MAX);

	if (v > (unsigned long long)LLONG_MAX + neg) {
		errno = ERANGE;
		return neg ? LLONG_MIN : LLONG_MAX;
	}
	return neg ? -(long long)v : (long long)v;
}

unsigned long long strtoull(const char *s, char **end, int base)
{
	int neg;
	unsigned long long v = parse(s, end, base, &neg, ULLONG_MAX);

	return neg ? -v : v;
}

long strtol(const char *s, char **end, int base)
{
	long long v = strtoll(s, end, base);

	if (v > LONG_MAX || v < LONG_MIN) {
		errno = ERANGE;
		return v > 0 ? LONG_MAX : LONG_MIN;
	}
	return v;
}

unsigned long strtoul(const char *s, char **end, int base)
{
	int neg;
	unsigned long long v = parse(s, end, base, &neg, ULONG_MAX);

	return neg ? -(unsigned long)v : (unsigned long)v;
}

int atoi(const char *s)
{
	return strtol(s, NULL, 10);
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

int abs(int x)
{
	return x < 0 ? -x : x;
}
