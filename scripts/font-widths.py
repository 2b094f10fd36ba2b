#!/usr/bin/env python3
"""Prints the advance widths of DejaVu Sans, in thousandths of an em, as the Rust table in
src/render/layout.rs (`WIDTHS`). DejaVu Sans is what Linux viewers (Graphviz through
fontconfig, Chromium) draw for "Helvetica" when Helvetica is not installed, and it is wider
than Helvetica, so labels sized by it fit in either face.

    pip install fonttools && python3 scripts/font-widths.py /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
"""
import sys

from fontTools.ttLib import TTFont

font = TTFont(sys.argv[1])
per_em = font["head"].unitsPerEm
cmap = font.getBestCmap()
hmtx = font["hmtx"]
chars = [chr(c) for c in range(0x20, 0x7F)]
chars += [chr(c) for c in range(0xC0, 0x100)]
chars += list("–—‘’“”…→·")
rows = []
for ch in sorted(set(chars)):
    glyph = cmap.get(ord(ch))
    if glyph is None:
        continue
    width = round(hmtx[glyph][0] * 1000 / per_em)
    literal = "'\\''" if ch == "'" else repr(ch)
    rows.append(f"({literal}, {width})")
print(f"// {font['name'].getDebugName(4)} {font['name'].getDebugName(5)}")
for i in range(0, len(rows), 8):
    print("    " + ", ".join(rows[i : i + 8]) + ",")
