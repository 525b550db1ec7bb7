/* kernel/drivers/ata.h — the ATA disk on the primary IDE channel. */
#ifndef CLONIX_ATA_H
#define CLONIX_ATA_H

#include "../lib/kernel.h"

#define SECTOR_SIZE	512

int ata_init(void);
int ata_rw(u32 lba, void *buf, u32 count, bool write);
int ata_flush(void);
u64 ata_sectors(bool write);

#endif
