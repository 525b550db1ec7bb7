/* user/bin/sync.c — sync — write the disk back. */
#include <unistd.h>

int main(void)
{
	sync();
	return 0;
}
