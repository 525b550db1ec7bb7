/* kernel/cpu/apic.h — the local APIC of each CPU: its timer, its end of
 * interrupt, and the inter-processor interrupts it sends. */
#ifndef CLONIX_APIC_H
#define CLONIX_APIC_H

#include "../lib/kernel.h"

/* The vectors above the PIC's 32-47 (entry.asm has stubs up to 63) */
#define LOCAL_TIMER_VECTOR	48	/* each CPU's own tick */
#define RESCHEDULE_VECTOR	49	/* "look at need_resched and signals" */
#define INVALIDATE_TLB_VECTOR	50	/* mm/tlb.c: a shootdown */
#define STOP_VECTOR		51	/* panic: stop where you are */
#define SPURIOUS_APIC_VECTOR	63	/* low four bits set, as P6 needs */
#define LAST_VECTOR		63

extern bool apic_enabled;	/* the local APICs are in use (SMP) */

void apic_map(u32 phys);
bool apic_map_covers(u32 phys);
extern bool ioapic_active;
void ioapic_init(void);
bool ioapic_routes(unsigned int irq);
void ioapic_unmask(unsigned int irq);
void lapic_init(bool boot_cpu);
void lapic_timer_calibrate(void);
void lapic_timer_start(void);
void lapic_eoi(void);
u8 lapic_id(void);
void lapic_send_ipi(u8 apic_id, u32 vector);
void lapic_send_init_sipi(u8 apic_id, u32 trampoline_phys);
void udelay(unsigned long us);

#endif
