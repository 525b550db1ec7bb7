/* kernel/lib/printk.h — Linux include/linux/printk.h, in brief. */
#ifndef CLONIX_PRINTK_H
#define CLONIX_PRINTK_H

#include "kernel.h"

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int printk(const char *fmt, ...) __printf(1, 2);
int vprintk(const char *fmt, va_list ap);
/* struct console — somewhere printk's lines go: a driver's output */
struct console {
	const char *name;
	void (*write)(const char *s, size_t n);
	struct console *next;
};

void register_console(struct console *c);
void console_write(const char *s, size_t n);
bool printk_ratelimit(const char *who);

#endif
