/* kernel/fs/super.c — mounting the root; Linux fs/super.c and
 * init/do_mounts.c (mount_root). The root file system is ext2 on the
 * first ATA disk; there are no other mounts. Writing back is sync.c's. */
#include "fdtable.h"
#include "ext2/ext2.h"
#include "../drivers/ata.h"
#include "../lib/printk.h"
#include "../mm/kmalloc.h"
#include <asm/errno.h>

struct super_block *root_sb;

int mount_root(void)
{
	struct super_block *sb;
	int err = ata_init();

	if (err) {
		printk("vfs: no disk: running without a root file system\n");
		return err;
	}
	sb = kzalloc(sizeof(*sb));
	if (!sb)
		return -ENOMEM;
	err = ext2_mount(sb);
	if (err) {
		printk("vfs: cannot mount the root file system (%d)\n", err);
		kfree(sb);
		return err;
	}
	root_sb = sb;
	printk("vfs: mounted root (ext2)\n");
	return 0;
}
