#!/usr/bin/env bash
# Regenerates every icon file in this folder from alluse-workstation.svg:
#   png/alluse-workstation-<N>.png for N in 16 24 32 48 64 128 256 512 1024,
#   alluse-workstation.png (256, the Linux package icon and the window icon's largest size),
#   alluse-workstation.ico (Windows: 16..256 in one file) and alluse-workstation.icns (macOS: 16..1024).
# Uses Debian's librsvg2-bin (rsvg-convert), icoutils (icotool) and icnsutils (png2icns), and
# installs them with apt-get when they are missing (as root, or through sudo).
set -euo pipefail
cd "$(dirname "$0")"

SOURCE=alluse-workstation.svg
SIZES=(16 24 32 48 64 128 256 512 1024)
ICO_SIZES=(16 24 32 48 64 256)
ICNS_SIZES=(16 32 48 128 256 512 1024)
WINDOW_ICON_DIR=../src/main/resources/io/alluse/ui/icons

need=()
command -v rsvg-convert >/dev/null || need+=(librsvg2-bin)
command -v icotool >/dev/null || need+=(icoutils)
command -v png2icns >/dev/null || need+=(icnsutils)
if ((${#need[@]})); then
  echo "icons/generate.sh: installing ${need[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

mkdir -p png
for n in "${SIZES[@]}"; do
  rsvg-convert --width "$n" --height "$n" --keep-aspect-ratio "$SOURCE" --output "png/alluse-workstation-$n.png"
done
cp png/alluse-workstation-256.png alluse-workstation.png

ico_inputs=()
for n in "${ICO_SIZES[@]}"; do
  # 256 goes in as PNG (what Windows expects at that size); the small ones as bitmaps for old shells
  if ((n == 256)); then ico_inputs+=(--raw="png/alluse-workstation-$n.png"); else ico_inputs+=("png/alluse-workstation-$n.png"); fi
done
icotool --create --output=alluse-workstation.ico "${ico_inputs[@]}"

icns_inputs=()
for n in "${ICNS_SIZES[@]}"; do icns_inputs+=("png/alluse-workstation-$n.png"); done
png2icns alluse-workstation.icns "${icns_inputs[@]}" >/dev/null

# The running app's window icon (Stage.getIcons): a few sizes, the window manager picks one.
mkdir -p "$WINDOW_ICON_DIR"
for n in 16 32 48 64 128 256; do
  cp "png/alluse-workstation-$n.png" "$WINDOW_ICON_DIR/alluse-workstation-$n.png"
done

echo "icons/generate.sh: wrote png/ (${SIZES[*]}), alluse-workstation.png, .ico, .icns and the window icons"
