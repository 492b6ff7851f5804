#ifndef LECTERN_ALLOCATOR_OPTIONS_H
#define LECTERN_ALLOCATOR_OPTIONS_H

#include <stdbool.h>

/// Whether the process runs on mimalloc with lectern's options applied: large (2 MiB) pages
/// for the heap, committed as segments are made. False in builds without mimalloc (a plain
/// `swift build`) and when MIMALLOC_LARGE_OS_PAGES or MIMALLOC_EAGER_COMMIT_DELAY is set in
/// the environment, which then decides.
bool lectern_allocator_uses_large_pages(void);

#endif
