"""What of Qt and the libraries goes into the built program."""

from __future__ import annotations

import bundle_filter as bf
import pytest


@pytest.mark.parametrize(
    ("dest", "wanted"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        # Windows wheels keep plugins and translations directly under PySide6/.
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
        ("PySide6/plugins/platforms/qdirect2d.dll", False),
    ],
)
def test_only_the_plugins_the_program_uses_are_kept(dest: str, wanted: bool) -> None:
    assert bf.entry_wanted(dest) is wanted


@pytest.mark.parametrize(
    ("dest", "wanted"),
    [
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
        ("PySide6/Qt/translations/qt_zh_CN.qm", True),
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/Qt/translations/qtbase_zh_TW.qm", False),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_help_zh_CN.qm", False),
        ("PySide6/Qt/translations/designer_zh_CN.qm", False),
        ("PySide6/translations/qtbase_ja.qm", False),
        # The program's own translations are not Qt's and are never filtered.
        ("resources/translations/zs_trade_en.qm", True),
    ],
)
def test_qt_translations_are_chinese_and_english_only(dest: str, wanted: bool) -> None:
    assert bf.entry_wanted(dest) is wanted


@pytest.mark.parametrize(
    ("dest", "wanted"),
    [
        ("libgtk-3.so.0", False),
        ("libgdk_pixbuf-2.0.so.0", False),
        ("libpangocairo-1.0.so.0", False),
        ("libcups.so.2", False),
        ("libgnutls.so.30", False),
        ("libQt6WaylandClient.so.6", False),
        ("PySide6\\opengl32sw.dll", False),
        ("PySide6/d3dcompiler_47.dll", False),
        ("PySide6/Qt6Widgets.dll", True),
        ("libglib-2.0.so.0", True),
        ("libpng16.so.16", True),
        ("stdnum/oui.dat", False),
        ("stdnum/iban.dat", False),
        ("stdnum/cn/loc.dat", True),
        ("resources/fonts/NotoSansSC_400Regular.ttf", True),
    ],
)
def test_libraries_and_data_left_out(dest: str, wanted: bool) -> None:
    assert bf.entry_wanted(dest) is wanted


def test_plugin_stem_is_the_name_qt_uses() -> None:
    assert bf.plugin_stem("libqxcb.so") == "qxcb"
    assert bf.plugin_stem("qwindows.dll") == "qwindows"
    assert bf.plugin_stem("libcupsprintersupport.so") == "cupsprintersupport"


def test_libraries_nothing_needs_any_more_are_dropped_with_what_only_they_needed() -> None:
    toc = [
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "/w/plugin.so", "BINARY"),
        ("PySide6/QtCore.abi3.so", "/w/QtCore.so", "EXTENSION"),
        ("libglib-2.0.so.0", "/s/libglib.so", "BINARY"),
        ("libpcre2-8.so.0", "/s/libpcre2.so", "BINARY"),
        ("libgmp.so.10", "/s/libgmp.so", "BINARY"),  # needed only by libgnutls, which was left out
        ("libnettle.so.8", "/s/libnettle.so", "BINARY"),  # needed by libgmp only: goes with it
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Svg.so.6", "PySide6/Qt/lib/libQt6Svg.so.6", "SYMLINK"),
        ("libpython3.11.so.1.0", "/p/libpython.so", "BINARY"),
    ]
    links = {
        "/w/plugin.so": ["libgnutls.so.30", "libQt6Core.so.6"],
        "/w/QtCore.so": ["libglib-2.0.so.0", "libQt6Core.so.6"],
        "/s/libglib.so": ["libpcre2-8.so.0"],
        "/s/libgmp.so": ["libnettle.so.8"],
    }
    kept = [dest for dest, _, _ in bf.without_orphans(toc, lambda source: links.get(source, []))]
    assert kept == [
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/QtCore.abi3.so",
        "libglib-2.0.so.0",
        "libpcre2-8.so.0",
        "libQt6Core.so.6",
        "libpython3.11.so.1.0",
    ]
