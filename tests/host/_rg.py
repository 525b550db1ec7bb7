import sys, qemu
opts = ""
args = sys.argv[1:]
if args and args[0].startswith("opt:"):
    opts = args.pop(0)[4:]
with qemu.Boot(opts + " -- " + " ".join(args), mem="128M", timeout=120, disk=True) as b:
    try:
        b.wait_ok()
    except Exception as e:
        print("EXC", e)
    print(b.text[-6000:])
