/* signal.h — signal numbers (Linux i386). The calls themselves arrive
 * with the signals issue; until then only the constants are here. */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <asm/signal.h>

#endif
