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
- imageformats: ico, jpeg, gif, svg; iconengines: svg icons. PNG is built into QtGui.
- styles: the native Windows styles (without them Windows shows the Fusion look).
- printsupport: printing a checklist through the system's print dialog on Linux (CUPS).
Everything else (platformthemes, tls, networkinformation, generic, egl, wayland, sqldrivers, qml...)
is left out: the program is offline, keeps its data through SQLAlchemy, and draws its own widgets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePath

KEEP_PLUGINS: dict[str, frozenset[str]] = {
    "platforms": frozenset({"qxcb", "qwindows", "qcocoa", "qoffscreen", "qminimal"}),
    "platforminputcontexts": frozenset({"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}),
    "xcbglintegrations": frozenset({"qxcb-glx-integration", "qxcb-egl-integration"}),
    "imageformats": frozenset({"qico", "qjpeg", "qgif", "qsvg"}),
    "iconengines": frozenset({"qsvgicon"}),
    "styles": frozenset({"qmodernwindowsstyle", "qwindowsvistastyle"}),
    "printsupport": frozenset({"cupsprintersupport"}),
}

# Qt's own translations: the program speaks Simplified Chinese and (later) English.
KEEP_TRANSLATION_LANGS = frozenset({"zh_CN", "en"})
KEEP_TRANSLATION_CATALOGUES = frozenset({"qt", "qtbase"})

# Libraries that only the left-out plugins need. Belt and braces: should a future PyInstaller change
# how plugins are collected, these still stay out, and the build's size check would notice the rest.
UNWANTED_LIBRARIES = re.compile(
    r"^(lib)?(gtk-3|gdk-3|gdk_pixbuf|pango|pangocairo|pangoft2|cairo|cairo-gobject|atk|atk-bridge|atspi|epoxy"
    r"|harfbuzz-gobject|Qt6WaylandClient|Qt6WaylandCompositor|Qt6EglFSDeviceIntegration|Qt6EglFsKmsSupport"
    r"|wayland-client|wayland-cursor|wayland-egl)[-.0-9]*\.(so|dll)",
    re.IGNORECASE,
)

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
    translations = _qt_part(parts, "translations")
    if translations is not None and len(parts) == translations + 2:
        return translation_wanted(parts[-1])
    return UNWANTED_LIBRARIES.match(parts[-1]) is None if parts else True


def prune(toc: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Drop from a PyInstaller TOC (dest, source, typecode) what `entry_wanted` rejects."""
    return [entry for entry in toc if entry_wanted(entry[0])]
