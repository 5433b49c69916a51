"""What of Qt goes into the frozen program: the plugins and translations it uses, nothing else.

Used by `zs-trade.spec`. PyInstaller's Qt hooks collect every plugin of each type a Qt module can load
(all image formats, both platform themes, evdev input, TLS backends, the Wayland stack ...) and every
translation; the plugins then drag in their own system libraries (the GTK platform theme alone brings
GTK, GDK, Pango, Cairo and friends). Choosing plugins *before* PyInstaller analyses their dependencies
keeps that stack out entirely; the translation and library filters below run after the analysis.

Kept, and why:
- platforms: xcb (Linux desktops; Wayland sessions run it through XWayland), windows, cocoa,
  offscreen and minimal (smoke tests, CI, headless runs).
- platforminputcontexts: ibus and compose, so Chinese input methods work on Linux.
- xcbglintegrations: xcb loads one at start-up; without it Qt warns on every start.
- imageformats: ico, jpeg, gif; PNG is built into QtGui. No SVG: the program's icons are PNG, and
  the SVG plugins would bring QtSvg along.
- styles: the native Windows styles (without them Windows shows the Fusion look).
- printsupport: printing a checklist through the system's print dialog on Linux (CUPS).
Everything else (platformthemes, tls, networkinformation, generic, egl, wayland, sqldrivers, qml...)
is left out: the program is offline, keeps its data through SQLAlchemy, and draws its own widgets.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterable
from pathlib import PurePath

KEEP_PLUGINS: dict[str, frozenset[str]] = {
    "platforms": frozenset({"qxcb", "qwindows", "qcocoa", "qoffscreen", "qminimal"}),
    "platforminputcontexts": frozenset({"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}),
    "xcbglintegrations": frozenset({"qxcb-glx-integration", "qxcb-egl-integration"}),
    "imageformats": frozenset({"qico", "qjpeg", "qgif"}),
    "styles": frozenset({"qmodernwindowsstyle", "qwindowsvistastyle"}),
    "printsupport": frozenset({"cupsprintersupport"}),
}

# Qt's own translations: the program speaks Simplified Chinese and (later) English.
KEEP_TRANSLATION_LANGS = frozenset({"zh_CN", "en"})
KEEP_TRANSLATION_CATALOGUES = frozenset({"qt", "qtbase"})

# Libraries left out of the bundle. Whatever only they needed goes too (`without_orphans`).
# - The GTK stack and Wayland/EGLFS: only the left-out plugins need them. Belt and braces: should a
#   future PyInstaller change how plugins are collected, these still stay out.
# - CUPS: the print-support plugin links libcups, which brings GnuTLS, Kerberos, Avahi and more
#   (8 MiB; the plugin itself links GnuTLS too). Every Linux desktop that prints has libcups; where
#   it is missing, Qt's print dialog still prints to PDF. The system's copy also matches the
#   system's CUPS server.
# - Windows: Qt's software OpenGL renderer and the Direct3D shader compiler (24 MiB), for QML and
#   OpenGL widgets when the graphics driver fails; the program draws plain widgets with the raster engine.
UNWANTED_LIBRARIES = re.compile(
    r"^(lib)?(opengl32sw|d3dcompiler_47|cups|gnutls|gtk-3|gdk-3|gdk_pixbuf|pango|pangocairo|pangoft2|cairo|cairo-gobject|atk|atk-bridge|atspi|epoxy"
    r"|harfbuzz-gobject|Qt6WaylandClient|Qt6WaylandCompositor|Qt6EglFSDeviceIntegration|Qt6EglFsKmsSupport"
    r"|wayland-client|wayland-cursor|wayland-egl)[-.0-9]*\.(so|dll)",
    re.IGNORECASE,
)

# Data files of libraries that the program does not read: python-stdnum's tables for other countries'
# numbers (IBAN, ISBN, MAC vendors ...); the credit code check (stdnum.cn.uscc) needs none of them.
UNUSED_DATA = re.compile(r"^stdnum/(?!cn/).*\.dat$")

_PLUGIN_SUFFIXES = (".so", ".dll", ".dylib")
_TRANSLATION = re.compile(r"^(?P<catalogue>[a-z_]+?)_(?P<lang>[a-z]{2}(_[A-Z]{2})?)\.qm$")


def plugin_stem(filename: str) -> str:
    """`libqxcb.so` and `qxcb.dll` both become `qxcb`: the name Qt itself uses for the plugin."""
    name = PurePath(filename).name
    for suffix in _PLUGIN_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    if name.startswith("lib"):
        name = name[3:]
    return name


def plugin_wanted(plugin_type: str, filename: str) -> bool:
    keep = KEEP_PLUGINS.get(plugin_type)
    return keep is not None and plugin_stem(filename) in keep


def translation_wanted(filename: str) -> bool:
    """A Qt `.qm` catalogue is kept if it is Qt's own (qt, qtbase) in Simplified Chinese or English."""
    match = _TRANSLATION.match(PurePath(filename).name)
    if match is None:
        return False
    return match["catalogue"] in KEEP_TRANSLATION_CATALOGUES and match["lang"] in KEEP_TRANSLATION_LANGS


def _qt_part(parts: tuple[str, ...], name: str) -> int | None:
    """Index of `name` (plugins/translations) in a destination path inside the PySide6 package."""
    if not parts or parts[0] != "PySide6":
        return None
    try:
        return parts.index(name)
    except ValueError:
        return None


def entry_wanted(dest: str) -> bool:
    """Whether a collected file (by its destination inside the bundle) belongs in the program."""
    parts = PurePath(dest.replace("\\", "/")).parts
    plugins = _qt_part(parts, "plugins")
    if plugins is not None and len(parts) == plugins + 3:
        return plugin_wanted(parts[plugins + 1], parts[-1])
    if UNUSED_DATA.match("/".join(parts)):
        return False
    translations = _qt_part(parts, "translations")
    if translations is not None and len(parts) == translations + 2:
        return translation_wanted(parts[-1])
    return UNWANTED_LIBRARIES.match(parts[-1]) is None if parts else True


TocEntry = tuple[str, str, str]
_NEEDED = re.compile(r"\(NEEDED\)\s+Shared library: \[(?P<name>[^\]]+)\]")


def elf_needed(path: str) -> list[str]:
    """The libraries an ELF file links to directly (its DT_NEEDED entries), read with binutils' readelf.

    Direct links only: PyInstaller's own dependency helper answers with the whole transitive closure,
    which would keep every library reachable from anything ever collected.
    """
    result = subprocess.run(["readelf", "-d", "-W", path], capture_output=True, text=True, check=False)
    return _NEEDED.findall(result.stdout)


def prune(toc: Iterable[TocEntry]) -> list[TocEntry]:
    """Drop from a PyInstaller TOC (dest, source, typecode) what `entry_wanted` rejects."""
    return [entry for entry in toc if entry_wanted(entry[0])]


def _dependency_only(dest: str) -> bool:
    """A shared library at the top of the bundle: PyInstaller put it there only because something needed it."""
    return "/" not in dest.replace("\\", "/") and ".so" in dest and not dest.startswith("libpython")


def without_orphans(toc: Iterable[TocEntry], needed: Callable[[str], Iterable[str]]) -> list[TocEntry]:
    """Drop top-level shared libraries that no remaining binary needs any more.

    `needed(source)` lists the library names a binary links to (its ELF NEEDED entries). Everything
    else (extension modules, Qt libraries and plugins, libpython) is a root and stays.
    """
    entries = list(toc)
    candidates = {PurePath(dest).name: (dest, source, kind) for dest, source, kind in entries if _dependency_only(dest)}
    reachable: set[str] = set()
    # SYMLINK entries (PyInstaller's top-level links to libraries in sub-folders) have no file to read.
    queue = [source for dest, source, kind in entries if not _dependency_only(dest) and kind != "SYMLINK"]
    while queue:
        for name in needed(queue.pop()):
            if name in candidates and name not in reachable:
                reachable.add(name)
                if candidates[name][2] != "SYMLINK":
                    queue.append(candidates[name][1])
    return [entry for entry in entries if not _dependency_only(entry[0]) or PurePath(entry[0]).name in reachable]
