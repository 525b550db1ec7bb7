# Makefile — clonix: build, run, debug and test (STYLE 22).
# Variables first; object lists come from per-folder wildcards.

CROSS	?= i686-linux-gnu-
CC	= $(CROSS)gcc
LD	= $(CROSS)ld
NM	= $(CROSS)nm
OBJDUMP	= $(CROSS)objdump
NASM	= nasm
PYTHON	= /usr/bin/python3
QEMU	= qemu-system-i386
MEM	?= 128M
# make run SMP=2: two CPUs (multi-threaded TCG: one host thread each);
# make test SMP=2: the whole suite on two (tests/host/qemu.py reads SMP)
SMP	?= 1
QEMU_SMP = $(if $(filter-out 1,$(SMP)),-smp $(SMP) -accel tcg$(COMMA)thread=multi)
COMMA	:= ,
CMDLINE	?=
B	= build
V	?= 0
Q	= $(if $(filter 1,$(V)),,@)	# make V=1 shows every command

# Evaluated when used (=, not :=), so that a fresh machine can install the
# cross compiler (tools/deps.sh) before it is first asked anything.
GCC_INC	= $(shell $(CC) -print-file-name=include)
# make DEBUG=1: -Og and no inlining, so that gdb sees every function and
# its arguments (make gdb builds this way); a change rebuilds the kernel.
KOPT	= $(if $(filter 1,$(DEBUG)),-Og -fno-inline,-O2)
KCFLAGS	= -m32 -std=gnu11 $(KOPT) -g -D__KERNEL__ -ffreestanding -fno-pic -fno-pie \
	  -fno-stack-protector -nostdlib -nostdinc -isystem $(GCC_INC) \
	  -Ilibc/include -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer \
	  -fno-optimize-sibling-calls \
	  -mno-sse -mno-mmx -mno-80387 -Wall -Wextra -Werror -MMD -MP
NASMFLAGS = -f elf32 -g -F dwarf
LDFLAGS	= -m elf_i386 -nostdlib -z noexecstack -T linker.ld
LIBGCC	= $(shell $(CC) -m32 -print-libgcc-file-name)

# User side: libc.a, crt0 and the test programs (docs/design.md §2: the same
# compiler, Linux headers of our own, static, no PIC).
UCFLAGS	= -m32 -std=gnu11 -O2 -g -fno-pic -fno-pie -fno-stack-protector \
	  -nostdinc -isystem libc/include -isystem $(GCC_INC) \
	  -Wall -Wextra -Werror -MD -MP
# (-MD, not -MMD: libc's headers are -isystem, and a changed errno.h must
# rebuild every program that includes it)
LIBC_CFLAGS = $(UCFLAGS) -ffreestanding -fno-tree-loop-distribute-patterns
ULDFLAGS = -m32 -static -nostdlib -no-pie -Wl,--build-id=none
LIBC_OBJ := $(patsubst %.c,$(B)/u/%.o,$(wildcard libc/src/*/*.c)) \
	    $(patsubst %.asm,$(B)/u/%.o,$(filter-out %/crt0.asm,\
		$(wildcard libc/src/arch/i386/*.asm)))
CRT0	:= $(B)/u/libc/src/arch/i386/crt0.o
LIBC	:= $(B)/libc.a
GUEST_TESTS := $(patsubst tests/guest/%.c,$(B)/tests/%,$(wildcard tests/guest/*.c))
# The same programs built a second time against Debian's static glibc (the
# cross toolchain's libc6-dev-i386-cross): Linux's own C library as a judge.
GLIBC_TESTS := $(patsubst tests/guest/%.c,$(B)/tests/glibc/%,$(wildcard tests/guest/*.c))
GLIBC_CFLAGS = -m32 -std=gnu11 -O2 -g -static -D_GNU_SOURCE -Wall -Wextra -Werror \
	       -Wno-unused-result -Wno-stringop-overread -Wno-stringop-overflow \
	       -MMD -MP	# the tests pass bad buffers on purpose
# And a third time dynamically linked against the same glibc: the kernel
# loads the program and its interpreter (PT_INTERP), which maps libc.so.6.
# The interpreter's path is the cross toolchain's own, which the image has
# too, so that the same binary runs on the host and in clonix.
DYN_TESTS := $(patsubst tests/guest/%.c,$(B)/tests/dyn/%,$(wildcard tests/guest/*.c))
GLIBC_LIB := /usr/i686-linux-gnu/lib
DYN_TRUE := $(B)/bench/true-dyn
DEBIAN	:= $(B)/debian/.fetched
DYN_LDFLAGS = -Wl,--dynamic-linker=$(GLIBC_LIB)/ld-linux.so.2 -Wl,-rpath,$(GLIBC_LIB) \
	      -Wl,--disable-new-dtags	# DT_RPATH: dlopen of libgcc_s (cancellation) finds it too
# a program of several files is a folder of them: user/bin/sh/*.c is /bin/sh
USER_DIRS := $(patsubst %/,%,$(wildcard user/bin/*/ user/test/*/))
USER_PROGS := $(patsubst user/bin/%.c,$(B)/user/bin/%,$(wildcard user/bin/*.c)) \
	      $(patsubst user/demo/%.c,$(B)/user/demo/%,$(wildcard user/demo/*.c)) \
	      $(patsubst user/bench/%.c,$(B)/user/bench/%,$(wildcard user/bench/*.c)) \
	      $(patsubst user/test/%.c,$(B)/user/test/%,$(wildcard user/test/*.c)) \
	      $(USER_DIRS:%=$(B)/%)
# Debian's busybox-static (i386), run unmodified inside clonix (/opt/busybox)
BUSYBOX	:= $(B)/busybox
DISK	:= $(B)/disk.img
DISK4K	:= $(B)/disk4k.img	# the same tree on 4 KiB blocks, for the tests
QEMU_DISK = -drive file=$(DISK),format=raw,if=ide,index=0

KSRC	:= $(wildcard kernel/*.c kernel/*/*.c kernel/*/*/*.c)
KASM	:= boot/entry.asm $(wildcard kernel/*/*.asm)
KOBJ	:= $(KSRC:%.c=$(B)/%.o) $(KASM:%.asm=$(B)/%.o) $(B)/syscall_table.o
SYSTBL	:= kernel/syscall/syscall_32.tbl
UNISTD	:= libc/include/asm/unistd_32.h
SYSNAMES := libc/include/bits/syscall.h
KERNEL	:= $(B)/kernel.elf
ISO	:= $(B)/clonix.iso

QEMU_ISO_RUN = $(QEMU) -m $(MEM) $(QEMU_SMP) -cdrom $(ISO) $(QEMU_DISK) -boot d -no-reboot
GDBPORT	= $(shell expr `id -u` % 5000 + 25000)
PYTEST	= $(PYTHON) -m pytest

# The packages of docs/design.md §2: installed on first use, checked cheaply.
DEPS_CMDS = $(CC) $(NASM) $(QEMU) grub-mkrescue xorriso mformat mke2fs \
	    dump-acct
DEPS_OK	= $(shell for c in $(DEPS_CMDS); do command -v $$c >/dev/null || \
	  echo no; done; $(PYTHON) -c 'import pytest' 2>/dev/null || echo no)

.PHONY: all deps run run-debian run-vga run-curses run-kernel gdb test test-smp fuzz flake picture bench \
	bench-linux lab-start grade grade-dir FORCE \
	clean
.DELETE_ON_ERROR:
.SECONDARY:	# keep objects: they are intermediate files to make
# FORCE is phony on purpose: with the bare .SECONDARY above, GNU Make 4.3
# takes a FORCE that is not phony as up to date, and build/cmdline and
# build/kcflags (which depend on it) would never be remade.

all: deps $(UNISTD) $(GUEST_TESTS) $(GLIBC_TESTS) $(DYN_TESTS) $(USER_PROGS) $(DISK) $(DISK4K) $(KERNEL) $(ISO) \
	$(B)/kernel.sym $(B)/kernel.asm

deps:
	@$(if $(strip $(DEPS_OK)),bash tools/deps.sh,true)

# With packages missing, make -j would compile before deps installed the
# compiler: then everything runs in order, deps first.
ifneq ($(strip $(DEPS_OK)),)
.NOTPARALLEL:
endif

# Objects depend on the flags too: a changed KCFLAGS rebuilds everything.
$(B)/kcflags: FORCE
	@mkdir -p $(B)
	@echo '$(KCFLAGS)' | cmp -s - $@ || echo '$(KCFLAGS)' > $@

$(B)/%.o: %.c $(B)/kcflags
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

$(B)/%.o: %.asm
	@mkdir -p $(dir $@)
	@echo "  NASM    $<"
	$(Q)$(NASM) $(NASMFLAGS) $< -o $@

$(B)/u/libc/%.o: libc/%.c $(B)/kcflags $(UNISTD)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(LIBC_CFLAGS) -c $< -o $@

$(B)/u/%.o: %.c $(B)/kcflags $(UNISTD)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(UCFLAGS) -c $< -o $@

$(B)/u/%.o: %.asm $(B)/unistd_32.inc
	@mkdir -p $(dir $@)
	$(Q)$(NASM) $(NASMFLAGS) -I$(B)/ $< -o $@

# libc's assembly takes the call numbers from the same table
$(B)/unistd_32.inc: $(SYSTBL) tools/syscalltbl.py
	@mkdir -p $(B)
	$(Q)$(PYTHON) tools/syscalltbl.py nasm $< > $@

$(LIBC): $(LIBC_OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && $(CROSS)ar rcs $@ $^

$(B)/tests/%: $(B)/u/tests/guest/%.o $(CRT0) $(LIBC)
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	$(Q)$(CC) $(ULDFLAGS) -o $@ $(CRT0) $< $(LIBC) $(LIBGCC)

$(B)/tests/glibc/%: tests/guest/%.c
	@mkdir -p $(dir $@)
	@echo "  CC+LD   $@ (glibc)"
	$(Q)$(CC) $(GLIBC_CFLAGS) -MF $@.d -o $@ $<

$(B)/tests/dyn/%: tests/guest/%.c
	@mkdir -p $(dir $@)
	@echo "  CC+LD   $@ (glibc, dynamic)"
	$(Q)$(CC) $(filter-out -static,$(GLIBC_CFLAGS)) $(DYN_LDFLAGS) -MF $@.d -o $@ $<

# /bin/true-dyn: true, linked dynamically against glibc, for forkbench -d
$(DYN_TRUE): user/bin/true.c
	@mkdir -p $(dir $@)
	@echo "  CC+LD   $@ (glibc, dynamic)"
	$(Q)$(CC) $(filter-out -static -MMD -MP,$(GLIBC_CFLAGS)) $(DYN_LDFLAGS) -o $@ $<

$(B)/user/%: $(B)/u/user/%.o $(CRT0) $(LIBC)
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	$(Q)$(CC) $(ULDFLAGS) -o $@ $(CRT0) $< $(LIBC) $(LIBGCC)

define user_dir_prog
$(B)/$(1): $(patsubst %.c,$(B)/u/%.o,$(wildcard $(1)/*.c)) $(CRT0) $(LIBC)
	@mkdir -p $$(dir $$@)
	@echo "  LD      $$@"
	$(Q)$$(CC) $$(ULDFLAGS) -o $$@ $$(CRT0) $$(filter-out $$(CRT0) $$(LIBC),$$^) $$(LIBC) $$(LIBGCC)
endef
$(foreach d,$(USER_DIRS),$(eval $(call user_dir_prog,$(d))))

# Debian's own bash and coreutils (and their libraries) for /debian
$(DEBIAN): tools/fetch-debian.sh tests/scripts/debian-bash.sh
	$(Q)bash tools/fetch-debian.sh $(B)/debian
	$(Q)cp tests/scripts/debian-bash.sh $(B)/debian/tests/
	$(Q)touch $@

$(BUSYBOX): tools/fetch-busybox.sh tools/fetch-deb.sh
	@mkdir -p $(B)
	$(Q)bash tools/fetch-busybox.sh $@

$(DISK): $(USER_PROGS) $(GUEST_TESTS) $(GLIBC_TESTS) $(DYN_TESTS) $(DYN_TRUE) $(BUSYBOX) \
	  $(DEBIAN) tools/mkimage.sh \
	  $(wildcard $(B)/extra/*) $(wildcard user/etc/*) \
	  $(wildcard tests/scripts/*.sh)
	$(Q)bash tools/mkimage.sh $(B) $@

$(DISK4K): $(DISK)
	$(Q)bash tools/mkimage.sh $(B) $@ 96 4096

# test=user runs tests/guest/t_basic from an image linked into the kernel.
$(B)/kernel/test/user_image.o: $(B)/tests/t_basic

# Kernel symbols for backtraces: link once without them, list the text
# symbols, link again with them. ksyms live in .rodata, after all of
# .text, so no function moves between the two links (checked below).
$(B)/kernel.pass1.elf: $(KOBJ) $(B)/ksyms0.o linker.ld
	@echo "  LD      $@"
	$(Q)$(LD) $(LDFLAGS) -o $@ $(KOBJ) $(B)/ksyms0.o $(LIBGCC)

$(B)/ksyms0.c: tools/ksyms.py
	@mkdir -p $(B)
	$(Q)$(PYTHON) tools/ksyms.py < /dev/null > $@

$(B)/ksyms.c: $(B)/kernel.pass1.elf tools/ksyms.py
	$(Q)$(NM) -n $< | $(PYTHON) tools/ksyms.py > $@

# One syscall table, generated twice: the kernel's array and libc's numbers.
$(B)/syscall_table.c: $(SYSTBL) tools/syscalltbl.py kernel/syscall/syscalls.h
	@mkdir -p $(B)
	$(Q)$(PYTHON) tools/syscalltbl.py kernel $< > $@.tmp && mv $@.tmp $@

# the fuzzer draws from the implemented calls
$(B)/fuzz_calls.h: $(SYSTBL) tools/syscalltbl.py
	$(Q)$(PYTHON) tools/syscalltbl.py fuzz $< > $@

$(B)/u/user/test/fuzz/gen.o: UCFLAGS += -I$(B)
$(B)/u/user/test/fuzz/gen.o: $(B)/fuzz_calls.h

$(UNISTD): $(SYSTBL) tools/syscalltbl.py $(SYSNAMES)
	$(Q)$(PYTHON) tools/syscalltbl.py unistd $< > $@

$(SYSNAMES): $(SYSTBL) tools/syscalltbl.py
	@mkdir -p $(dir $@)
	$(Q)$(PYTHON) tools/syscalltbl.py sysnames $< > $@

$(B)/ksyms0.o $(B)/ksyms.o $(B)/syscall_table.o: $(B)/%.o: $(B)/%.c
	$(Q)$(CC) $(KCFLAGS) -I. -c $< -o $@

$(KERNEL): $(KOBJ) $(B)/ksyms.o linker.ld
	@echo "  LD      $@"
	$(Q)$(LD) $(LDFLAGS) -o $@ $(KOBJ) $(B)/ksyms.o $(LIBGCC)
	@$(NM) -n $(B)/kernel.pass1.elf | grep ' [Tt] ' > $(B)/text1.sym
	@$(NM) -n $@ | grep ' [Tt] ' | cmp -s - $(B)/text1.sym || \
		{ echo "ksyms: text moved between links" >&2; rm -f $@; exit 1; }
	@grub-file --is-x86-multiboot $@ || \
		{ echo "$@ is not multiboot" >&2; rm -f $@; exit 1; }
	@echo "kernel: $@, $$(stat -c %s $@) bytes (file), \
	$$($(CROSS)size -B $@ | awk 'NR==2 {print $$4}') bytes loaded"

$(B)/kernel.sym: $(KERNEL)
	$(NM) -n $< > $@

$(B)/kernel.asm: $(KERNEL)
	$(OBJDUMP) -d -M intel -l $< > $@

# The ISO carries CMDLINE into grub.cfg; build/cmdline changes only when
# CMDLINE does, so the ISO is rebuilt exactly then.
$(B)/cmdline: FORCE
	@mkdir -p $(B)
	@echo '$(CMDLINE)' | cmp -s - $@ || echo '$(CMDLINE)' > $@

$(ISO): $(KERNEL) boot/grub.cfg $(B)/cmdline
	@mkdir -p $(B)/iso/boot/grub
	cp $(KERNEL) $(B)/iso/boot/clonix.elf
	sed 's|@CMDLINE@|$(CMDLINE)|' boot/grub.cfg > $(B)/iso/boot/grub/grub.cfg
	grub-mkrescue -o $@ $(B)/iso 2>$(B)/grub-mkrescue.log || \
		{ cat $(B)/grub-mkrescue.log; exit 1; }

run: all
	$(QEMU_ISO_RUN) -nographic

# A QEMU window with the VGA console (serial on the terminal); without a
# display, say so: run-curses shows the same VGA text screen in the
# terminal, which also works over SSH (serial output: build/serial.log).
# Debian's bash at the console: /etc/debian.sh mounts procfs in /debian
# and runs chroot /debian bash; 'exit' powers off.
run-debian:
	$(MAKE) run CMDLINE='-- /bin/sh /etc/debian.sh'

run-vga: all
	@bash tools/deps.sh gui
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		echo "run-vga: no display (DISPLAY is not set); try make run-curses"; \
		exit 1; fi
	$(QEMU_ISO_RUN) -serial mon:stdio

run-curses: all
	$(QEMU_ISO_RUN) -display curses -serial file:$(B)/serial.log

run-kernel: deps $(KERNEL) $(DISK)
	$(QEMU) -m $(MEM) $(QEMU_SMP) -kernel $(KERNEL) -append '$(CMDLINE)' $(QEMU_DISK) \
		-no-reboot -nographic

gdb:
	$(MAKE) DEBUG=1 all
	sed 's/@PORT@/$(GDBPORT)/' tools/gdbinit.tmpl > .gdbinit
	@echo "*** QEMU waits for gdb on port $(GDBPORT):" \
	      "now run 'gdb -x .gdbinit' in another terminal"
	$(QEMU_ISO_RUN) -nographic -S -gdb tcp::$(GDBPORT)

test: all
	CLONIX_KERNEL=$(KERNEL) CLONIX_ISO=$(ISO) CLONIX_DISK=$(DISK) \
		CLONIX_DISK4K=$(DISK4K) SMP=$(SMP) \
		$(PYTEST) tests/host

# The tests that exercise several CPUs, at SMP=2 (CI runs them after the
# whole suite at SMP=1): threads, signals, futexes, wait, COW, the demo,
# the stress test and the fuzzer (tests marked "smp" in tests/host).
test-smp: all
	CLONIX_KERNEL=$(KERNEL) CLONIX_ISO=$(ISO) CLONIX_DISK=$(DISK) \
		CLONIX_DISK4K=$(DISK4K) SMP=2 \
		$(PYTEST) tests/host -m smp

# A long fuzz run (a million calls); FUZZ_ARGS="--seed N --calls M --runs R"
fuzz: all
	CLONIX_KERNEL=$(KERNEL) CLONIX_DISK=$(DISK) \
		$(PYTHON) tests/host/fuzz.py $(FUZZ_ARGS)

# Every guest test on the host, many runs at once: races that one CPU
# hides (FLAKE_ARGS="--runs N --jobs J t_pthread")
flake: all
	$(PYTHON) tools/flake.py $(FLAKE_ARGS)

# who shares what, drawn: build/picture.png from a snapshot of share_demo
picture: all
	@bash tools/deps.sh picture
	$(PYTHON) tools/picture.py

bench: all
	CLONIX_KERNEL=$(KERNEL) CLONIX_ISO=$(ISO) $(PYTHON) tools/bench_boot.py

# forkbench on Debian's i386 Linux 6.1 and on clonix, in the same QEMU
# (the kernel package is fetched once into ~/.cache/clonix/linux).
bench-linux: all
	$(PYTHON) tools/bench_linux.py

# Course assignments (docs/labs/README.md). make lab-start LAB=cow
# DIR=../cow-lab writes a student tree; make grade [LAB=cow] grades the
# kernel built here (a student tree knows its lab); make grade-dir LAB=cow
# SUBS="a b c" grades hand-ins with this tree's grader, a line each.
lab-start:
	@if [ -z "$(LAB)" ] || [ -z "$(DIR)" ]; then \
		echo "usage: make lab-start LAB=name DIR=path; labs:" \
		     $$($(PYTHON) tools/lab.py list); exit 2; fi
	$(PYTHON) tools/lab.py start $(LAB) $(DIR)

grade: all
	$(PYTHON) tools/grade.py $(if $(LAB),--lab $(LAB))

grade-dir: deps
	@if [ -z "$(LAB)" ] || [ -z "$(SUBS)" ]; then \
		echo "usage: make grade-dir LAB=name SUBS=\"dir...\""; exit 2; fi
	$(PYTHON) tools/lab.py grade-dir $(LAB) $(SUBS)

clean:
	rm -rf $(B) .gdbinit

FORCE:

-include $(KOBJ:.o=.d) $(B)/ksyms.d $(B)/ksyms0.d $(LIBC_OBJ:.o=.d) \
	$(patsubst %,$(B)/u/tests/guest/%.d,$(notdir $(GUEST_TESTS))) \
	$(patsubst $(B)/%,$(B)/u/%.d,$(USER_PROGS)) $(GLIBC_TESTS:=.d)
