#!/bin/sh
# Adds Nexus Desktop to this user's application menu (no root needed, nothing outside $HOME).
# Run it from the unpacked bundle folder:  ./install-desktop-entry.sh
# Undo:  rm ~/.local/share/applications/nexus-desktop.desktop ~/.local/share/icons/hicolor/256x256/apps/nexus-desktop.png
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/nexus-desktop.png" "$icons/nexus-desktop.png"
# Exec must be an absolute path: the bundle is not on PATH
sed "s|^Exec=.*|Exec=\"$here/nexus-desktop\"|" "$here/nexus-desktop.desktop" > "$apps/nexus-desktop.desktop"
chmod 0644 "$apps/nexus-desktop.desktop"
echo "installed $apps/nexus-desktop.desktop"
