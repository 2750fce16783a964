"""pymorphy3's Russian dictionary read from a memory map of its files, not copied into every worker.

dawg_python, which pymorphy3 reads its dictionary with, copies each DAWG file (the words, the suffix
predictions, the tag probabilities: 14.5 MB) into an array private to the process, so every gunicorn
worker held its own 14.5 MB. Here each array is a view of a read-only map of the file instead: the
pages come from the operating system's file cache, shared by every worker, read only where a lookup
goes, and given back to the system under memory pressure. The lookups are the same (a view is indexed
like the array it replaces); ``tests/test_search_dictionary.py`` checks both.

``dawg_python`` is pinned (requirements.txt): :func:`map_files` replaces the ``read`` of its two
array holders, ``Dictionary`` (32-bit units) and ``Guide`` (bytes).
"""

import mmap
import struct

from dawg_python import wrapper

# dawg_python's own reads (copying), kept for comparison (tests).
COPYING_READS = {wrapper.Dictionary: wrapper.Dictionary.read, wrapper.Guide: wrapper.Guide.read}


def _mapped(fp, count: int, typecode: str, item_size: int) -> memoryview:
    """``count`` items of ``typecode`` at ``fp``'s position, as a view of a read-only map of the file."""
    start = fp.tell()
    end = start + count * item_size
    mapped = mmap.mmap(fp.fileno(), 0, access=mmap.ACCESS_READ)  # stays open while a view refers to it
    if len(mapped) < end:
        raise ValueError(f"{fp.name}: {count} units announced, the file is shorter")
    fp.seek(end)
    return memoryview(mapped)[start:end].cast(typecode)


def _read_dictionary(self, fp) -> None:
    (size,) = struct.unpack("=I", fp.read(4))
    self._units = _mapped(fp, size, "I", 4)


def _read_guide(self, fp) -> None:
    (size,) = struct.unpack("=I", fp.read(4))
    self._units = _mapped(fp, size * 2, "B", 1)


def map_files() -> None:
    """Make dawg_python map the DAWG files it loads from now on (idempotent)."""
    wrapper.Dictionary.read = _read_dictionary
    wrapper.Guide.read = _read_guide
