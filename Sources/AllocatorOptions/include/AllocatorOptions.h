#ifndef LECTERN_ALLOCATOR_OPTIONS_H
#define LECTERN_ALLOCATOR_OPTIONS_H

// Nothing to call: large_pages.c sets mimalloc's options in a constructor, before main, in
// the executables that depend on this target. (SwiftPM needs a C target to have a header.)

#endif
