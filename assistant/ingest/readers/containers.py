"""Look inside the two container formats that Office files come in, without trusting them.

Word and Excel files since 2007 are zip archives; older ones (.doc, .xls) and password-protected new ones
are OLE2 "compound files". Both readers and format detection need to peek inside before handing a file to
python-docx or openpyxl: a zip bomb must be refused before anything inflates it, and an encrypted .docx
must be recognised as such rather than reported as a "corrupt zip". olefile is not a dependency, so the
OLE directory (the list of stream names, which is all we need) is read here with the standard library.
"""

from __future__ import annotations

import mmap
import struct
import zipfile
from pathlib import Path

from assistant.ingest.readers import ReaderError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # far above any real board pack; a bomb is usually gigabytes
MAX_ZIP_MEMBERS = 10_000

_FREE, _END_OF_CHAIN = 0xFFFFFFFF, 0xFFFFFFFE
_SPECIAL = {0xFFFFFFFC, 0xFFFFFFFD, _END_OF_CHAIN, _FREE}


def magic(path: Path, size: int = 8) -> bytes:
    """The first bytes of the file (what it really is, whatever its name says)."""
    with open(path, "rb") as handle:
        return handle.read(size)


def is_ole(path: Path) -> bool:
    return magic(path) == OLE_MAGIC


def zip_names(path: Path, max_bytes: int = MAX_UNZIPPED_BYTES) -> list[str]:
    """The member names of a zip, after checking it is safe to open.

    Raises ReaderError for a file that is not a zip, and for one whose members would inflate past
    `max_bytes` (the sizes are read from the zip's own directory, before anything is decompressed).
    """
    name = Path(path).name
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReaderError(f"{name} is damaged or not really an Office file (it is not a valid zip archive: {exc})") from exc
    total = sum(info.file_size for info in infos)
    if len(infos) > MAX_ZIP_MEMBERS or total > max_bytes:
        raise ReaderError(
            f"{name} would unpack to {total / 1024 / 1024:,.0f} MB in {len(infos)} parts, more than the "
            f"{max_bytes / 1024 / 1024:,.0f} MB allowed: it is not a normal Office file, so it was not opened"
        )
    return [info.filename for info in infos]


def ole_stream_names(path: Path) -> set[str]:
    """The names of every stream and storage in an OLE2 compound file ("WordDocument", "EncryptionInfo").

    Reads the header, the sector allocation table and the directory chain (MS-CFB); stream contents are
    never read. Raises ReaderError when the structure is damaged.
    """
    name = Path(path).name
    if Path(path).stat().st_size < 512 or magic(path) != OLE_MAGIC:
        raise ReaderError(f"{name} is not an OLE compound file")
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return _directory_names(data, name)


def _directory_names(data: mmap.mmap, name: str) -> set[str]:
    """Walk the FAT to the directory sectors and collect the entries' names (the file is mapped, not read)."""
    sector_size = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    if sector_size not in (512, 4096):
        raise ReaderError(f"{name} is damaged (impossible sector size {sector_size})")
    n_fat, first_dir = struct.unpack_from("<II", data, 0x2C)
    first_difat, n_difat = struct.unpack_from("<II", data, 0x44)

    def sector(index: int) -> bytes:
        start = (index + 1) * sector_size
        if index in _SPECIAL or start >= len(data):  # the last sector may be short, so it is padded
            raise ReaderError(f"{name} is damaged (a sector points outside the file)")
        return data[start : start + sector_size].ljust(sector_size, b"\0")

    per_sector = sector_size // 4
    fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s not in _SPECIAL]
    difat, hops = first_difat, 0
    while difat not in _SPECIAL and hops < n_difat + 1:
        entries = struct.unpack(f"<{per_sector}I", sector(difat))
        fat_sectors += [s for s in entries[:-1] if s not in _SPECIAL]
        difat, hops = entries[-1], hops + 1
    fat: list[int] = []
    for index in fat_sectors[: max(n_fat, 1)]:
        fat += struct.unpack(f"<{per_sector}I", sector(index))

    names: set[str] = set()
    current, seen = first_dir, set()
    while current not in _SPECIAL:
        if current in seen or current >= len(fat):
            raise ReaderError(f"{name} is damaged (its directory chain is broken)")
        seen.add(current)
        block = sector(current)
        for offset in range(0, sector_size, 128):
            length, kind = struct.unpack_from("<HB", block, offset + 0x40)
            if kind in (1, 2, 5) and 2 <= length <= 64:
                names.add(block[offset : offset + length - 2].decode("utf-16-le", "replace"))
        current = fat[current]
    return names
