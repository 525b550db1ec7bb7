/* libc/src/stdio/fmt_float.c — %f %e %g and %F %E %G, digit for digit as
 * glibc prints them (C11 7.21.6.1). A double is m * 2^e exactly, with m
 * below 2^53: the integer m * 2^e when e >= 0, else m * 5^-e / 10^-e. Both
 * are integers whose decimal digits a small big-number routine writes out
 * in full, so every digit is exact. Cutting them to the precision asked
 * rounds as glibc's default mode does: more than half up, less than half
 * down, exactly half to the even digit. A long double (%Lf) is printed
 * as the double nearest to it. */
#include <stdint.h>
#include <string.h>
#include "stdio_impl.h"

#define LIMB		1000000000u	/* base of the big number */
#define MAX_LIMBS	90		/* 2^53 * 5^1074 < 10^770 */
#define MAX_DIGITS	(MAX_LIMBS * 9)
#define MAX_TEXT	2400	/* 309 + '.' + 1074 zeros + 767 digits, and more */

/* value = 0.d[0] d[1] ... d[n-1] * 10^point, d[0] != 0 (n = 0: zero) */
struct decimal {
	char d[MAX_DIGITS + 1];
	int n, point;
};

/* mul_small — x (little-endian limbs) *= f, for f < 2^31 */
static int mul_small(uint32_t *x, int nl, uint32_t f)
{
	uint64_t carry = 0;

	for (int i = 0; i < nl; i++) {
		uint64_t t = (uint64_t)x[i] * f + carry;

		x[i] = t % LIMB;
		carry = t / LIMB;
	}
	while (carry) {
		x[nl++] = carry % LIMB;
		carry /= LIMB;
	}
	return nl;
}

/* to_decimal — the exact digits of v (finite, not negative) */
static void to_decimal(double v, struct decimal *x)
{
	union { double d; uint64_t u; } b = { v };
	uint64_t m = b.u & ((1ull << 52) - 1);
	int bexp = (b.u >> 52) & 0x7ff, e = bexp ? bexp - 1075 : -1074, nl = 0;
	int k = e < 0 ? -e : e;
	uint32_t limb[MAX_LIMBS];
	char *p = x->d;

	if (bexp)
		m |= 1ull << 52;
	for (; m; m /= LIMB)
		limb[nl++] = m % LIMB;
	while (nl && k > 0) {		/* times 2^e, or 5^-e: 29 or 13 at a go */
		int step = k < (e < 0 ? 13 : 29) ? k : (e < 0 ? 13 : 29);
		uint32_t f = 1;

		for (int i = 0; i < step; i++)
			f *= e < 0 ? 5 : 2;
		nl = mul_small(limb, nl, f);
		k -= step;
	}
	for (int i = nl - 1; i >= 0; i--) {	/* 9 digits a limb */
		char nine[9];

		for (int j = 8; j >= 0; j--, limb[i] /= 10)
			nine[j] = '0' + limb[i] % 10;
		for (int j = 0; j < 9; j++)
			if (p > x->d || nine[j] != '0')
				*p++ = nine[j];
	}
	x->n = p - x->d;
	x->point = x->n - (e < 0 ? -e : 0);
	while (x->n > 0 && x->d[x->n - 1] == '0')	/* no trailing zeros */
		x->n--;
	if (!x->n)
		x->point = 0;
}

static int digit(const struct decimal *x, int i)
{
	return i >= 0 && i < x->n ? x->d[i] - '0' : 0;
}

/* round_keep — keep the first `keep` digits (counted from d[0]; may be
 * zero or less), rounding the ones cut off to nearest, ties to even */
static void round_keep(struct decimal *x, int keep)
{
	int first = digit(x, keep), up;
	int i;

	if (keep >= x->n)
		return;
	if (keep < 0) {			/* all cut, and the first is a 0 */
		x->n = x->point = 0;
		return;
	}
	up = first > 5 || (first == 5 && (x->n > keep + 1 || digit(x, keep - 1) % 2));
	x->n = keep;
	for (i = keep - 1; up && i >= 0; i--) {
		if (x->d[i] < '9') {
			x->d[i]++;
			up = 0;
		} else {
			x->d[i] = '0';
		}
	}
	if (up) {			/* 999 became 1000 */
		memmove(x->d + 1, x->d, x->n);
		x->d[0] = '1';
		x->n++;
		x->point++;
	}
	while (x->n > 0 && x->d[x->n - 1] == '0')
		x->n--;
	if (!x->n)
		x->point = 0;
}

/* struct out — the text: digits in buf, then `zeros` more zeros, then the
 * exponent part in tail (counted apart, so any precision fits) */
struct out {
	char buf[MAX_TEXT];
	int len, zeros;
	char tail[8];
};

static void put_digits(struct out *o, const struct decimal *x, int from, int count)
{
	for (int i = from; i < from + count; i++) {
		if (i >= x->n && i >= 0) {
			o->zeros += from + count - i;	/* only zeros follow */
			return;
		}
		o->buf[o->len++] = '0' + digit(x, i);
	}
}

static void fixed(struct out *o, struct decimal *x, int prec, int hash)
{
	round_keep(x, x->point + prec);
	if (x->point <= 0)
		o->buf[o->len++] = '0';
	else
		put_digits(o, x, 0, x->point);
	if (prec > 0 || hash) {
		for (; o->zeros; o->zeros--)	/* the point comes after them */
			o->buf[o->len++] = '0';
		o->buf[o->len++] = '.';
	}
	put_digits(o, x, x->point, prec);
}

static void exponent(struct out *o, struct decimal *x, int prec, int hash,
		     char e)
{
	int ex;

	round_keep(x, prec + 1);
	ex = x->n ? x->point - 1 : 0;
	o->buf[o->len++] = '0' + digit(x, 0);
	if (prec > 0 || hash)
		o->buf[o->len++] = '.';
	put_digits(o, x, 1, prec);
	o->tail[0] = e;
	o->tail[1] = ex < 0 ? '-' : '+';
	ex = ex < 0 ? -ex : ex;
	if (ex >= 100)
		o->tail[2] = '0' + ex / 100, o->tail[3] = '0' + ex / 10 % 10,
		o->tail[4] = '0' + ex % 10, o->tail[5] = '\0';
	else
		o->tail[2] = '0' + ex / 10, o->tail[3] = '0' + ex % 10,
		o->tail[4] = '\0';
}

/* general — %g: the style of %e if the exponent X (after rounding to P
 * significant digits) is below -4 or at least P, else %f; trailing zeros
 * go unless '#' */
static void general(struct out *o, struct decimal *x, int prec, int hash,
		    char e)
{
	struct decimal r = *x;
	int p = prec < 0 ? 6 : prec ? prec : 1, ex;

	round_keep(&r, p);
	ex = r.n ? r.point - 1 : 0;
	if (ex >= -4 && ex < p)
		fixed(o, x, p - 1 - ex, hash);
	else
		exponent(o, x, p - 1, hash, e);
	if (hash || !memchr(o->buf, '.', o->len))
		return;
	o->zeros = 0;
	while (o->buf[o->len - 1] == '0')
		o->len--;
	if (o->buf[o->len - 1] == '.')
		o->len--;
}

static void emit_n(struct sink *s, char c, int n)
{
	for (; n > 0; n--) {
		s->put(s, &c, 1);
		s->count++;
	}
}

static void emit_s(struct sink *s, const char *p, int n)
{
	s->put(s, p, n);
	s->count += n;
}

void __fmt_float(struct sink *s, const struct spec *sp, char conv, double v)
{
	union { double d; uint64_t u; } b = { v };
	struct decimal x;
	struct out o;
	int upper = conv == 'F' || conv == 'E' || conv == 'G';
	int neg = b.u >> 63, special = ((b.u >> 52) & 0x7ff) == 0x7ff, total;
	const char *pre = neg ? "-" : sp->flag_plus ? "+" : sp->flag_space ? " " : "";
	int prec = sp->prec < 0 ? 6 : sp->prec;

	o.len = o.zeros = 0;
	o.tail[0] = '\0';
	if (special) {
		memcpy(o.buf, b.u << 12 ? (upper ? "NAN" : "nan") :
		       (upper ? "INF" : "inf"), 3);
		o.len = 3;
	} else {
		to_decimal(neg ? -v : v, &x);
		if (conv == 'f' || conv == 'F')
			fixed(&o, &x, prec, sp->flag_hash);
		else if (conv == 'e' || conv == 'E')
			exponent(&o, &x, prec, sp->flag_hash, upper ? 'E' : 'e');
		else
			general(&o, &x, sp->prec, sp->flag_hash, upper ? 'E' : 'e');
	}
	total = strlen(pre) + o.len + o.zeros + strlen(o.tail);
	if (!sp->flag_minus && !(sp->flag_zero && !special))
		emit_n(s, ' ', sp->width - total);
	emit_s(s, pre, strlen(pre));
	if (!sp->flag_minus && sp->flag_zero && !special)
		emit_n(s, '0', sp->width - total);
	emit_s(s, o.buf, o.len);
	emit_n(s, '0', o.zeros);
	emit_s(s, o.tail, strlen(o.tail));
	if (sp->flag_minus)
		emit_n(s, ' ', sp->width - total);
}
