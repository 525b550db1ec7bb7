/* kernel/drivers/ata.c — ATA PIO, primary master, 28-bit LBA; Linux
 * drivers/ata/libata-sff.c reduced to polling; OSDev "ATA PIO Mode".
 * One request at a time under ata_lock, polling the status register: the
 * disk is small and emulated, and polling keeps the driver one screen
 * long. Every transfer checks ERR/DF and reports -EIO. */
#include "ata.h"
#include "../cpu/x86.h"
#include "../lib/printk.h"
#include "../lib/spinlock.h"
#include <asm/errno.h>

#define ATA_BASE	0x1F0
#define ATA_CTRL	0x3F6
#define ATA_DATA	(ATA_BASE + 0)
#define ATA_ERROR	(ATA_BASE + 1)
#define ATA_NSECT	(ATA_BASE + 2)
#define ATA_LBA0	(ATA_BASE + 3)
#define ATA_LBA1	(ATA_BASE + 4)
#define ATA_LBA2	(ATA_BASE + 5)
#define ATA_DEVICE	(ATA_BASE + 6)
#define ATA_STATUS	(ATA_BASE + 7)	/* read */
#define ATA_COMMAND	(ATA_BASE + 7)	/* write */
#define ATA_SR_BSY	0x80
#define ATA_SR_DF	0x20
#define ATA_SR_DRQ	0x08
#define ATA_SR_ERR	0x01
#define ATA_CMD_READ	0x20
#define ATA_CMD_WRITE	0x30
#define ATA_CMD_FLUSH	0xE7
#define ATA_CMD_IDENTIFY 0xEC
#define ATA_DEV_LBA	0xE0	/* master, LBA mode */
#define ATA_NIEN	0x02	/* device control: no interrupts */
#define SPIN_LIMIT	10000000

static u32 nr_sectors;
static DEFINE_SPINLOCK(ata_lock);

/* ata_wait — until not busy; then DRQ if asked. -EIO on error/timeout. */
static int ata_wait(bool drq)
{
	for (int i = 0; i < SPIN_LIMIT; i++) {
		u8 st = inb(ATA_STATUS);

		if (st & ATA_SR_BSY)
			continue;
		if (st & (ATA_SR_ERR | ATA_SR_DF))
			return -EIO;
		if (!drq || (st & ATA_SR_DRQ))
			return 0;
	}
	return -EIO;
}

static void ata_select(u32 lba, u8 count, u8 cmd)
{
	outb(ATA_DEVICE, ATA_DEV_LBA | ((lba >> 24) & 0x0F));
	outb(ATA_NSECT, count);
	outb(ATA_LBA0, lba & 0xFF);
	outb(ATA_LBA1, (lba >> 8) & 0xFF);
	outb(ATA_LBA2, (lba >> 16) & 0xFF);
	outb(ATA_COMMAND, cmd);
}

/* ata_init — IDENTIFY the primary master; 0 if a disk answered. */
int ata_init(void)
{
	u16 id[256];

	outb(ATA_CTRL, ATA_NIEN);
	outb(ATA_DEVICE, ATA_DEV_LBA);
	if (inb(ATA_STATUS) == 0xFF || inb(ATA_STATUS) == 0)
		return -ENODEV;		/* floating bus or no drive */
	ata_select(0, 0, ATA_CMD_IDENTIFY);
	if (ata_wait(true))
		return -ENODEV;
	for (int i = 0; i < 256; i++)
		id[i] = inw(ATA_DATA);
	nr_sectors = id[60] | ((u32)id[61] << 16);	/* LBA28 capacity */
	printk("ata: primary master, %u sectors (%u MiB)\n", nr_sectors,
	       nr_sectors >> 11);
	return 0;
}

static int ata_transfer(u32 lba, u16 *buf, u8 count, bool write)
{
	ata_select(lba, count, write ? ATA_CMD_WRITE : ATA_CMD_READ);
	for (int s = 0; s < (count ? count : 256); s++, buf += 256) {
		if (ata_wait(true))
			return -EIO;
		for (int i = 0; i < 256; i++)
			if (write)
				outw(ATA_DATA, buf[i]);
			else
				buf[i] = inw(ATA_DATA);
	}
	return ata_wait(false);
}

/* sectors read [0] and written [1] since boot: /proc/vmstat's pgpgin and
 * pgpgout (vmstat's bi and bo) */
static u64 sectors_moved[2];

u64 ata_sectors(bool write)
{
	return sectors_moved[write];
}

/* ata_rw — count sectors at lba to or from buf; 0 or -EIO. The lock is
 * taken per command of at most 16 sectors, so the tick is not held off
 * for long. */
int ata_rw(u32 lba, void *buf, u32 count, bool write)
{
	int err = 0;

	if (lba + count > nr_sectors || lba + count < lba)
		return -EIO;
	while (!err && count) {
		u32 n = MIN(count, 16u);
		u32 flags = spin_lock_irqsave(&ata_lock);

		err = ata_transfer(lba, buf, n, write);
		if (!err)
			sectors_moved[write] += n;
		spin_unlock_irqrestore(&ata_lock, flags);
		lba += n;
		count -= n;
		buf = (char *)buf + n * SECTOR_SIZE;
	}
	return err;
}

int ata_flush(void)
{
	u32 flags = spin_lock_irqsave(&ata_lock);
	int err;

	outb(ATA_DEVICE, ATA_DEV_LBA);
	outb(ATA_COMMAND, ATA_CMD_FLUSH);
	err = ata_wait(false);
	spin_unlock_irqrestore(&ata_lock, flags);
	return err;
}
