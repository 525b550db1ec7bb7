/* inttypes.h — printf/scanf format macros for <stdint.h> types on i386
 * (int64 is "ll", intptr and int32 plain int), and the intmax helpers. */
#ifndef _INTTYPES_H
#define _INTTYPES_H

#include <stdint.h>
#include <stdlib.h>

#define PRId8	"d"
#define PRId16	"d"
#define PRId32	"d"
#define PRId64	"lld"
#define PRIi32	"i"
#define PRIi64	"lli"
#define PRIu8	"u"
#define PRIu16	"u"
#define PRIu32	"u"
#define PRIu64	"llu"
#define PRIx8	"x"
#define PRIx16	"x"
#define PRIx32	"x"
#define PRIx64	"llx"
#define PRIX32	"X"
#define PRIX64	"llX"
#define PRIdMAX	"lld"
#define PRIuMAX	"llu"
#define PRIxMAX	"llx"
#define PRIdPTR	"d"
#define PRIuPTR	"u"
#define PRIxPTR	"x"

typedef struct {
	intmax_t quot, rem;
} imaxdiv_t;

static inline intmax_t strtoimax(const char *s, char **end, int base)
{
	return strtoll(s, end, base);
}

static inline uintmax_t strtoumax(const char *s, char **end, int base)
{
	return strtoull(s, end, base);
}

static inline intmax_t imaxabs(intmax_t x)
{
	return x < 0 ? -x : x;
}

#endif
