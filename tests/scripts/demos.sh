# tests/scripts/demos.sh — the user/demo programs, run by
# tests/host/test_demos.py, which checks what each one claims.
clone_demo
clone_demo vdfs
cow_demo 8
threads_demo
vfork_demo
