#!/usr/bin/env python3
# Builds tests/fonts/NotoSansSC-subset.otf, the CJK font the UI tests (egui_kittest) load so that
# they render Simplified Chinese on a machine with no CJK font installed. The app itself uses the
# system fonts. The subset covers GB2312, CJK/general punctuation, fullwidth forms and every
# non-ASCII character in assets/i18n/zh-CN.ftl, src/ciam/codes.toml and src/**/*.rs, tests/**/*.rs.
# Re-run after adding translations (from the repository root):
#   apt-get install fonts-noto-cjk && pip install fonttools
#   python3 dist/test-font.py
# The source face is "Noto Sans CJK SC" (OFL-1.1, see tests/fonts/OFL.txt). The subset is renamed
# to "sso-diag test CJK" since a subset is a Modified Version under the OFL.

import glob
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FACE = "Noto Sans CJK SC"
OUTPUT = "tests/fonts/NotoSansSC-subset.otf"
FAMILY = "sso-diag test CJK"
PS_NAME = "sso-diag-test-CJK-Regular"
# GB2312 level 2 (0xD8A1 onward) is needed for arbitrary Chinese names; drop it only if the font
# grows too large (the characters the repository uses are always kept).
GB2312_LAST_LEAD_BYTE = 0xF7


def repo_files():
    files = ["assets/i18n/zh-CN.ftl", "src/ciam/codes.toml"]
    for root in ("src", "tests"):
        files += sorted(glob.glob(os.path.join(root, "**", "*.rs"), recursive=True))
    return files


def wanted_codepoints():
    cps = set()
    for hi in range(0xA1, GB2312_LAST_LEAD_BYTE + 1):
        for lo in range(0xA1, 0xFF):
            try:
                cps.update(map(ord, bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    cps.update(range(0x3000, 0x3040))  # CJK symbols and punctuation
    cps.update(range(0xFF00, 0xFFF0))  # halfwidth and fullwidth forms
    cps.update(range(0x2000, 0x2070))  # general punctuation
    cps.update(range(0x20, 0x7F))  # ASCII, so mixed strings share one font's metrics
    from_repo = set()
    for path in repo_files():
        with open(path, encoding="utf-8") as f:
            from_repo.update(ord(c) for c in f.read() if ord(c) > 0x7F)
    return cps | from_repo, from_repo


def face_index():
    collection = TTCollection(SOURCE, lazy=True)
    for i, font in enumerate(collection.fonts):
        if font["name"].getDebugName(1) == FACE:
            return i
    sys.exit(f"{FACE!r} not found in {SOURCE}")


def rename(font):
    name = font["name"]
    # Keep copyright (0), trademark (7), designer/vendor (8-12), licence (13, 14); replace the names.
    for rec in list(name.names):
        if rec.nameID in (16, 17, 21, 22):
            name.removeNames(nameID=rec.nameID)
    for name_id, value in (
        (1, FAMILY),
        (2, "Regular"),
        (3, f"{PS_NAME};subset of NotoSansCJKsc-Regular 2.004"),
        (4, f"{FAMILY} Regular"),
        (6, PS_NAME),
    ):
        name.removeNames(nameID=name_id)
        name.setName(value, name_id, 3, 1, 0x409)
    cff = font["CFF "].cff
    cff.fontNames = [PS_NAME]
    top = cff.topDictIndex[0]
    for key, value in (("FullName", f"{FAMILY} Regular"), ("FamilyName", FAMILY)):
        if hasattr(top, key):
            setattr(top, key, value)


def main():
    if not os.path.isdir("assets/i18n"):
        sys.exit("run from the repository root: python3 dist/test-font.py")
    cps, from_repo = wanted_codepoints()
    font = TTFont(SOURCE, fontNumber=face_index())
    cmap = font.getBestCmap()
    missing = sorted(c for c in from_repo if c not in cmap)
    if missing:
        print("not in the source font:", " ".join(f"U+{c:04X}" for c in missing), file=sys.stderr)

    options = subset.Options()
    options.layout_features = []  # no shaping features needed for CJK test rendering
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx"]
    options.hinting = False
    options.desubroutinize = False
    options.notdef_outline = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]
    options.name_languages = [0x409]
    options.glyph_names = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(c for c in cps if c in cmap))
    subsetter.subset(font)
    rename(font)
    font.recalcTimestamp = False  # same input, same bytes: no churn in git

    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    font.save(OUTPUT)
    print(f"{OUTPUT}: {os.path.getsize(OUTPUT)} bytes, {len(font.getGlyphOrder())} glyphs")


if __name__ == "__main__":
    main()
