#!/usr/bin/env python3
"""Prints README.md's "What each answer means" table from src/ciam/codes.toml.

Run it after editing the catalogue and paste its output over the table; a unit test
(`catalogue::tests::the_readme_table_matches_the_catalogue`) fails until README and catalogue agree.
"""
import pathlib
import tomllib

root = pathlib.Path(__file__).resolve().parent.parent
catalogue = tomllib.loads((root / "src/ciam/codes.toml").read_text(encoding="utf-8"))
print("| code (other spellings) | from | what it means |")
print("|---|---|---|")
for entry in catalogue["entry"]:
    first, *others = entry["codes"]
    code = f"`{first}`" + (" (" + ", ".join(f"`{o}`" for o in others) + ")" if others else "")
    print(f"| {code} | {', '.join(entry['steps'])} | {entry['en']['title']} |")
