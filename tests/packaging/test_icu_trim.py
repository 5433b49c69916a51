"""The trimmed ICU data library: a valid package with the kept items, and the same answers from Qt."""

from __future__ import annotations

import ctypes
import os
import struct
import subprocess
import sys
from pathlib import Path

import icu_trim
import pytest

ICU_DATA = Path(sys.prefix).glob("lib/python3*/site-packages/PySide6/Qt/lib/libicudata.so.*")
LIBRARY = next(iter(sorted(ICU_DATA)), None)
needs_linux_icu = pytest.mark.skipif(LIBRARY is None, reason="PySide6 without a bundled ICU (not Linux)")


def package(items: dict[str, bytes]) -> bytes:
    """A small ICU common-data package laid out as ICU's own tools write it."""
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + struct.pack("<HHBBBB", 20, 0, 0, 0, 2, 0) + b"CmnD"
    header += b"\x01\x00\x00\x00" + b"\x00" * (32 - len(header) - 4)
    names = b"".join(f"icudt73l/{name}".encode() + b"\0" for name in items)
    table_size = 4 + 8 * len(items)
    data_start = (32 + table_size + len(names) + 15) // 16 * 16 - 32
    table = struct.pack("<I", len(items))
    body = b""
    name_at = table_size
    for name, item in items.items():
        table += struct.pack("<II", name_at, data_start + len(body))
        name_at += len(f"icudt73l/{name}") + 1
        body += item + b"\0" * (-len(item) % 16)
    head = header + table + names
    return head + b"\0" * (32 + data_start - len(head)) + body


def read_items(data: bytes) -> dict[str, bytes]:
    size = struct.unpack_from("<H", data, 0)[0]
    count = struct.unpack_from("<I", data, size)[0]
    entries = [struct.unpack_from("<II", data, size + 4 + 8 * i) for i in range(count)]
    out = {}
    for i, (name_at, data_at) in enumerate(entries):
        name = data[size + name_at : data.index(b"\0", size + name_at)].decode()
        end = entries[i + 1][1] if i + 1 < count else len(data) - size
        out[name.split("/", 1)[1]] = data[size + data_at : size + end].rstrip(b"\0")
    return out


def test_unused_categories_and_other_languages_are_dropped() -> None:
    assert icu_trim.keep_item("icudt73l/coll/zh.res")
    assert icu_trim.keep_item("icudt73l/coll/root.res")
    assert icu_trim.keep_item("icudt73l/zone/en_GB.res")
    assert icu_trim.keep_item("icudt73l/zoneinfo64.res")
    assert icu_trim.keep_item("icudt73l/supplementalData.res")
    assert icu_trim.keep_item("icudt73l/gb18030.cnv")
    assert icu_trim.keep_item("icudt73l/ibm-5348_P100-1997.cnv")  # windows-1252
    assert not icu_trim.keep_item("icudt73l/coll/ko.res")
    assert not icu_trim.keep_item("icudt73l/de.res")
    assert not icu_trim.keep_item("icudt73l/brkitr/cjdict.dict")
    assert not icu_trim.keep_item("icudt73l/curr/zh.res")
    assert not icu_trim.keep_item("icudt73l/ibm-37_P100-1995.cnv")  # EBCDIC


def test_the_rebuilt_package_holds_exactly_the_kept_items_aligned() -> None:
    items = {"coll/ko.res": b"K" * 40, "coll/zh.res": b"Z" * 17, "de.res": b"D" * 5, "zh.res": b"C" * 3}
    trimmed, kept, before = icu_trim.trim_package(package(items))
    assert (kept, before) == (2, 4)
    assert read_items(trimmed) == {"coll/zh.res": b"Z" * 17, "zh.res": b"C" * 3}
    size = struct.unpack_from("<H", trimmed, 0)[0]
    offsets = [struct.unpack_from("<II", trimmed, size + 4 + 8 * i)[1] for i in range(kept)]
    assert all((size + offset) % 16 == 0 for offset in offsets)


def test_something_else_than_a_package_is_refused() -> None:
    with pytest.raises(icu_trim.TrimError):
        icu_trim.trim_package(b"\x20\x00\xda\x27" + b"\0" * 8 + b"ToCP" + b"\0" * 64)
    with pytest.raises(icu_trim.TrimError):
        icu_trim.trim_library(b"MZ" + b"\0" * 100)


@needs_linux_icu
def test_the_trimmed_library_loads_and_exports_the_smaller_package(tmp_path: Path) -> None:
    assert LIBRARY is not None
    target = tmp_path / LIBRARY.name
    summary = icu_trim.trim_file(LIBRARY, target)
    assert "items kept" in summary
    assert target.stat().st_size < LIBRARY.stat().st_size / 3
    library = ctypes.CDLL(str(target))
    name = next(n for n in ("icudt73_dat", "icudt74_dat", "icudt75_dat") if hasattr(library, n))
    start = ctypes.addressof(ctypes.c_char.in_dll(library, name))
    header = ctypes.string_at(start, 64)
    assert header[12:16] == b"CmnD"
    count = struct.unpack_from("<I", ctypes.string_at(start + struct.unpack_from("<H", header)[0], 4))[0]
    assert 100 < count < 1000


QT_PROBE = """
from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone
collator = QCollator(QLocale("zh_CN"))
print(sorted(["中山", "古镇", "小榄", "东区", "Zebra", "apple"], key=collator.sortKey))
zone = QTimeZone(b"Asia/Shanghai")
for locale in ("zh_CN", "en_US"):
    print(zone.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale(locale)))
print([QStringDecoder(name).isValid() for name in ("GB18030", "GBK", "Big5", "windows-1252", "Shift_JIS")])
print(QLocale("tr_TR").toUpper("istanbul"))
"""


@needs_linux_icu
def test_qt_answers_the_same_with_the_trimmed_library(tmp_path: Path) -> None:
    assert LIBRARY is not None
    icu_trim.trim_file(LIBRARY, tmp_path / LIBRARY.name)

    def probe(library_path: str | None) -> str:
        env = {k: v for k, v in os.environ.items() if k != "LD_LIBRARY_PATH"}
        if library_path:
            env["LD_LIBRARY_PATH"] = library_path  # QtCore's RUNPATH yields to it
        result = subprocess.run(
            [sys.executable, "-c", QT_PROBE], env=env, capture_output=True, text=True, check=True, timeout=60
        )
        return result.stdout

    original = probe(None).splitlines()
    trimmed = probe(str(tmp_path)).splitlines()
    assert "中国标准时间" in original
    # Collation, time-zone names and case mapping: unchanged. Converters: the Chinese and Windows
    # ones stay; Shift_JIS is gone, which also shows that the trimmed library was the one loaded.
    assert original[3] == "[True, True, True, True, True]"
    assert trimmed[3] == "[True, True, True, True, False]"
    assert trimmed[:3] + trimmed[4:] == original[:3] + original[4:]
