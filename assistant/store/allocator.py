"""Give large freed blocks back to the system: the C heap's policy for the scratch arrays of reading an index.

glibc's malloc serves a request of 128 KiB or more with a memory map of its own, unmapped when freed. But the
first time such a block is freed, glibc raises that threshold to the block's size (up to 32 MiB), on the guess
that the program will ask for such blocks again. Reading an index frees several (the files' bytes, numpy's
sorts and concatenations), so the scratch arrays that follow (working out postings, each document's words) were
carved from the heap instead, and a process keeps its heap's pages after freeing them: about 3 KB a passage at
ten thousand passages (`make bench-scale`). Setting the threshold where it starts turns the raise off.

With another C library (macOS, musl) nothing is done: the setting is glibc's.
"""

from __future__ import annotations

import ctypes
import ctypes.util

M_MMAP_THRESHOLD = -3  # mallopt's parameter number (malloc.h)
THRESHOLD = 128 * 1024  # glibc's own starting value


def return_large_blocks() -> bool:
    """Fix glibc's map threshold at its starting value; False where the C library is not glibc."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
        libc.gnu_get_libc_version  # glibc alone has it: another library's mallopt numbers its parameters otherwise
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return mallopt(M_MMAP_THRESHOLD, THRESHOLD) == 1
