#!/usr/bin/env bash
# Builds the object-selection test set (e2e/fixtures/objects/): real photographs from Debian's python3-skimage
# (scikit-image's sample data, CC0 or public domain; see e2e/fixtures/objects/NOTICE.md) with a cut-out composited
# at a known place, so the true object mask is known exactly. Each case writes NAME.jpg (the photo, 640×480) and
# NAME-mask.png (8-bit grayscale, 255 = the object). Needs ImageMagick 6 and python3-skimage:
#   sudo apt-get install imagemagick python3-skimage && bash scripts/make-object-fixtures.sh
set -euo pipefail
SK=${SKIMAGE_DATA:-/usr/lib/python3/dist-packages/skimage/data}
OUT=$(dirname "$0")/../e2e/fixtures/objects
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
W=640
H=480

# background FILE → $TMP/bg.png, the photo cropped to fill W×H, in colour.
background() { convert "$1" -colorspace sRGB -type TrueColor -define png:color-type=2 -resize "${W}x${H}^" -gravity center -extent "${W}x${H}" "$TMP/bg.png"; }
# texture FILE → $TMP/tex.png, what the object is made of, filling W×H.
texture() { convert "$1" -colorspace sRGB -type TrueColor -define png:color-type=2 -resize "${W}x${H}^" -gravity center -extent "${W}x${H}" "$TMP/tex.png"; }
# compose NAME: photo = bg where mask is black, tex where it is white (a soft 1 px edge, as a real cut-out has).
compose() {
  convert "$TMP/mask.png" -blur 0x0.7 "$TMP/alpha.png"
  convert "$TMP/bg.png" "$TMP/tex.png" "$TMP/alpha.png" -compose over -composite -colorspace sRGB -type TrueColor -quality 85 -sampling-factor 4:2:0 "$OUT/$1.jpg"
  convert "$TMP/mask.png" -threshold 50% -depth 8 -define png:color-type=0 -define png:bit-depth=8 -strip "$OUT/$1-mask.png"
}
# horse SIZE X Y [FLOP] → $TMP/mask.png: scikit-image's horse silhouette, SIZE px wide, top-left at X,Y.
horse() {
  convert "$SK/horse.png" -background white -alpha remove -colorspace gray -negate -resize "${1}x" ${4:-} "$TMP/h.png"
  convert -size "${W}x${H}" xc:black "$TMP/h.png" -geometry "+$2+$3" -compose over -composite -threshold 50% "$TMP/mask.png"
}
# blob → $TMP/mask.png: a rounded irregular shape (a polygon, blurred and thresholded).
blob() {
  convert -size "${W}x${H}" xc:black -fill white -draw "polygon $1" -blur 0x14 -threshold 50% "$TMP/mask.png"
}

# 1. A ginger-fur horse on grass.
background "$SK/grass.png"; texture "$SK/chelsea.png"; horse 420 110 60; compose horse-on-grass
# 2. Chelsea the cat's head, cut out in an ellipse, on a brick wall.
background "$SK/brick.png"; texture "$SK/chelsea.png"
convert -size "${W}x${H}" xc:black -fill white -draw "ellipse 330,200 170,150 0,360" "$TMP/mask.png"; compose cat-on-brick
# 3. A coffee-coloured blob on the astronaut photograph (a busy background).
background "$SK/astronaut.png"; texture "$SK/coffee.png"
blob "250,90 430,120 500,260 440,400 300,420 190,330 170,190"; compose blob-on-astronaut
# 4. A horse cut from the coffee photograph, facing left, in the dusk sky beside the rocket launch.
background "$SK/rocket.jpg"; texture "$SK/coffee.png"; horse 280 335 70 -flop; compose horse-on-rocket
# 5. The coffee cup (a disc cut from the coffee photo) on gravel.
background "$SK/gravel.png"; texture "$SK/coffee.png"
convert -size "${W}x${H}" xc:black -fill white -draw "circle 300,250 300,90" "$TMP/mask.png"; compose cup-on-gravel
ls -la "$OUT"
