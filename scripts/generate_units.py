#!/usr/bin/env python3
"""Generate Resources/units/units.json from the public `vietnam-provinces` package.

Run once when the official list changes; its output is committed so the app never needs Python:

    python3 -m venv /tmp/vp && /tmp/vp/bin/pip install vietnam-provinces==2025.10.1
    /tmp/vp/bin/python scripts/generate_units.py > Resources/units/units.json

The output lists the 34 provinces and the 3,321 commune-level units (xã, phường, đặc khu) in force since
1 July 2025: code, full name, short name (without the type word, for sorting), type and province code.
"""
import json
import sys
import unicodedata

import vietnam_provinces as vp
from vietnam_provinces import NESTED_DIVISIONS_JSON_PATH

TYPE_KEYS = {
    "tỉnh": "province",
    "thành phố trung ương": "city",
    "xã": "commune",
    "phường": "ward",
    "đặc khu": "specialZone",
}
PREFIXES = ["Thành phố ", "Tỉnh ", "Xã ", "Phường ", "Đặc khu "]


def nfc(text: str) -> str:
    """NFC, with stray double spaces in the source ("Xã  Xuân Giang") collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def short_name(name: str) -> str:
    for prefix in PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def main() -> None:
    with open(NESTED_DIVISIONS_JSON_PATH, encoding="utf-8") as f:
        provinces = json.load(f)
    out_provinces = []
    out_units = []
    for p in sorted(provinces, key=lambda p: p["code"]):
        name = nfc(p["name"])
        kind = TYPE_KEYS[p["division_type"]]
        full = name if name.startswith("Thành phố") else "Tỉnh " + name
        out_provinces.append({"code": p["code"], "name": full, "short": short_name(name), "type": kind})
        for w in sorted(p["wards"], key=lambda w: w["code"]):
            wname = nfc(w["name"])
            out_units.append({
                "code": w["code"],
                "name": wname,
                "short": short_name(wname),
                "type": TYPE_KEYS[w["division_type"]],
                "province": p["code"],
            })
    if len(out_provinces) != 34 or len(out_units) != 3321:
        sys.exit(f"unexpected counts: {len(out_provinces)} provinces, {len(out_units)} units")
    doc = {
        "source": f"vietnam-provinces {vp.__version__} (data {vp.__data_version__})",
        "provinces": out_provinces,
        "units": out_units,
    }
    # One record a line: small diffs when the official list changes.
    dumps = lambda o: json.dumps(o, ensure_ascii=False, separators=(",", ":"))
    sys.stdout.write('{"source":' + dumps(doc["source"]) + ',\n"provinces":[\n')
    sys.stdout.write(",\n".join(dumps(p) for p in doc["provinces"]))
    sys.stdout.write('\n],\n"units":[\n')
    sys.stdout.write(",\n".join(dumps(u) for u in doc["units"]))
    sys.stdout.write("\n]}\n")


if __name__ == "__main__":
    main()
