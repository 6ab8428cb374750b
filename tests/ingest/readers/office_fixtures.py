"""Office-shaped files the libraries cannot make: OLE2 compound files (how .doc, .xls and password-protected
.docx/.xlsx are stored) and a zip bomb named like a Word document."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FREE, _END, _FAT_SECTOR, _NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def ole_file(path: Path, streams: list[str]) -> Path:
    """A minimal valid compound file (MS-CFB v3) whose directory lists `streams` (empty, up to three)."""
    assert len(streams) <= 3
    header = bytearray(512)
    header[:8] = OLE_MAGIC
    struct.pack_into("<HHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9)  # version 3, little-endian, 512-byte sectors
    struct.pack_into("<H", header, 0x20, 6)  # 64-byte mini sectors
    struct.pack_into("<III", header, 0x2C, 1, 1, 0)  # one FAT sector; the directory starts in sector 1
    struct.pack_into("<IIII", header, 0x38, 4096, _END, 0, _END)  # no mini FAT
    struct.pack_into("<II", header, 0x44, _END, 0)  # no DIFAT sectors
    struct.pack_into("<109I", header, 0x4C, 0, *([_FREE] * 108))  # the FAT lives in sector 0
    fat = struct.pack("<128I", _FAT_SECTOR, _END, *([_FREE] * 126))
    entries = [_entry("Root Entry", 5, child=1 if streams else _NO_STREAM)]
    entries += [_entry(name, 2, right=i + 2 if i + 1 < len(streams) else _NO_STREAM) for i, name in enumerate(streams)]
    directory = b"".join(entries).ljust(512, b"\0")
    path.write_bytes(bytes(header) + fat + directory)
    return path


def _entry(name: str, kind: int, child: int = _NO_STREAM, right: int = _NO_STREAM) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    entry = bytearray(128)
    entry[: len(encoded)] = encoded
    struct.pack_into("<HBB", entry, 0x40, len(encoded), kind, 1)
    struct.pack_into("<III", entry, 0x44, _NO_STREAM, right, child)
    struct.pack_into("<IQ", entry, 0x74, _END, 0)
    return bytes(entry)


def zip_bomb(path: Path, megabytes: int = 210) -> Path:
    """A zip with a word/document.xml that inflates to `megabytes` of zeros (a few hundred KB on disk)."""
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(megabytes):
                member.write(chunk)
    return path
