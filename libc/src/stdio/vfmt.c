/* libc/src/stdio/vfmt.c — the printf engine: one format, any sink.
 * C11 7.21.6.1 for %d %i %u %o %x %X %c %s %p %% with the flags - + space
 * # 0, field width and precision (number or *), and the length modifiers
 * hh h l ll j z t L. %p prints as glibc does: 0x... or (nil). %f %F %e
 * %E %g %G are fmt_float.c's. */
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include "stdio_impl.h"

static void emit(struct sink *o, const char *s, size_t n)
{
	o->put(o, s, n);
	o->count += n;
}

static void pad(struct sink *o, char c, int n)
{
	while (n-- > 0)
		emit(o, &c, 1);
}

/* __fmt_field — prefix (sign, 0x) and body, padded to the width. */
void __fmt_field(struct sink *o, const struct spec *sp, const char *pre,
		 const char *body, int blen, int zeros)
{
	int plen = strlen(pre), total = plen + zeros + blen;

	if (!sp->flag_minus && !(sp->flag_zero && sp->prec < 0))
		pad(o, ' ', sp->width - total);
	emit(o, pre, plen);
	if (!sp->flag_minus && sp->flag_zero && sp->prec < 0)
		pad(o, '0', sp->width - total);
	pad(o, '0', zeros);
	emit(o, body, blen);
	if (sp->flag_minus)
		pad(o, ' ', sp->width - total);
}

static uintmax_t get_arg(const struct spec *sp, int sign, va_list *ap)
{
	if (sp->len == 'L')
		return sign ? (uintmax_t)va_arg(*ap, long long) :
			      va_arg(*ap, unsigned long long);
	if (sp->len == 'l')
		return sign ? (uintmax_t)(intmax_t)va_arg(*ap, long) :
			      va_arg(*ap, unsigned long);
	if (!sign)
		return sp->len == 'H' ? (unsigned char)va_arg(*ap, unsigned) :
		       sp->len == 'h' ? (unsigned short)va_arg(*ap, unsigned) :
		       va_arg(*ap, unsigned);
	return sp->len == 'H' ? (uintmax_t)(intmax_t)(signed char)va_arg(*ap, int) :
	       sp->len == 'h' ? (uintmax_t)(intmax_t)(short)va_arg(*ap, int) :
	       (uintmax_t)(intmax_t)va_arg(*ap, int);
}

static void fmt_int(struct sink *o, struct spec *sp, char conv, va_list *ap)
{
	int sign = conv == 'd' || conv == 'i';
	unsigned base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
	const char *dig = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	uintmax_t v = get_arg(sp, sign, ap);
	char buf[24], *p = buf + sizeof(buf);
	const char *pre = "";
	int zeros;

	if (sign && (intmax_t)v < 0) {
		v = -v;
		pre = "-";
	} else if (sign) {
		pre = sp->flag_plus ? "+" : sp->flag_space ? " " : "";
	}
	for (uintmax_t x = v; x; x /= base)
		*--p = dig[x % base];
	if (sp->flag_hash && v && base == 16)
		pre = conv == 'X' ? "0X" : "0x";
	if (sp->flag_hash && base == 8 && (p == buf + sizeof(buf) || *p != '0'))
		*--p = '0';
	zeros = sp->prec - (int)(buf + sizeof(buf) - p);
	if (sp->prec < 0 && p == buf + sizeof(buf))
		*--p = '0';
	__fmt_field(o, sp, pre, p, buf + sizeof(buf) - p, zeros > 0 ? zeros : 0);
}

static void fmt_ptr(struct sink *o, struct spec *sp, va_list *ap)
{
	uintptr_t v = (uintptr_t)va_arg(*ap, void *);
	char buf[12], *p = buf + sizeof(buf);

	if (!v) {
		__fmt_field(o, sp, "", "(nil)", 5, 0);
		return;
	}
	for (; v; v >>= 4)
		*--p = "0123456789abcdef"[v & 15];
	__fmt_field(o, sp, "0x", p, buf + sizeof(buf) - p, 0);
}

static const char *parse(const char *f, struct spec *sp, va_list *ap)
{
	memset(sp, 0, sizeof(*sp));
	sp->prec = -1;
	for (;; f++) {
		if (*f == '-') sp->flag_minus = 1;
		else if (*f == '+') sp->flag_plus = 1;
		else if (*f == ' ') sp->flag_space = 1;
		else if (*f == '#') sp->flag_hash = 1;
		else if (*f == '0') sp->flag_zero = 1;
		else break;
	}
	if (*f == '*') {
		sp->width = va_arg(*ap, int);
		if (sp->width < 0) {
			sp->flag_minus = 1;
			sp->width = -sp->width;
		}
		f++;
	}
	for (; *f >= '0' && *f <= '9'; f++)
		sp->width = sp->width * 10 + *f - '0';
	if (*f == '.') {
		sp->prec = 0;
		if (*++f == '*') {
			sp->prec = va_arg(*ap, int);
			f++;
		}
		for (; *f >= '0' && *f <= '9'; f++)
			sp->prec = sp->prec * 10 + *f - '0';
	}
	return f;
}

static const char *length(const char *f, struct spec *sp)
{
	if (f[0] == 'h' && f[1] == 'h')
		return sp->len = 'H', f + 2;
	if (f[0] == 'l' && f[1] == 'l')
		return sp->len = 'L', f + 2;
	if (*f == 'j')
		return sp->len = 'L', f + 1;
	if (*f == 'h' || *f == 'l')
		return sp->len = *f, f + 1;
	if (*f == 'z' || *f == 't')
		return sp->len = 'l', f + 1;
	if (*f == 'L')
		return sp->len = 'D', f + 1;
	return f;
}

static void one(struct sink *o, struct spec *sp, const char *f, va_list *ap)
{
	const char *s;
	char c;

	switch (*f) {
	case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
		fmt_int(o, sp, *f, ap);
		break;
	case 'c':
		c = (char)va_arg(*ap, int);
		__fmt_field(o, sp, "", &c, 1, 0);
		break;
	case 's':
		s = va_arg(*ap, const char *);
		if (!s)
			s = "(null)";
		__fmt_field(o, sp, "", s, sp->prec >= 0 ? (int)strnlen(s, sp->prec) :
		      (int)strlen(s), 0);
		break;
	case 'p':
		fmt_ptr(o, sp, ap);
		break;
	case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
		__fmt_float(o, sp, *f, sp->len == 'D' ?
			    (double)va_arg(*ap, long double) : va_arg(*ap, double));
		break;
	default:
		emit(o, f, 1);
	}
}

int __vfmt(struct sink *o, const char *f, va_list ap0)
{
	struct spec sp;
	va_list ap;

	va_copy(ap, ap0);
	while (*f) {
		const char *pct = strchr(f, '%');
		size_t n = pct ? (size_t)(pct - f) : strlen(f);

		emit(o, f, n);
		if (!pct)
			break;
		f = length(parse(pct + 1, &sp, &ap), &sp);
		if (!*f)
			break;
		one(o, &sp, f++, &ap);
	}
	va_end(ap);
	return o->count;
}
