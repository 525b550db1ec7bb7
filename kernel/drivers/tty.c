/* kernel/drivers/tty.c — the console terminal and its line discipline;
 * Linux drivers/tty/n_tty.c, much reduced; xv6 console.c.
 * Input comes from the serial line (IRQ 4). In canonical mode (ICANON,
 * the default) a line is edited before a reader sees it: erase (DEL or
 * ^H), kill (^U), end of file (^D), with echo (ECHO); ^P shows the tasks
 * and memory (xv6's procdump). Without ICANON each byte is available as
 * it arrives. Output goes to serial and VGA, "\n" as "\r\n" (ONLCR).
 * ^C/^Z/^\ deliver signals once the signals issue lands. */
#include "tty.h"
#include "../lib/printk.h"
#include "../mm/page.h"
#include "../mm/uaccess.h"
#include "../task/signal.h"
#include "serial.h"
#include <asm/errno.h>
#include <asm/termios.h>

#define TTY_BUF		1024
#define CTRL(c)		((c) & 0x1F)

static struct {
	char buf[TTY_BUF];
	u32 read, commit, edit;	/* read <= commit <= edit, counts ever */
	struct termios termios;
	struct wait_queue_head wait;
} tty;

static const struct termios default_termios = {
	.c_iflag = ICRNL,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK,
	.c_cc = { [VINTR] = CTRL('C'), [VQUIT] = CTRL('\\'), [VERASE] = 0x7F,
		  [VKILL] = CTRL('U'), [VEOF] = CTRL('D'), [VMIN] = 1 },
};

void tty_init(void)
{
	tty.termios = default_termios;
	init_waitqueue_head(&tty.wait);
	serial_set_rx_handler(tty_receive_char);
}

static void echo(const char *s, u32 n)
{
	if (tty.termios.c_lflag & ECHO)
		console_write(s, n);
}

/* erase — take back the last edited character (canonical mode). */
static void erase(void)
{
	if (tty.edit > tty.commit) {
		tty.edit--;
		echo("\b \b", 3);
	}
}

/* tty_receive_char — one byte from the keyboard side (IRQ context). */
void tty_receive_char(char c)
{
	bool canon = tty.termios.c_lflag & ICANON;

	if (c == CTRL('P')) {
		procdump();
		show_mem();
		return;
	}
	if (c == '\r' && (tty.termios.c_iflag & ICRNL))
		c = '\n';
	if (canon && (c == 0x7F || c == '\b')) {
		erase();
		return;
	}
	if (canon && c == CTRL('U')) {
		while (tty.edit > tty.commit)
			erase();
		return;
	}
	if (tty.edit - tty.read >= TTY_BUF - 1)
		return;			/* full: drop, as a real line does */
	tty.buf[tty.edit++ % TTY_BUF] = c;
	if (c != CTRL('D'))
		echo(&c, 1);
	if (!canon || c == '\n' || c == CTRL('D')) {
		tty.commit = tty.edit;
		wake_up(&tty.wait);
	}
}

/* tty_read — a line in canonical mode (^D alone: end of file), else
 * whatever bytes are there; sleeps until something is. */
static long tty_read(struct file *f, char *ubuf, u32 count,
		     loff_t *pos __unused)
{
	u32 done = 0;
	bool canon = tty.termios.c_lflag & ICANON;
	int err;

	if (tty.commit == tty.read && (f->f_flags & O_NONBLOCK))
		return -EAGAIN;
	wait_event_interruptible(tty.wait, tty.commit != tty.read, err);
	if (err)
		return err;
	while (done < count && tty.read != tty.commit) {
		char c = tty.buf[tty.read % TTY_BUF];

		if (canon && c == CTRL('D')) {
			if (!done)
				tty.read++;	/* EOF: consumed, reads 0 */
			break;
		}
		tty.read++;
		if (copy_to_user(ubuf + done, &c, 1))
			return done ? (long)done : -EFAULT;
		done++;
		if (canon && c == '\n')
			break;
	}
	return done;
}

static long tty_write(struct file *f __unused, const char *ubuf, u32 count,
		      loff_t *pos __unused)
{
	char tmp[256];
	u32 done = 0;

	while (done < count) {
		u32 n = MIN(count - done, sizeof(tmp));

		if (copy_from_user(tmp, ubuf + done, n))
			return done ? (long)done : -EFAULT;
		console_write(tmp, n);
		done += n;
	}
	return done;
}

static long tty_ioctl(struct file *f __unused, u32 cmd, u32 arg)
{
	static const struct winsize ws = { 24, 80, 0, 0 };

	switch (cmd) {
	case TCGETS:
		return copy_to_user((void *)arg, &tty.termios,
				    sizeof(tty.termios)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return copy_from_user(&tty.termios, (void *)arg,
				      sizeof(tty.termios)) ? -EFAULT : 0;
	case TIOCGWINSZ:
		return copy_to_user((void *)arg, &ws, sizeof(ws)) ? -EFAULT : 0;
	}
	return -ENOTTY;
}

const struct file_operations tty_fops = {
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
};
