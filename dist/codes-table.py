#!/usr/bin/env python3
"""Prints README.md's "What each answer means" table from src/ciam/codes.toml (the codes) and
assets/i18n/en.ftl (their titles).

Run it after editing the catalogue and paste its output over the table; a unit test
(`catalogue::tests::the_readme_table_matches_the_catalogue`) fails until README and catalogue agree.
"""
import pathlib
import tomllib

root = pathlib.Path(__file__).resolve().parent.parent
catalogue = tomllib.loads((root / "src/ciam/codes.toml").read_text(encoding="utf-8"))
messages = dict(
    line.split(" = ", 1)
    for line in (root / "assets/i18n/en.ftl").read_text(encoding="utf-8").splitlines()
    if line.startswith("code-")
)


def key(code):
    """The entry's message prefix, as catalogue.rs's Entry::key makes it."""
    return "code-" + "".join(c if c.isalnum() or c == "_" else "-" for c in code)


print("| code (other spellings) | from | what it means |")
print("|---|---|---|")
for entry in catalogue["entry"]:
    first, *others = entry["codes"]
    code = f"`{first}`" + (" (" + ", ".join(f"`{o}`" for o in others) + ")" if others else "")
    title = messages[key(first) + "-title"]
    print(f"| {code} | {', '.join(entry['steps'])} | {title} |")
