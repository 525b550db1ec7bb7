/* kernel/lib/printk.c — Linux kernel/printk + lib/vsprintf.c, in brief.
 * One formatter (vsnprintf) for %d %i %u %x %X %o %s %c %p %% with flags
 * '-' and '0', a width (number or '*'), a precision for %s (number or
 * '*'), and the length modifiers l, ll and z. printk formats into a
 * stack buffer and hands the result to every registered console (the
 * serial port and the VGA screen register theirs) under one lock, so
 * lines from interrupt handlers never interleave mid-line. */
#include "printk.h"
#include "jiffies.h"
#include "spinlock.h"
#include "string.h"

struct spec {
	int width;
	int prec;
	bool left;
	bool zero;
	int base;
	bool upper;
	bool sign;
};

struct outbuf {
	char *buf;
	size_t size;
	size_t len;		/* bytes that would have been written */
};

static void put(struct outbuf *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct outbuf *o, int n, char c)
{
	while (n-- > 0)
		put(o, c);
}

static void put_str(struct outbuf *o, const char *s, const struct spec *sp)
{
	int len;

	if (!s)
		s = "(null)";
	len = sp->prec >= 0 ? (int)strnlen(s, sp->prec) : (int)strlen(s);
	if (!sp->left)
		pad(o, sp->width - len, ' ');
	for (int i = 0; i < len; i++)
		put(o, s[i]);
	if (sp->left)
		pad(o, sp->width - len, ' ');
}

/* put_num — digits of |v| in the given base, then sign and padding. */
static void put_num(struct outbuf *o, u64 v, bool neg, const struct spec *sp)
{
	const char *digits = sp->upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, len;

	do {
		tmp[n++] = digits[v % sp->base];
		v /= sp->base;
	} while (v);
	len = n + neg;
	if (neg && sp->zero)
		put(o, '-');
	if (!sp->left)
		pad(o, sp->width - len, sp->zero ? '0' : ' ');
	if (neg && !sp->zero)
		put(o, '-');
	while (n)
		put(o, tmp[--n]);
	if (sp->left)
		pad(o, sp->width - len, ' ');
}

/* parse_spec — flags, width and precision after '%'; returns the new fmt. */
static const char *parse_spec(const char *fmt, struct spec *sp, va_list *ap)
{
	*sp = (struct spec){ .prec = -1, .base = 10 };
	for (;; fmt++) {
		if (*fmt == '-')
			sp->left = true;
		else if (*fmt == '0')
			sp->zero = true;
		else
			break;
	}
	if (*fmt == '*') {
		sp->width = va_arg(*ap, int);
		if (sp->width < 0) {
			sp->left = true;
			sp->width = -sp->width;
		}
		fmt++;
	}
	while (*fmt >= '0' && *fmt <= '9')
		sp->width = sp->width * 10 + (*fmt++ - '0');
	if (*fmt == '.' && fmt[1] == '*') {
		sp->prec = va_arg(*ap, int);	/* not in MAX(): one fetch */
		if (sp->prec < 0)
			sp->prec = -1;	/* C: a negative precision is none */
		fmt += 2;
	} else if (*fmt == '.') {
		sp->prec = 0;
		while (*++fmt >= '0' && *fmt <= '9')
			sp->prec = sp->prec * 10 + (*fmt - '0');
	}
	if (sp->left)
		sp->zero = false;
	return fmt;
}

/* get_int — fetch an argument of the size the length modifier says. */
static u64 get_int(int lflag, bool sign, va_list *ap)
{
	if (lflag >= 2)
		return sign ? (u64)va_arg(*ap, long long) :
			      va_arg(*ap, unsigned long long);
	if (lflag == 1)
		return sign ? (u64)(s64)va_arg(*ap, long) :
			      va_arg(*ap, unsigned long);
	return sign ? (u64)(s64)va_arg(*ap, int) : va_arg(*ap, unsigned int);
}

static void format_int(struct outbuf *o, char conv, struct spec *sp,
		       int lflag, va_list *ap)
{
	u64 v;
	bool neg = false;

	sp->sign = conv == 'd' || conv == 'i';
	sp->base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
	sp->upper = conv == 'X';
	v = get_int(lflag, sp->sign, ap);
	if (sp->sign && (s64)v < 0) {
		neg = true;
		v = -(s64)v;
	}
	put_num(o, v, neg, sp);
}

static void format_one(struct outbuf *o, const char **fmtp, va_list *ap)
{
	struct spec sp;
	const char *fmt = parse_spec(*fmtp, &sp, ap);
	int lflag = 0;

	for (; *fmt == 'l' || *fmt == 'z'; fmt++)
		lflag++;	/* size_t is 32 bits wide, so 'z' counts as 'l' */
	switch (*fmt) {
	case 's':
		put_str(o, va_arg(*ap, const char *), &sp);
		break;
	case 'c':
		pad(o, sp.left ? 0 : sp.width - 1, ' ');
		put(o, (char)va_arg(*ap, int));
		pad(o, sp.left ? sp.width - 1 : 0, ' ');
		break;
	case 'p':
		sp = (struct spec){ .width = 8, .zero = true, .base = 16 };
		put_num(o, (u32)va_arg(*ap, void *), false, &sp);
		break;
	case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
		format_int(o, *fmt, &sp, lflag, ap);
		break;
	case '\0':
		fmt--;
		break;
	default:		/* "%%" and unknown conversions print as-is */
		put(o, *fmt);
	}
	*fmtp = fmt + 1;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct outbuf o = { buf, size, 0 };
	va_list aq;

	va_copy(aq, ap);
	while (*fmt) {
		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt++;
		format_one(&o, &fmt, &aq);
	}
	va_end(aq);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

static struct console *consoles;		/* under console_lock */
static DEFINE_SPINLOCK(console_lock);

/* register_console — a driver's output joins the console (Linux
 * register_console); what was printed before it is not replayed. */
void register_console(struct console *c)
{
	u32 flags = spin_lock_irqsave(&console_lock);
	struct console **p = &consoles;

	while (*p)
		p = &(*p)->next;
	c->next = NULL;
	*p = c;
	spin_unlock_irqrestore(&console_lock, flags);
}

void console_write(const char *s, size_t n)
{
	u32 flags = spin_lock_irqsave(&console_lock);

	for (struct console *c = consoles; c; c = c->next)
		c->write(s, n);
	spin_unlock_irqrestore(&console_lock, flags);
}

int vprintk(const char *fmt, va_list ap)
{
	char buf[512];
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);

	console_write(buf, MIN((size_t)n, sizeof(buf) - 1));
	return n;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

/* printk_ratelimit — Linux's default ratelimit state: at most 10 messages
 * every 5 s, then a count of what was held back. For messages a user can
 * cause at will (a segfault line per killed process: the fuzzer kills
 * thousands), so that the console stays readable and fast. */
bool printk_ratelimit(const char *who)
{
	static u64 begin;
	static int printed, missed;
	u64 now = get_jiffies_64();

	if (now - begin >= 5 * HZ || !begin) {
		if (missed)
			printk("%s: %d callbacks suppressed\n", who, missed);
		begin = now ? now : 1;
		printed = missed = 0;
	}
	if (printed < 10) {
		printed++;
		return true;
	}
	missed++;
	return false;
}
