#!/usr/bin/env bash
# Generates assets/sample-clip.mp4: the clip the sandbox simulator serves as every task's result.
# We render it ourselves (no third-party footage, so no licence question) and keep it small so the repo stays light.
# H.264 main profile + yuv420p + faststart: plays in Chromium/Electron and can start before the whole file arrives.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/../assets/sample-clip.mp4}"
font="${FONT:-/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf}"

# A slowly drifting colour gradient with the title; `enable`-free so every frame carries the label.
# drawtext needs the font file; the middle dot is UTF-8 and drawtext renders it with DejaVu.
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "gradients=s=640x360:r=24:d=5:c0=0x1e3a8a:c1=0x7c3aed:c2=0xdb2777:c3=0x0ea5e9:nb_colors=4:speed=0.02:seed=7" \
  -vf "drawtext=fontfile=${font}:text='Kling Studio · Sandbox':fontcolor=white:fontsize=40:x=(w-text_w)/2:y=(h-text_h)/2-14:shadowcolor=black@0.5:shadowx=2:shadowy=2,\
drawtext=fontfile=${font}:text='sample clip %{eif\:t+1\:d}/5 s':fontcolor=white@0.85:fontsize=20:x=(w-text_w)/2:y=(h/2)+30" \
  -t 5 -r 24 -c:v libx264 -profile:v main -preset slow -crf 20 -pix_fmt yuv420p -movflags +faststart -an \
  "$out"

ls -l "$out"
