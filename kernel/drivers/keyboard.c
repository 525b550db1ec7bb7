/* kernel/drivers/keyboard.c — the PS/2 keyboard, for the VGA console
 * (make run-vga, make run-curses); Linux drivers/input/keyboard/atkbd.c
 * and drivers/tty/vt/keyboard.c, reduced to a US layout. IRQ1 gives one
 * scancode (set 1) per key press or release; a press becomes the byte a
 * terminal would send (Shift, Ctrl and Caps Lock applied; the arrows as
 * ANSI escape sequences) and goes to the same receiver as the serial
 * line's bytes: the kernel's console keys at boot, then the tty. */
#include "keyboard.h"
#include "pic.h"
#include "../cpu/trap.h"
#include "../cpu/x86.h"

#define KBD_DATA	0x60
#define KBD_STATUS	0x64
#define KBD_OBF		0x01	/* output buffer full: a byte to read */
#define RELEASE		0x80
#define SC_LSHIFT	0x2a
#define SC_RSHIFT	0x36
#define SC_CTRL		0x1d
#define SC_CAPS		0x3a
#define SC_EXTENDED	0xe0

static const char plain[0x3a] =
	"\0\0331234567890-=\x7f\tqwertyuiop[]\r\0asdfghjkl;'`\0\\zxcvbnm,./\0*\0 ";
static const char shifted[0x3a] =
	"\0\033!@#$%^&*()_+\x7f\tQWERTYUIOP{}\r\0ASDFGHJKL:\"~\0|ZXCVBNM<>?\0*\0 ";

static void (*rx_handler)(char c);
static bool shift, ctrl, caps, extended;

static void deliver(const char *s)
{
	for (; *s && rx_handler; s++)
		rx_handler(*s);
}

/* arrow — an extended scancode's escape sequence, or NULL */
static const char *arrow(u8 sc)
{
	switch (sc) {
	case 0x48: return "\033[A";
	case 0x50: return "\033[B";
	case 0x4d: return "\033[C";
	case 0x4b: return "\033[D";
	}
	return NULL;
}

/* translate — the byte for a key pressed, 0 for none */
static char translate(u8 sc)
{
	char c;

	if (sc >= sizeof(plain))
		return 0;
	c = shift ? shifted[sc] : plain[sc];
	if (caps && c >= 'a' && c <= 'z')
		c -= 'a' - 'A';
	else if (caps && c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	if (ctrl && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
		return c & 0x1f;
	if (ctrl && c == '\\')
		return 0x1c;		/* ^\ : SIGQUIT */
	return c;
}

static void key(u8 sc)
{
	bool up = sc & RELEASE;
	char c[2] = { 0, 0 };

	if (sc == SC_EXTENDED) {
		extended = true;
		return;
	}
	sc &= ~RELEASE;
	if (extended) {
		extended = false;
		if (sc == SC_CTRL)
			ctrl = !up;
		else if (!up && arrow(sc))
			deliver(arrow(sc));
		return;
	}
	if (sc == SC_LSHIFT || sc == SC_RSHIFT)
		shift = !up;
	else if (sc == SC_CTRL)
		ctrl = !up;
	else if (sc == SC_CAPS && !up)
		caps = !caps;
	else if (!up && (c[0] = translate(sc)))
		deliver(c);
}

static void keyboard_irq(struct pt_regs *regs __unused)
{
	while (inb(KBD_STATUS) & KBD_OBF)
		key(inb(KBD_DATA));
}

/* keyboard_set_rx_handler — deliver each typed byte to fn, from IRQ1. */
void keyboard_set_rx_handler(void (*fn)(char c))
{
	rx_handler = fn;
	request_irq(IRQ_KBD, keyboard_irq);
	keyboard_irq(NULL);	/* keys pressed before now (see serial.c) */
}
