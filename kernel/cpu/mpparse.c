/* kernel/cpu/mpparse.c — finding the CPUs: the Intel MultiProcessor
 * Specification 1.4's tables, which the BIOS (QEMU's SeaBIOS) leaves in
 * low memory. Linux arch/x86/kernel/mpparse.c; xv6 mp.c.
 *
 * The floating pointer "_MP_" lies on a 16-byte boundary in the first KiB
 * of the extended BIOS data area, the last KiB of base memory, or the
 * BIOS ROM; it points at the configuration table, whose entries list
 * each processor (its local APIC ID, whether it is enabled, whether it is
 * the bootstrap processor) and the APICs' addresses.
 * A BIOS lists only the first thread of each package in it (SeaBIOS
 * does, and QEMU's "-smp 2" is one package of two cores), so the ACPI
 * MADT (acpi.c) is read first and this table only when there is none. */
#include "apic.h"
#include "smp.h"
#include "../lib/printk.h"
#include "../lib/string.h"
#include "../mm/page.h"

struct mpf_intel {		/* the floating pointer structure */
	char signature[4];	/* "_MP_" */
	u32 physptr;		/* the configuration table */
	u8 length;		/* in 16-byte units */
	u8 specification;
	u8 checksum;
	u8 feature1, feature2, feature3, feature4, feature5;
} __packed;

struct mpc_table {		/* the configuration table's header */
	char signature[4];	/* "PCMP" */
	u16 length;
	u8 spec, checksum;
	char oem[8], productid[12];
	u32 oemptr;
	u16 oemsize, oemcount;
	u32 lapic;		/* the local APICs' physical address */
	u16 ext_length;
	u8 ext_checksum, reserved;
} __packed;			/* 44 bytes, then oemcount entries */

#define MP_PROCESSOR		0	/* entry types; a processor's is 20 bytes, */
#define CPU_ENABLED		1	/* the rest 8 */
#define CPU_BOOTPROCESSOR	2

struct mpc_cpu {
	u8 type, apicid, apicver, cpuflag;
	u32 cpufeature, featureflag, reserved[2];
} __packed;

static bool checksum_ok(const void *p, unsigned int len)
{
	u8 sum = 0;

	for (unsigned int i = 0; i < len; i++)
		sum += ((const u8 *)p)[i];
	return sum == 0;
}

static struct mpf_intel *scan(u32 phys, u32 len)
{
	for (u32 a = phys; a + sizeof(struct mpf_intel) <= phys + len; a += 16) {
		struct mpf_intel *mpf = phys_to_virt(a);

		if (!memcmp(mpf->signature, "_MP_", 4) && mpf->length == 1 &&
		    checksum_ok(mpf, 16))
			return mpf;
	}
	return NULL;
}

/* find_mpf — the three places MP spec 4.1 names. */
static struct mpf_intel *find_mpf(void)
{
	u32 ebda = (u32)*(u16 *)phys_to_virt(0x40E) << 4;
	u32 basemem = ((u32)*(u16 *)phys_to_virt(0x413) * 1024);
	struct mpf_intel *mpf = NULL;

	if (ebda)
		mpf = scan(ebda, 1024);
	if (!mpf && basemem > 1024)
		mpf = scan(basemem - 1024, 1024);
	return mpf ? mpf : scan(0xF0000, 0x10000);
}

/* add_cpu — one more CPU; the boot CPU is cpus[0] whatever its APIC ID
 * (smp_init reads it from its own APIC). */
void add_cpu(u8 apic_id, bool boot_cpu)
{
	struct cpu *c;

	if (boot_cpu)
		return;
	if (nr_cpu_ids == NR_CPUS) {
		printk("smp: more than %d CPUs: CPU with APIC ID %u ignored\n",
		       NR_CPUS, apic_id);
		return;
	}
	c = &cpus[nr_cpu_ids];
	c->id = nr_cpu_ids++;
	c->apic_id = apic_id;
}

/* mp_find_cpus — fill cpus[] from the MP table; false when there is none
 * (the machine is a uniprocessor without an APIC the kernel may use). */
bool mp_find_cpus(u32 *lapic_phys)
{
	struct mpf_intel *mpf = find_mpf();
	struct mpc_table *mpc;
	u8 *p, *end;

	if (!mpf || !mpf->physptr || mpf->physptr >= (1u << 20))
		return false;
	mpc = phys_to_virt(mpf->physptr);
	if (memcmp(mpc->signature, "PCMP", 4) ||
	    !checksum_ok(mpc, mpc->length))
		return false;
	*lapic_phys = mpc->lapic;
	p = (u8 *)(mpc + 1);
	end = (u8 *)mpc + mpc->length;
	while (p < end) {
		if (*p == MP_PROCESSOR) {
			const struct mpc_cpu *m = (const void *)p;

			if (m->cpuflag & CPU_ENABLED)
				add_cpu(m->apicid, m->cpuflag & CPU_BOOTPROCESSOR);
			p += sizeof(struct mpc_cpu);
		} else {
			p += 8;
		}
	}
	return true;
}
