/* kernel/cpu/acpi.c — finding the CPUs in ACPI's MADT, the table every
 * BIOS since the MP table fills in. Linux arch/x86/kernel/acpi/boot.c
 * (acpi_parse_madt); ACPI 6.x, 5.2.5 (RSDP) and 5.2.12 (MADT).
 *
 * The root pointer "RSD PTR " lies on a 16-byte boundary in the first
 * KiB of the EBDA or in 0xE0000-0xFFFFF; it gives the RSDT, a list of
 * tables; the one signed "APIC" lists each CPU's local APIC (type 0:
 * ACPI id, APIC id, flags with bit 0 "enabled"). QEMU puts the tables
 * at the top of RAM, past the last usable frame. */
#include "smp.h"
#include "../lib/string.h"
#include "../mm/page.h"
#include "../cpu/mmu.h"

struct rsdp {
	char signature[8];	/* "RSD PTR " */
	u8 checksum;
	char oemid[6];
	u8 revision;
	u32 rsdt;
} __packed;

struct acpi_header {
	char signature[4];
	u32 length;
	u8 revision, checksum;
	char oemid[6], oem_table_id[8];
	u32 oem_revision, creator_id, creator_revision;
} __packed;			/* 36 bytes */

struct madt {
	struct acpi_header h;
	u32 lapic;		/* the local APICs' physical address */
	u32 flags;
} __packed;			/* then entries: type, length, ... */

#define MADT_LAPIC		0
#define MADT_LAPIC_ENABLED	1
#define MADT_IOAPIC		1	/* id, 0, address, first GSI */
#define MADT_OVERRIDE		2	/* bus, ISA irq, GSI, flags */

void add_cpu(u8 apic_id, bool boot_cpu);
void ioapic_add(u32 phys, u32 gsi_base);
void ioapic_override(u8 irq, u32 gsi, u16 flags);

static bool sum_ok(const void *p, u32 len)
{
	u8 sum = 0;

	for (u32 i = 0; i < len; i++)
		sum += ((const u8 *)p)[i];
	return sum == 0;
}

static struct rsdp *scan(u32 phys, u32 len)
{
	for (u32 a = phys; a < phys + len; a += 16) {
		struct rsdp *r = phys_to_virt(a);

		if (!memcmp(r->signature, "RSD PTR ", 8) && sum_ok(r, 20))
			return r;
	}
	return NULL;
}

/* table — a table by physical address, if the direct map reaches it
 * (its 4 MiB pages go on past the last usable frame: paging_init). */
static struct acpi_header *table(u32 phys)
{
	u32 mapped = ALIGN_UP(max_pfn << PAGE_SHIFT, PGDIR_SIZE);
	struct acpi_header *h;

	if (!phys || phys + sizeof(*h) > mapped)
		return NULL;
	h = phys_to_virt(phys);
	if (phys + h->length > mapped || !sum_ok(h, h->length))
		return NULL;
	return h;
}

static struct madt *find_madt(void)
{
	u32 ebda = (u32)*(u16 *)phys_to_virt(0x40E) << 4;
	struct rsdp *r = ebda ? scan(ebda, 1024) : NULL;
	struct acpi_header *rsdt;
	u32 *entry;

	if (!r)
		r = scan(0xE0000, 0x20000);
	rsdt = r ? table(r->rsdt) : NULL;
	if (!rsdt)
		return NULL;
	for (entry = (u32 *)(rsdt + 1);
	     (u8 *)entry < (u8 *)rsdt + rsdt->length; entry++) {
		struct acpi_header *h = table(*entry);

		if (h && !memcmp(h->signature, "APIC", 4))
			return (struct madt *)h;
	}
	return NULL;
}

/* acpi_find_cpus — fill cpus[] from the MADT, and tell io_apic.c where
 * the I/O APIC is and how ISA lines reach it; false without a MADT. The
 * first enabled local APIC is the boot CPU's (ACPI 5.2.12.2). */
bool acpi_find_cpus(u32 *lapic_phys)
{
	struct madt *m = find_madt();
	u8 *p, *end;
	bool first = true;

	if (!m)
		return false;
	*lapic_phys = m->lapic;
	end = (u8 *)m + m->h.length;
	for (p = (u8 *)(m + 1); p + 2 <= end && p[1] >= 2; p += p[1]) {
		if (p[0] == MADT_LAPIC && p[1] >= 8 &&
		    (*(u32 *)(p + 4) & MADT_LAPIC_ENABLED)) {
			add_cpu(p[3], first);
			first = false;
		} else if (p[0] == MADT_IOAPIC && p[1] >= 12) {
			ioapic_add(*(u32 *)(p + 4), *(u32 *)(p + 8));
		} else if (p[0] == MADT_OVERRIDE && p[1] >= 10 && p[2] == 0) {
			ioapic_override(p[3], *(u32 *)(p + 4), *(u16 *)(p + 8));
		}
	}
	return true;
}
