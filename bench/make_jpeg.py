#!/usr/bin/env python3
"""Writes photo-like JPEGs for bench/compare.sh: smooth gradients, rings and per-pixel noise
(so the entropy coder has real work, as in a photo), quality 90, 4:2:0 like a camera's.
Needs Pillow (Debian: python3-pil).

usage: make_jpeg.py OUT.jpg [WIDTH HEIGHT [SEED]]
       make_jpeg.py --folder DIR COUNT [WIDTH HEIGHT]   # COUNT pictures, each different
"""
import random
import sys

from PIL import Image, ImageDraw


def photo(w, h, seed):
    rnd = random.Random(seed)
    # A small random picture scaled up gives soft shapes; noise on top gives texture.
    small = Image.new("RGB", (32, 24))
    small.putdata([tuple(rnd.randrange(256) for _ in range(3)) for _ in range(32 * 24)])
    img = small.resize((w, h), Image.BICUBIC)
    draw = ImageDraw.Draw(img)
    for _ in range(40):
        x, y, r = rnd.randrange(w), rnd.randrange(h), rnd.randrange(20, max(21, w // 6))
        color = tuple(rnd.randrange(256) for _ in range(3))
        draw.ellipse((x - r, y - r, x + r, y + r), outline=color, width=max(2, r // 10))
    noise = Image.effect_noise((w, h), 40).convert("RGB")
    img = Image.blend(img, noise, 0.12)
    return img


def main():
    if sys.argv[1] == "--folder":
        out, count = sys.argv[2], int(sys.argv[3])
        w = int(sys.argv[4]) if len(sys.argv) > 4 else 4000
        h = int(sys.argv[5]) if len(sys.argv) > 5 else 3000
        for i in range(count):
            photo(w, h, i).save(f"{out}/photo-{i + 1:03}.jpg", quality=90, subsampling=2)
        return
    out = sys.argv[1]
    w = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
    h = int(sys.argv[3]) if len(sys.argv) > 3 else 3000
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 7
    photo(w, h, seed).save(out, quality=90, subsampling=2)


if __name__ == "__main__":
    main()
