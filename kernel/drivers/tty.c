/* kernel/drivers/tty.c — the console terminal and its line discipline;
 * Linux drivers/tty/n_tty.c, much reduced; xv6 console.c.
 * Input comes from the serial line (IRQ 4). In canonical mode (ICANON,
 * the default) a line is edited before a reader sees it: erase (DEL or
 * ^H), kill (^U), end of file (^D), with echo (ECHO); ^P shows the tasks
 * and memory (xv6's procdump). Without ICANON each byte is available as
 * it arrives. Output goes to serial and VGA, "\n" as "\r\n" (ONLCR).
 * It is the controlling terminal of session 1 (init's): with ISIG, ^C,
 * ^\ and ^Z send SIGINT, SIGQUIT and SIGTSTP to the foreground process
 * group (TIOCSPGRP); a background group that reads gets SIGTTIN, one
 * that sets the foreground group or the modes (or writes, under TOSTOP)
 * SIGTTOU. */
#include "tty.h"
#include "../fs/poll.h"
#include "../lib/string.h"
#include "../lib/printk.h"
#include "../mm/page.h"
#include "../mm/uaccess.h"
#include "../task/signal.h"
#include "keyboard.h"
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
	pid_t session;		/* whose controlling terminal it is */
	pid_t pgrp;		/* the foreground process group */
	struct winsize ws;	/* what TIOCGWINSZ says (TIOCSWINSZ sets) */
} tty = { .session = 1, .pgrp = 1, .ws = { 24, 80, 0, 0 } };


static void echo(const char *s, u32 n)
{
	if (tty.termios.c_lflag & ECHO)
		console_write(s, n);
}

/* isig — a signal character: the foreground group gets the signal and
 * the line being edited is thrown away (n_tty isig). */
static bool isig(char c)
{
	const cc_t *cc = tty.termios.c_cc;
	int sig = c == cc[VINTR] ? SIGINT : c == cc[VQUIT] ? SIGQUIT :
		  c == CTRL('Z') ? SIGTSTP : 0;

	if (!sig || !(tty.termios.c_lflag & ISIG))
		return false;
	tty.edit = tty.commit;
	echo(c == CTRL('Z') ? "^Z\n" : c == cc[VQUIT] ? "^\\\n" : "^C\n", 3);
	kill_pgrp_kernel(tty.pgrp, sig);
	return true;
}

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
	keyboard_set_rx_handler(tty_receive_char);
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
	if (isig(c))
		return;
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
/* job_control_read — a background process group of our session that
 * reads gets SIGTTIN (or EIO when it ignores or blocks it). */
static int job_control_read(void)
{
	struct signal_struct *s = current->signal;
	u32 h = current->sighand->action[SIGTTIN - 1].handler;

	if (s->session != tty.session || s->pgrp == tty.pgrp)
		return 0;
	if (h == SIG_IGN || (current->blocked & sigmask(SIGTTIN)) ||
	    is_current_pgrp_orphaned())
		return -EIO;
	kill_pgrp_kernel(s->pgrp, SIGTTIN);
	return -ERESTARTSYS;
}

/* job_control_change — Linux tty_check_change: a background group of our
 * session that changes the terminal (tcsetpgrp; a write under TOSTOP)
 * gets SIGTTOU, unless it ignores or blocks it (then it may go on); an
 * orphaned group gets EIO, as it would never be continued. */
static int job_control_change(void)
{
	struct signal_struct *s = current->signal;
	u32 h = current->sighand->action[SIGTTOU - 1].handler;

	if (s->session != tty.session || s->pgrp == tty.pgrp)
		return 0;
	if (h == SIG_IGN || (current->blocked & sigmask(SIGTTOU)))
		return 0;
	if (is_current_pgrp_orphaned())
		return -EIO;
	kill_pgrp_kernel(s->pgrp, SIGTTOU);
	return -ERESTARTSYS;
}

static long tty_read(struct file *f, char *ubuf, u32 count,
		     loff_t *pos __unused)
{
	u32 done = 0;
	bool canon = tty.termios.c_lflag & ICANON;
	int err = job_control_read();

	if (err)
		return err;
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
	int err = tty.termios.c_lflag & TOSTOP ? job_control_change() : 0;

	if (err)
		return err;
	while (done < count) {
		u32 n = MIN(count - done, sizeof(tmp));

		if (copy_from_user(tmp, ubuf + done, n))
			return done ? (long)done : -EFAULT;
		console_write(tmp, n);
		done += n;
	}
	return done;
}

/* tty_old_encode_dev — a process's controlling terminal as acct
 * records it: (major << 8) | minor of /dev/console (5, 1) for session
 * 1's members, 0 for a process without one. */
u16 tty_old_encode_dev(struct signal_struct *sig)
{
	return sig->session == tty.session ? (5 << 8) | 1 : 0;
}

/* tty_foreground — the foreground group of sig's controlling terminal,
 * -1 without one (/proc/PID/stat's tpgid). */
int tty_foreground(struct signal_struct *sig)
{
	return sig->session == tty.session ? tty.pgrp : -1;
}

/* tty_set_pgrp — tcsetpgrp: a group of the caller's session becomes the
 * foreground one (ENOTTY: not our terminal; EINVAL: a bad number; ESRCH:
 * no such group; EPERM: a group of another session). */
static long tty_set_pgrp(u32 *upgrp)
{
	u32 pgrp;
	pid_t session;
	int err;

	if (current->signal->session != tty.session)
		return -ENOTTY;
	err = job_control_change();
	if (err)
		return err == -EIO ? -ENOTTY : err;	/* as Linux's tiocspgrp */
	if (get_user_u32(&pgrp, upgrp))
		return -EFAULT;
	if ((s32)pgrp < 0)
		return -EINVAL;
	session = pgrp_session(pgrp);
	if (!session)
		return -ESRCH;
	if (session != current->signal->session)
		return -EPERM;
	tty.pgrp = pgrp;
	return 0;
}

/* flush_input — what was typed and not yet read goes (TCFLSH, TCSETSF). */
static void flush_input(void)
{
	tty.read = tty.commit = tty.edit;
}

/* set_winsize — TIOCSWINSZ: a new size tells the foreground group
 * (SIGWINCH), as Linux's tty_do_resize does. */
static long set_winsize(const void *uarg)
{
	struct winsize ws;

	if (copy_from_user(&ws, uarg, sizeof(ws)))
		return -EFAULT;
	if (memcmp(&ws, &tty.ws, sizeof(ws))) {
		tty.ws = ws;
		kill_pgrp_kernel(tty.pgrp, SIGWINCH);
	}
	return 0;
}

/* tty_misc_ioctl — the questions about the queues and the session:
 * the bytes a read would get (TIOCINQ: whole lines in canonical mode),
 * the bytes not yet sent (none: output is written at once), flushing,
 * draining (TCSBRK: nothing to wait for), the session (TIOCGSID). */
static long tty_misc_ioctl(u32 cmd, u32 arg)
{
	switch (cmd) {
	case TIOCINQ:
		return put_user_u32(tty.commit - tty.read, (u32 *)arg) ? -EFAULT : 0;
	case TIOCOUTQ:
		return put_user_u32(0, (u32 *)arg) ? -EFAULT : 0;
	case TCFLSH:
		if (arg > TCIOFLUSH)
			return -EINVAL;
		if (arg != TCOFLUSH)
			flush_input();
		return 0;
	case TCSBRK:
	case TCSBRKP:
		return 0;
	case TIOCGSID:
		if (current->signal->session != tty.session)
			return -ENOTTY;
		return put_user_u32(tty.session, (u32 *)arg) ? -EFAULT : 0;
	}
	return -ENOTTY;
}

static long tty_ioctl(struct file *f __unused, u32 cmd, u32 arg)
{
	int err;

	switch (cmd) {
	case TCGETS:
		return copy_to_user((void *)arg, &tty.termios,
				    sizeof(tty.termios)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		if ((err = job_control_change()))
			return err;
		if (copy_from_user(&tty.termios, (void *)arg,
				   sizeof(tty.termios)))
			return -EFAULT;
		if (cmd == TCSETSF)
			flush_input();
		return 0;
	case TIOCGWINSZ:
		return copy_to_user((void *)arg, &tty.ws, sizeof(tty.ws)) ?
		       -EFAULT : 0;
	case TIOCSWINSZ:
		return set_winsize((void *)arg);
	case TIOCGPGRP:
		if (current->signal->session != tty.session)
			return -ENOTTY;
		return put_user_u32(tty.pgrp, (u32 *)arg) ? -EFAULT : 0;
	case TIOCSPGRP:
		return tty_set_pgrp((u32 *)arg);
	}
	return tty_misc_ioctl(cmd, arg);
}

/* tty_poll — readable when a read would return without sleeping: a
 * whole line in canonical mode, a byte otherwise (Linux n_tty_poll);
 * writes never wait, the console takes every byte at once. */
static u32 tty_poll(struct file *f, struct poll_table *pt)
{
	u32 mask = POLLOUT | POLLWRNORM;

	poll_wait(f, &tty.wait, pt);
	if (tty.commit != tty.read)
		mask |= POLLIN | POLLRDNORM;
	return mask;
}

const struct file_operations tty_fops = {
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
	.poll = tty_poll,
};
