/* kernel/test/selftest.h — in-kernel self-tests, chosen with test=. */
#ifndef CLONIX_SELFTEST_H
#define CLONIX_SELFTEST_H

#include "../lib/kernel.h"

void __noreturn selftest_run(const char *list);

/* check — one TAP line, "ok N - group: what" or "not ok N - ...". */
bool check(bool cond, const char *fmt, ...) __printf(2, 3);

void test_mm(void);
void test_buddy(void);
void test_exhaustion(void);
void test_pgtable(void);
void test_kmalloc(void);
void test_printk(void);
void test_timer(void);
void test_rtc(void);
void test_sched(void);
void test_user(void);
void test_acct(void);
void test_fpu(void);
void test_lockdep(void);
void test_fault(void);
void test_panic(void);
void test_stack_overflow(void);
void test_triple_fault(void);

#endif
