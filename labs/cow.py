"""Lab cow: copy-on-write fork (docs/labs/cow.md)."""
from grade import Output, Tap, Trace

STUBS = {
    "copy_pte": """\
	/* TODO(lab cow): share the frame instead of copying it. A private
	 * page (not VM_SHARED) becomes read-only and PTE_COW in both the
	 * parent's PTE and the child's; the frame gains a reference. */
	struct page *page = pte_page(*src), *copy;

	if (vm_flags & VM_SHARED) {
		get_page(page);
		set_pte(dst, *src);
		return 0;
	}
	if (!(copy = alloc_page()))
		return -ENOMEM;
	memcpy(page_address(copy), page_address(page), PAGE_SIZE);
	set_pte(dst, page_to_phys(copy) | (*src & PTE_FLAGS_MASK));
	return 0;""",
    "share_table": "",
    "wp_helpers": "",
    "do_wp_page": """\
	/* TODO(lab cow): a write to a PTE_COW page: the last user of the
	 * frame makes it writable again; otherwise the writer gets its own
	 * copy. Say which with trace(cow, "reuse ...") or trace(cow,
	 * "copy ..."). Any other read-only page is a real SIGSEGV. */
	(void)vma;
	(void)pte;
	(void)addr;
	return VM_FAULT_SIGSEGV;""",
}

GRADED = [
    Output("fork copies nothing: the child's first writes fault", 10,
           ["/bin/cow_demo", "8"], r"^child writes",
           r"^clonix: 'child writes: 0 minor faults"),
    Output("the last user's writes fault too, once a page", 5,
           ["/bin/cow_demo", "8"], r"^parent writes after",
           r"^clonix: 'parent writes after the child is gone: 0 minor"),
    Trace("do_wp_page: the last user keeps its frame (reuse)", 10,
          ["/bin/cow_demo", "8"], "trace=cow", r"^\[cow\] reuse ", 8,
          r"^0 trace lines match"),
    Tap("a fork bigger than a copying fork could make", 10,
        ["/tests/t_clone"], r"60% of free memory",
        r"not ok in clonix: fork of a process using 60%"),
    Tap("concurrent writers after fork: each sees only its own", 10,
        ["/tests/t_isolation"], r"sees only|see only", r"^0 trace lines match",
        options="trace=cow", trace=(r"^\[cow\] copy ", 64)),
]
