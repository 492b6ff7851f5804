// Options for mimalloc, the allocator release builds link (scripts/build-release), set before
// main: the heap in large (2 MiB) pages, which Linux gives as transparent huge pages where
// THP is "always" or "madvise" (Debian's default).
//
// A lectern command lives for a fraction of a second and touches tens of megabytes: on the
// 270-page benchmark course a site build took 13,900 page faults, and at exit the kernel
// spent 5–6 ms on one core unmapping its small pages. With large pages the build takes 1,150
// faults (most of them the executable's own pages) and exits in 2 ms (BENCHMARKS.md).
//
// mimalloc reads its options from the environment when it loads; an option named there is
// left as the user set it. Nothing calls into this file: the constructor is enough.
#include <stdlib.h>

#if __has_include(<mimalloc.h>)
#include <mimalloc.h>
// Weak: a build that does not link mimalloc leaves the symbol null, and nothing is set.
#pragma weak mi_option_set
#define LECTERN_HAS_MIMALLOC_HEADER 1
#endif

__attribute__((constructor))
static void lectern_set_allocator_options(void) {
#ifdef LECTERN_HAS_MIMALLOC_HEADER
    if (mi_option_set == NULL) return;
    if (getenv("MIMALLOC_LARGE_OS_PAGES") != NULL || getenv("MIMALLOC_EAGER_COMMIT_DELAY") != NULL) return;
    // Large pages need a segment committed whole when it is made: mimalloc otherwise commits
    // its first segments piece by piece, which splits them below the 2 MiB a large page needs.
    mi_option_set(mi_option_eager_commit_delay, 0);
    mi_option_set(mi_option_large_os_pages, 1);
#endif
}
