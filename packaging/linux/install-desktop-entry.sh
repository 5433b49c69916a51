#!/bin/sh
# Adds 中山稳外贸政策自评 to the applications menu of the current user (no root needed).
# Run it from the unpacked folder, where it stays: the menu entry points at this folder.
#   ./install-desktop-entry.sh            add the menu entry
#   ./install-desktop-entry.sh --remove   take it away again (the folder itself you delete by hand)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
if [ "${1:-}" = "--remove" ]; then
  rm -f "$apps/zs-trade.desktop" "$icons/zs-trade.png"
  echo "已移除菜单项。"
  exit 0
fi
mkdir -p "$apps" "$icons"
cp "$here/zs-trade.png" "$icons/zs-trade.png"
# Exec and Icon get absolute paths: the folder is not on PATH and the icon theme may not be refreshed.
sed -e "s|^Exec=.*|Exec=\"$here/zs-trade\"|" -e "s|^Icon=.*|Icon=$icons/zs-trade.png|" \
  "$here/zs-trade.desktop" > "$apps/zs-trade.desktop"
chmod 644 "$apps/zs-trade.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
echo "已添加菜单项：$apps/zs-trade.desktop"
