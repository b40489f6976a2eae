"""Refresh ketnoi_vi.ts from the sources (pyside6-lupdate) and compile the .qm files.

    /tmp/kv/bin/python resources/translations/update.py            # refresh the .ts, keep translations
    /tmp/kv/bin/python resources/translations/update.py --release  # … and compile ketnoi_vi.qm, qtextra_vi.qm

``pyside6-lupdate`` extracts ``self.tr("…")`` (context: the class) and
``QCoreApplication.translate("Context", "…")``. Two patterns of ours it files under the wrong
context, fixed here after it ran:

* a module helper ``def tr(text): return QCoreApplication.translate("Dashboard", text)`` —
  lupdate puts its calls in the empty context; they belong to the helper's context;
* ``tr = QCoreApplication.translate`` then ``tr("Labels", "Name")`` — lupdate reads "Labels"
  as the text and "Name" as a comment.

Translations already in the .ts are kept (matched by context and source text); new strings
come in as "unfinished" for a translator (Qt Linguist: ``pyside6-linguist ketnoi_vi.ts``).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "ketnoi_vi.ts"
EXTRA_TS = HERE / "qtextra_vi.ts"  # Qt's own strings that PySide6 ships no Vietnamese for
BIN = Path(sys.executable).parent
HELPER = re.compile(r"def _?tr\(text: str\) -> str:\s+return QCoreApplication\.translate\(\"(\w+)\", text\)")
ALIAS = "tr = QCoreApplication.translate"
BARE_CALL = re.compile(r"(?<![.\w])_?tr\(\s*(?:'([^'\\\n]*)'|\"([^\"\\\n]*)\")\s*,?\s*\)")

Key = tuple[str, str]


def sources() -> list[Path]:
    return sorted(p for p in (ROOT / "ui").rglob("*.py") if "__pycache__" not in p.parts)


def read_translations(path: Path) -> dict[Key, tuple[str, str]]:
    """(context, source) → (translation, type) of an existing .ts."""
    if not path.exists():
        return {}
    out: dict[Key, tuple[str, str]] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is not None and tr.text:
                out[(name, msg.findtext("source") or "")] = (tr.text, tr.get("type", ""))
    return out


def extract() -> dict[str, dict[str, list[tuple[str, str]]]]:
    """context → source → [(file, line)] from lupdate, contexts fixed as described above."""
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.ts"
        subprocess.run(
            [str(BIN / "pyside6-lupdate"), *map(str, sources()), "-ts", str(raw), "-locations", "absolute"],
            check=True,
            capture_output=True,
        )
        root = ET.parse(raw).getroot()
        base = raw.parent
    helpers: dict[Path, str] = {}
    aliased: set[Path] = set()
    for path in sources():
        text = path.read_text(encoding="utf-8")
        found = HELPER.search(text)
        if found:
            helpers[path] = found.group(1)
        if ALIAS in text:
            aliased.add(path)
    out: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source, comment = msg.findtext("source") or "", msg.findtext("comment")
            places = []
            for loc in msg.iter("location"):
                file = (base / loc.get("filename", "")).resolve()
                places.append((file, loc.get("line", "")))
            files = {f for f, _ in places}
            context = name
            if name in ("", "QCoreApplication") and comment and files & aliased:
                context, source = source, comment
            elif name == "" and files:
                context = next((helpers[f] for f in files if f in helpers), "")
            shown = [(str(f.relative_to(ROOT)), line) for f, line in places]
            out.setdefault(context, {}).setdefault(source, []).extend(shown)
    # lupdate does not look inside f-strings, nor at a helper's call whose text is on the next
    # line (``_tr(\n    "…"\n)``, as ruff format breaks a long one): those are found here.
    for path, context in helpers.items():
        whole = path.read_text(encoding="utf-8")
        for found in BARE_CALL.finditer(whole):
            number = whole.count("\n", 0, found.start()) + 1
            text = (
                (found.group(1) or found.group(2) or "")
                .encode()
                .decode("unicode_escape")
                .encode("latin-1")
                .decode("utf-8")
            )
            places = out.setdefault(context, {}).setdefault(text, [])
            if not places:
                places.append((str(path.relative_to(ROOT)), str(number)))
    return out


def write(
    found: dict[str, dict[str, list[tuple[str, str]]]], old: dict[Key, tuple[str, str]]
) -> tuple[int, int]:
    root = ET.Element("TS", {"version": "2.1", "language": "vi_VN", "sourcelanguage": "en_GB"})
    total = done = 0
    for context in sorted(found):
        c = ET.SubElement(root, "context")
        ET.SubElement(c, "name").text = context
        for source in sorted(found[context]):
            m = ET.SubElement(c, "message")
            for file, line in sorted(set(found[context][source])):
                ET.SubElement(m, "location", {"filename": "../../" + file, "line": line})
            ET.SubElement(m, "source").text = source
            text, kind = old.get((context, source), ("", "unfinished"))
            t = ET.SubElement(m, "translation")
            t.text = text
            if kind or not text:
                t.set("type", kind or "unfinished")
            total += 1
            done += bool(text) and kind != "unfinished"
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return total, done


def release() -> None:
    for ts in (TS, EXTRA_TS):
        subprocess.run(
            [str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )


def main(argv: list[str]) -> int:
    total, done = write(extract(), read_translations(TS))
    print(f"{TS.name}: {total} strings, {done} translated, {total - done} to do")
    if "--release" in argv:
        release()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
