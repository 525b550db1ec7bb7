; kernel/test/user_image.asm — tests/guest/t_basic, linked into the kernel
; so that test=user can exec it before there is a disk to load it from.
section .rodata
global t_basic_image, t_basic_image_end
align 4
t_basic_image:
	incbin	"build/tests/t_basic"
t_basic_image_end:
