#!/usr/bin/env bash
# Scanned and no-ToUnicode renderings of the generated corpus, each with its record truth.
#
#   tools/make_scans/make_scans.sh OUT_DIR [PDF[:PAGES]...]   (default: every corpus/grid/*.pdf)
#
# PDF:PAGES (e.g. x.pdf:3 or x.pdf:1-2) takes those pages only, as NAME_pPAGES, with the truth
# of those pages renumbered from 1 (how the small committed set in corpus/scans is made).
# For each PDF (corpus/grid/NAME.pdf, truth corpus/records/NAME.truth.csv) it writes:
#   NAME.scan300.pdf, NAME.scan200.pdf   every page rendered at 300 / 200 dpi and degraded as a
#       scanner and a photocopier would: grey, a skew of 0.3–1.5° either way, noise, a slight
#       blur, JPEG quality 65–80; on the first page a semi-transparent red seal over part of the
#       table; the second page of the second PDF turned sideways. The page size stays the
#       PDF's (img2pdf at the rendering's dpi).
#   NAME.notounicode.pdf   the PDF with every /ToUnicode map removed (qpdf), so its CID fonts
#       decode to glyph ids only.
#   NAME.scan300.truth.csv, NAME.scan200.truth.csv, NAME.notounicode.truth.csv   copies of the
#       record truth: the amounts printed do not change with the rendering.
# Degradations are drawn from a fixed seed per file and page, so the output is the same on
# every run (for the same ImageMagick and libjpeg).
# Needs: poppler-utils (pdftoppm), imagemagick (convert), img2pdf, qpdf, fonts-wqy-microhei.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out=${1:?usage: make_scans.sh OUT_DIR [PDF...]}
shift
mkdir -p "$out"
if [ $# -eq 0 ]; then set -- "$root"/corpus/grid/*.pdf; fi
font=$(fc-match -f '%{file}' 'WenQuanYi Micro Hei' 2>/dev/null || true)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A number in [lo, hi] from a seed string, fixed for the seed.
pick() {  # seed lo hi decimals
    local h
    h=$(printf '%s' "$1" | cksum | cut -d' ' -f1)
    awk -v h="$h" -v lo="$2" -v hi="$3" -v d="$4" 'BEGIN { printf "%.*f", d, lo + (h % 10007) / 10006 * (hi - lo) }'
}

# A red seal (ring, star, text) of diameter $2 pixels, semi-transparent, into PNG $1.
make_seal() {
    local png=$1 size=$2 c r ring
    c=$((size / 2)); r=$((size / 2 - size / 20)); ring=$((size / 28 + 2))
    local star="" i
    for i in 0 1 2 3 4 5 6 7 8 9; do
        star+=$(awk -v i="$i" -v c="$c" -v s="$size" 'BEGIN { pi = 3.14159265; rad = (i % 2 ? s * 0.07 : s * 0.17);
            a = -pi / 2 + i * pi / 5; printf "%d,%d ", c + rad * cos(a), c * 0.8 + rad * sin(a) }')
    done
    local text=()
    if [ -n "$font" ]; then text=(-font "$font" -pointsize $((size / 9)) -fill 'rgba(215,25,30,0.75)' -gravity center -annotate +0+$((size / 5)) '财务专用章'); fi
    convert -size "${size}x${size}" xc:none -fill none -stroke 'rgba(215,25,30,0.7)' -strokewidth "$ring" \
        -draw "circle $c,$c $c,$((c - r))" -stroke none -fill 'rgba(215,25,30,0.7)' -draw "polygon $star" \
        "${text[@]}" "$png"
}

index=0
for arg in "$@"; do
    pdf=${arg%%:*}
    name=$(basename "$pdf" .pdf)
    truth="$root/corpus/records/$name.truth.csv"
    index=$((index + 1))
    if [ "$arg" != "$pdf" ]; then
        pages_arg=${arg#*:}
        first=${pages_arg%-*}
        name="${name}_p$pages_arg"
        qpdf "$pdf" --pages "$pdf" "$pages_arg" -- "$work/selected.pdf"
        pdf="$work/selected.pdf"
        if [ -f "$truth" ]; then
            python3 - "$truth" "$pages_arg" "$work/truth.csv" <<'PY'
import csv, sys
source, pages, target = sys.argv[1], sys.argv[2], sys.argv[3]
first, _, last = pages.partition("-")
first, last = int(first), int(last or first)
with open(source, newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
page = rows[0].index("page")
with open(target, "w", newline="", encoding="utf-8") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(rows[0])
    for row in rows[1:]:
        if first <= int(row[page]) <= last:
            row[page] = str(int(row[page]) - first + 1)
            out.writerow(row)
PY
            truth="$work/truth.csv"
        fi
    fi
    for dpi in 300 200; do
        rm -f "$work"/page-*.png "$work"/scan-*.jpg
        pdftoppm -r "$dpi" -png "$pdf" "$work/page"
        pages=("$work"/page-*.png)
        n=0
        for page in "${pages[@]}"; do
            n=$((n + 1))
            seed="$name/$dpi/$n"
            angle=$(pick "$seed/angle" 0.3 1.5 2)
            if [ "$(pick "$seed/sign" 0 1 0)" = 1 ]; then angle="-$angle"; fi
            quality=$(pick "$seed/quality" 65 80 0)
            blur=$(pick "$seed/blur" 0.3 0.8 2)
            noise=$(pick "$seed/noise" 0.2 0.5 2)
            layers=("$page" -colorspace sRGB)
            if [ "$n" = 1 ]; then
                size=$((dpi * 17 / 10))
                make_seal "$work/seal.png" "$size"
                w=$(identify -format '%w' "$page"); h=$(identify -format '%h' "$page")
                layers+=("$work/seal.png" -geometry "+$((w * 55 / 100))+$((h * 22 / 100))" -composite)
            fi
            turn=()
            if [ "$index" = 2 ] && [ "$n" = 2 ]; then turn=(-rotate 90); fi
            convert "${layers[@]}" -background white -rotate "$angle" "${turn[@]}" +repage -seed "$(pick "$seed" 1 99999 0)" \
                -attenuate "$noise" +noise Gaussian -blur "0x$blur" -quality "$quality" \
                -sampling-factor 2x2 "$work/scan-$(printf '%03d' "$n").jpg"
        done
        img2pdf --imgsize "${dpi}dpi" -o "$out/$name.scan$dpi.pdf" "$work"/scan-*.jpg
        [ -f "$truth" ] && cp "$truth" "$out/$name.scan$dpi.truth.csv"
    done
    qpdf --qdf --object-streams=disable "$pdf" "$work/qdf.pdf"
    # Blank out each /ToUnicode reference (same length, so the xref stays valid), then let
    # qpdf rewrite the file compactly.
    perl -pe 's{/ToUnicode \d+ 0 R}{" " x length($&)}ge' "$work/qdf.pdf" > "$work/stripped.pdf"
    qpdf --object-streams=disable "$work/stripped.pdf" "$out/$name.notounicode.pdf" || [ $? = 3 ]
    [ -f "$truth" ] && cp "$truth" "$out/$name.notounicode.truth.csv"
    echo "$name: scan300, scan200, notounicode" >&2
done
