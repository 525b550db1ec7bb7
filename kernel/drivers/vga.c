/* kernel/drivers/vga.c — 80x25 colour text console; Linux vgacon, xv6
 * console.c cgaputc. Writes go to the text buffer at physical 0xB8000
 * through the direct map; the hardware cursor follows the text. */
#include "vga.h"
#include "../cpu/x86.h"
#include "../lib/printk.h"
#include "../lib/string.h"
#include "../mm/page.h"

#define VGA_COLS	80
#define VGA_ROWS	25
#define VGA_ATTR	0x0700		/* light grey on black */
#define CRTC_INDEX	0x3D4
#define CRTC_DATA	0x3D5

static u16 *vga_buf;
static int pos;				/* row * VGA_COLS + column */

static struct console vga_console = { .name = "tty0", .write = vga_write };

void vga_init(void)
{
	vga_buf = phys_to_virt(0xB8000);
	for (int i = 0; i < VGA_COLS * VGA_ROWS; i++)
		vga_buf[i] = VGA_ATTR | ' ';
	pos = 0;
	register_console(&vga_console);
}

static void vga_scroll(void)
{
	memmove(vga_buf, vga_buf + VGA_COLS,
		sizeof(u16) * VGA_COLS * (VGA_ROWS - 1));
	for (int i = 0; i < VGA_COLS; i++)
		vga_buf[VGA_COLS * (VGA_ROWS - 1) + i] = VGA_ATTR | ' ';
	pos -= VGA_COLS;
}

static void vga_putc(char c)
{
	if (c == '\n')
		pos += VGA_COLS - pos % VGA_COLS;
	else if (c == '\r')
		pos -= pos % VGA_COLS;
	else if (c == '\b')
		pos -= pos > 0;
	else if (c == '\t')
		pos = (pos + 8) & ~7;
	else
		vga_buf[pos++] = VGA_ATTR | (u8)c;
	if (pos >= VGA_COLS * VGA_ROWS)
		vga_scroll();
}

static void vga_move_cursor(void)
{
	outb(CRTC_INDEX, 14);
	outb(CRTC_DATA, pos >> 8);
	outb(CRTC_INDEX, 15);
	outb(CRTC_DATA, pos & 0xFF);
}

void vga_write(const char *s, size_t n)
{
	if (!vga_buf)
		return;
	for (size_t i = 0; i < n; i++)
		vga_putc(s[i]);
	vga_move_cursor();
}
