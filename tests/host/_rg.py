import sys
from qemu import run_guest
opts = ""
args = sys.argv[1:]
if args and args[0].startswith("opt:"):
    opts = args[0][4:]; args = args[1:]
st, lines = run_guest(args, options=opts, timeout=180)
print("\n".join(lines)); print("STATUS", st)
