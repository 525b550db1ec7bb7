/* assert.h — assert(expr): on failure, glibc's message on stderr, then
 * abort() (SIGABRT). NDEBUG turns it off. Included again, it follows
 * NDEBUG anew, as C requires. */
#undef assert

#ifdef NDEBUG
#define assert(e)	((void)0)
#else
void __assert_fail(const char *expr, const char *file, unsigned int line,
		   const char *func) __attribute__((noreturn));
#define assert(e)	((e) ? (void)0 : \
			 __assert_fail(#e, __FILE__, __LINE__, __func__))
#endif
