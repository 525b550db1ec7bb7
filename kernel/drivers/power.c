/* kernel/drivers/power.c — power-off; Linux arch/x86/kernel/reboot.c and
 * drivers/acpi/sleep.c, reduced to what QEMU and Bochs answer to.
 * 1. isa-debug-exit (present in test runs): QEMU exits with a status.
 * 2. ACPI S5 through the PIIX4 PM1a control port QEMU's "pc" machine
 *    places at 0x604, then the older Bochs/QEMU port 0xB004.
 * 3. If nothing listened: halt with interrupts off. */
#include "power.h"
#include "../cpu/x86.h"
#include "../lib/objstat.h"
#include "../lib/printk.h"
#include "../mm/page.h"
#include "../mm/kmalloc.h"

#define DEBUG_EXIT_PORT		0xF4	/* -device isa-debug-exit,iobase=0xf4 */
#define ACPI_PM1A_CNT_QEMU	0x604
#define ACPI_PM1A_CNT_BOCHS	0xB004
#define ACPI_SLP_EN_S5		0x2000	/* SLP_EN | SLP_TYP(S5) on PIIX4 */

/* debug_exit — ends QEMU at once when the device exists, else returns. */
void debug_exit(int status)
{
	outl(DEBUG_EXIT_PORT, status);
}

void __noreturn power_off(int status)
{
	printk("power: off (status %d); free frames %lu of %lu, "
	       "heap %lu bytes in %lu blocks\n", status, nr_free_pages(),
	       totalram_pages(), kmalloc_bytes_in_use(), kmalloc_objs_in_use());
	kobj_show();
	debug_exit(status);
	outw(ACPI_PM1A_CNT_QEMU, ACPI_SLP_EN_S5);
	outw(ACPI_PM1A_CNT_BOCHS, ACPI_SLP_EN_S5);
	for (int i = 0; i < 100000; i++)
		io_delay();	/* QEMU acts on the request a little later */
	printk("power: no power-off device answered; halting\n");
	for (;;) {
		local_irq_disable();
		halt();
	}
}
