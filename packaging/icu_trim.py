"""A smaller ICU data library for the Linux build: the 31 MiB `libicudata.so.73` cut to what Qt uses.

    .venv/bin/python packaging/icu_trim.py IN.so OUT.so     # prints what was kept

PySide6's Linux wheels link QtCore against ICU, whose data library holds every locale's names of
currencies, units, languages and regions, word-break dictionaries for Thai or Khmer, transliterators
and so on. QtCore calls only four ICU services (`nm -D --undefined-only libQt6Core.so.6`): case
mapping (code, no data), time-zone names (`zone/`, `zoneinfo64`, `metaZones`...), text converters
(`*.cnv`) and collation (`coll/`). This script keeps those, for the root locale, Chinese and English,
and the converters for Chinese and Windows encodings (see _KEEP_CONVERTER), and drops the rest;
ICU falls back to the root locale for anything else, as it is designed to.

Two steps, no ICU tools or compiler needed:
1. the data is ICU's "common data" package (`CmnD`): a header, a sorted table of contents of
   (name offset, data offset), the names, then the items, each 16-byte aligned. The package is rebuilt
   with the kept items only.
2. the ELF library is a header page, the data (symbol `icudt73_dat`) and a `.dynamic` page. The freed
   tail of the data is cut out in whole pages, so that every later file offset and address moves by
   the same page multiple and stays valid; program headers, section headers and symbol sizes are
   adjusted to match. Anything unexpected in the layout stops the script (the build then keeps the
   untouched library).
"""

from __future__ import annotations

import re
import struct
import sys
from collections.abc import Callable
from pathlib import Path

PAGE = 0x1000
KEEP_LANGUAGES = ("root", "zh", "en")
# Categories (sub-folders of the package) QtCore never asks for: number spelling, units, currency,
# language and region names, word-break rules and dictionaries, transliteration.
DROP_CATEGORIES = frozenset({"brkitr", "unit", "curr", "lang", "region", "translit", "rbnf"})
# Categories whose per-locale bundles are trimmed to KEEP_LANGUAGES (shared pool and index kept).
TRIM_CATEGORIES = frozenset({"", "coll", "zone"})
# Converters (`*.cnv`) kept: the Chinese encodings (GB18030, GBK/CP936, GB2312/EUC-CN, Big5/CP950)
# and the Windows code pages 1250-1258 (ibm-5346..5354 in ICU, plus the older ibm-125x) that
# spreadsheets use. Qt converts UTF-8/16/32 and Latin-1 itself, and ICU has the algorithmic ones
# (ASCII, UTF-7, ISO-2022...) in code. The other converters (EBCDIC, Japanese, Korean, Mac, DOS...)
# are most of the remaining weight and nothing here reads them.
_KEEP_CONVERTER = re.compile(
    r"^(gb18030|windows-936-\S+|ibm-1386_\S+|ibm-1383_\S+|ibm-5478_\S+|windows-950-\S+"
    r"|ibm-950_\S+|ibm-1373_\S+|ibm-125[0-8]_\S+|ibm-53(4[6-9]|5[0-4])_\S+)\.cnv$"
)
_LOCALE_BUNDLE = re.compile(r"^(?P<lang>[a-z]{2,3}|root)(_[A-Za-z0-9]+)*\.res$")


class TrimError(Exception):
    """The input is not laid out as expected; nothing was written."""


def keep_item(name: str) -> bool:
    """Whether a package item (`icudt73l/coll/zh.res`) stays."""
    parts = name.split("/")[1:]  # drop the package name
    category = parts[0] if len(parts) > 1 else ""
    base = parts[-1]
    if category in DROP_CATEGORIES:
        return False
    if base.endswith(".cnv"):
        return _KEEP_CONVERTER.match(base) is not None
    if category in TRIM_CATEGORIES:
        match = _LOCALE_BUNDLE.match(base)
        if match is not None:
            return match["lang"] in KEEP_LANGUAGES
    return True


def _align(value: int, to: int = 16) -> int:
    return (value + to - 1) // to * to


def trim_package(data: bytes, keep: Callable[[str], bool] = keep_item) -> tuple[bytes, int, int]:
    """Rebuild a CmnD package with the kept items; returns (package, items kept, items before)."""
    header_size = struct.unpack_from("<H", data, 0)[0]
    if data[2:4] != b"\xda\x27" or data[12:16] != b"CmnD" or data[8] != 0:  # magic, format, little-endian
        raise TrimError("not a little-endian ICU common data package (CmnD)")
    count = struct.unpack_from("<I", data, header_size)[0]
    toc = header_size
    entries = [struct.unpack_from("<II", data, toc + 4 + 8 * i) for i in range(count)]
    starts = [*sorted(offset for _, offset in entries), len(data) - toc]
    ends = {start: starts[i + 1] for i, start in enumerate(starts[:-1])}
    kept: list[tuple[bytes, bytes]] = []
    for name_offset, data_offset in entries:
        end = data.index(b"\0", toc + name_offset)
        if keep(data[toc + name_offset : end].decode("ascii")):
            kept.append((data[toc + name_offset : end + 1], data[toc + data_offset : toc + ends[data_offset]]))
    names_start = 4 + 8 * len(kept)
    names = b"".join(name for name, _ in kept)
    items_start = _align(header_size + names_start + len(names)) - header_size
    table = bytearray(struct.pack("<I", len(kept)))
    body = bytearray()
    name_at = names_start
    for name, item in kept:
        table += struct.pack("<II", name_at, items_start + len(body))
        name_at += len(name)
        body += item + b"\0" * (_align(len(item)) - len(item))
    package = bytearray(data[:header_size]) + table + names
    package += b"\0" * (header_size + items_start - len(package))
    return bytes(package + body), len(kept), count


def trim_library(library: bytes) -> tuple[bytes, str]:
    """The library with a trimmed package; the second value says what changed."""
    if library[:4] != b"\x7fELF" or library[4] != 2 or library[5] != 1:
        raise TrimError("not a 64-bit little-endian ELF file")
    (e_phoff, e_shoff) = struct.unpack_from("<QQ", library, 0x20)
    (e_phentsize, e_phnum, e_shentsize, e_shnum) = struct.unpack_from("<HHHH", library, 0x36)
    phdrs = [list(struct.unpack_from("<IIQQQQQQ", library, e_phoff + i * e_phentsize)) for i in range(e_phnum)]
    shdrs = [list(struct.unpack_from("<IIQQQQIIQQ", library, e_shoff + i * e_shentsize)) for i in range(e_shnum)]

    # The data symbol, from the dynamic symbol table.
    dynsym = next((s for s in shdrs if s[1] == 11), None)
    if dynsym is None:
        raise TrimError("no dynamic symbol table")
    strtab = shdrs[dynsym[6]]
    symbol = None
    for offset in range(dynsym[4], dynsym[4] + dynsym[5], 24):
        st_name, _, _, _, st_value, st_size = struct.unpack_from("<IBBHQQ", library, offset)
        start = strtab[4] + st_name
        name = library[start : library.index(b"\0", start)].decode("ascii", "replace")
        if re.fullmatch(r"icudt\d+_dat", name):
            symbol = (name, st_value, st_size)
    if symbol is None:
        raise TrimError("no icudt*_dat symbol")
    name, vaddr, size = symbol

    # The segment holding it, and the data's file offset.
    segment = next((p for p in phdrs if p[0] == 1 and p[3] <= vaddr and vaddr + size <= p[3] + p[5]), None)
    if segment is None:
        raise TrimError("data symbol outside the loadable segments")
    offset = vaddr - segment[3] + segment[2]
    old = library[offset : offset + size]
    package, kept, before = trim_package(old)
    delta = (size - len(package)) // PAGE * PAGE
    if delta <= 0:
        raise TrimError("nothing to gain")
    cut_offset = offset + size - delta
    end_offset, end_vaddr = offset + size, vaddr + size
    if segment[2] + segment[5] > end_offset + PAGE or segment[3] + segment[6] > end_vaddr + PAGE:
        raise TrimError("the data is not at the end of its segment")

    # The dynamic section must not point behind the data (it holds only header-page addresses here).
    dynamic = next((s for s in shdrs if s[1] == 6), None)
    if dynamic is not None:
        for entry in range(dynamic[4], dynamic[4] + dynamic[5], 16):
            tag, value = struct.unpack_from("<qQ", library, entry)
            if tag in (3, 4, 5, 6, 7, 12, 13, 17, 23, 25, 26, 0x6FFFFEF5) and value >= end_vaddr:
                raise TrimError(f"dynamic entry {tag} points behind the data")

    out = bytearray(library[:offset] + package + b"\0" * (size - delta - len(package)) + library[end_offset:])

    def moved_offset(value: int) -> int:
        return value - delta if value >= end_offset else value

    def moved_vaddr(value: int) -> int:
        return value - delta if value >= end_vaddr else value

    for p in phdrs:
        if p is segment:
            p[5] -= delta  # p_filesz
            p[6] -= delta  # p_memsz
        else:
            p[2] = moved_offset(p[2])
            p[3] = moved_vaddr(p[3])
            p[4] = moved_vaddr(p[4])
    for s in shdrs:
        if s[4] <= cut_offset < s[4] + s[5] and s[1] != 8:  # the section holding the data (not NOBITS)
            s[5] -= delta
        else:
            s[4] = moved_offset(s[4])
            if s[2] & 2:  # SHF_ALLOC
                s[3] = moved_vaddr(s[3])
    new_shoff = moved_offset(e_shoff)
    struct.pack_into("<Q", out, 0x28, new_shoff)
    for i, p in enumerate(phdrs):
        struct.pack_into("<IIQQQQQQ", out, e_phoff + i * e_phentsize, *p)
    for i, s in enumerate(shdrs):
        struct.pack_into("<IIQQQQIIQQ", out, new_shoff + i * e_shentsize, *s)
    # Symbol sizes (dynamic and static tables) and any symbol behind the data.
    for table in (s for s in shdrs if s[1] in (2, 11)):
        for entry in range(table[4], table[4] + table[5], 24):
            st_name, info, other, shndx, st_value, st_size = struct.unpack_from("<IBBHQQ", out, entry)
            if st_value == vaddr and st_size == size:
                st_size -= delta
            elif st_value >= end_vaddr:
                st_value -= delta
            struct.pack_into("<IBBHQQ", out, entry, st_name, info, other, shndx, st_value, st_size)
    summary = (
        f"{name}: {size / 2**20:.1f} MiB → {(size - delta) / 2**20:.1f} MiB "
        f"({kept} of {before} items kept: {', '.join(KEEP_LANGUAGES)})"
    )
    return bytes(out), summary


def trim_file(source: Path, target: Path) -> str:
    trimmed, summary = trim_library(source.read_bytes())
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(trimmed)
    target.chmod(source.stat().st_mode & 0o777)
    return summary


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.splitlines()[2] if __doc__ else "", file=sys.stderr)
        return 2
    try:
        print(trim_file(Path(sys.argv[1]), Path(sys.argv[2])))
    except TrimError as exc:
        print(f"{sys.argv[1]}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
