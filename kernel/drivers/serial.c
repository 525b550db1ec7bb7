/* kernel/drivers/serial.c — COM1 console; Linux drivers/tty/serial/8250,
 * OSDev "Serial Ports". 115200 8N1, polled output, interrupt-driven input
 * on IRQ4 handed to whoever registered a receive handler (the tty layer
 * later; at first the kernel's ^P / 'q' console keys). */
#include "serial.h"
#include "pic.h"
#include "../cpu/x86.h"
#include "../cpu/trap.h"
#include "../lib/printk.h"

#define COM1		0x3F8
#define UART_RBR	0	/* receive buffer (read) */
#define UART_THR	0	/* transmit holding (write) */
#define UART_IER	1	/* interrupt enable */
#define UART_FCR	2	/* FIFO control (write) */
#define UART_IIR	2	/* interrupt identification (read) */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */
#define UART_LCR_DLAB	0x80
#define UART_LSR_DR	0x01	/* data ready */
#define UART_LSR_THRE	0x20	/* transmitter holding register empty */
#define UART_IER_RDI	0x01	/* interrupt on received data */
#define UART_MCR_OUT2	0x08	/* routes the UART interrupt to the PIC */

static bool present;
static void (*rx_handler)(char c);

static struct console serial_console = {
	.name = "ttyS0", .write = serial_write,
};

void serial_init(void)
{
	outb(COM1 + UART_IER, 0);
	outb(COM1 + UART_LCR, UART_LCR_DLAB);
	outb(COM1 + 0, 1);			/* divisor 1: 115200 baud */
	outb(COM1 + 1, 0);
	outb(COM1 + UART_LCR, 0x03);		/* 8 bits, no parity, 1 stop */
	outb(COM1 + UART_FCR, 0x07);		/* FIFO on, cleared, IRQ per byte:
						   console input is typed */
	outb(COM1 + UART_MCR, 0x0B | UART_MCR_OUT2);
	present = inb(COM1 + UART_LSR) != 0xFF;	/* 0xFF: no UART there */
	register_console(&serial_console);
}

static void serial_putc(char c)
{
	int spins = 100000;

	while (!(inb(COM1 + UART_LSR) & UART_LSR_THRE) && --spins)
		;
	outb(COM1 + UART_THR, c);
}

void serial_write(const char *s, size_t n)
{
	if (!present)
		return;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
	}
}

static void serial_irq(struct pt_regs *regs __unused)
{
	inb(COM1 + UART_IIR);		/* acknowledge the interrupt */
	while (inb(COM1 + UART_LSR) & UART_LSR_DR) {
		char c = inb(COM1 + UART_RBR);

		if (rx_handler)
			rx_handler(c);
	}
}

/* serial_set_rx_handler — deliver each received byte to fn, from IRQ4. */
void serial_set_rx_handler(void (*fn)(char c))
{
	rx_handler = fn;
	if (!present)
		return;
	request_irq(IRQ_COM1, serial_irq);
	outb(COM1 + UART_IER, UART_IER_RDI);
	/* The PIC sees edges: bytes that arrived before now keep the line
	 * high and would block every later interrupt, so take them now. */
	serial_irq(NULL);
}
