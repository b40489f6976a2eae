"""A .vcf file (vCard 2.1, 3.0 or 4.0) read as a contacts sheet, so that the import pipeline
previews, matches, warns about, commits (one batch) and undoes it like a workbook.

The "sheet" has a header row 0 of the fields' own export headers, then one row per card,
numbered as the cards are (card 7 is row 7: a warning names the card). Emails and phones keep
their labels in the exporter's notation (``an@x.vn (công việc)``); PHOTO and the like are not
read (:mod:`app.vcards`). A card vobject cannot read gives a row with no name, which the
preview rejects at that card's number.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app import listcells, vcards
from app.importing import fields as fs
from app.importing.errors import ImportFileError
from app.importing.messages import Message, msg
from app.importing.notation import with_label

SUFFIXES = (".vcf", ".vcard")
FIELDS = (
    "full_name",
    "honorific",
    "family_name",
    "middle_name",
    "given_name",
    "organisation",
    "position",
    "emails",
    "phones",
    "notes",
    "confidential",
)
HEADERS = [fs.spec("contact", f).header for f in FIELDS]


def looks_like_vcf(path: Path, head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf\r\n\t ").upper()
    return path.suffix.lower() in SUFFIXES or text.startswith(b"BEGIN:VCARD")


def _emails(items: list[tuple[str, str]]) -> str | None:
    cells = [with_label(v, label) for v, label in items]
    if any(" " in c for c in cells):  # the importer splits emails at spaces: quote a labelled one
        return "; ".join('"' + c.replace('"', '""') + '"' if " " in c else c for c in cells)
    return listcells.join(cells)


def row_of(card: vcards.Card) -> list[Any]:
    values: dict[str, Any] = {
        "full_name": card.full_name,
        "honorific": card.honorific,
        "family_name": card.family_name,
        "middle_name": card.middle_name,
        "given_name": card.given_name,
        "organisation": card.organisation,
        "position": card.position,
        "emails": _emails(card.emails),
        "phones": listcells.join(with_label(v, label) for v, label in card.phones),
        "notes": card.note,
        "confidential": "x" if card.private else None,  # (CLASS:PRIVATE: an export's confidential contact)
    }
    return [values[f] or None for f in FIELDS]


def rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    size = path.stat().st_size
    if size > vcards.MAX_VCF_BYTES:
        raise ImportFileError(
            msg("vcf_too_large", file=path.name, mb=f"{size / 2**20:.0f}", most=vcards.MAX_VCF_BYTES // 2**20)
        )
    text = vcards.decode(path.read_bytes())
    cards = vcards.iter_cards(text)
    first = next(cards, None)
    if first is None:
        raise ImportFileError(msg("vcf_no_cards", file=path.name))
    yield 0, list(HEADERS)
    empty: list[int] = []
    for card in itertools.chain(
        (first,), cards
    ):  # parsed as they are read: the header search stops after a few
        row = row_of(card)
        if all(v is None for v in row):  # (nothing read: the preview would pass it by unsaid)
            empty.append(card.number)
        yield card.number, row
    # (read to the end: what was not imported, and why, for the preview to say)
    if len(_UNREAD) > 100:
        _UNREAD.clear()
    _UNREAD[_key(path)] = (*_unclosed(text), len(empty), empty[0] if empty else 0)


_UNREAD: dict[tuple[str, int, int], tuple[int, int, int, int]] = {}


def _key(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return (str(path.resolve()), st.st_size, st.st_mtime_ns)


def _unclosed(text: str) -> tuple[int, int]:
    """The cards that never end (a BEGIN:VCARD followed by another BEGIN, or by the end of the
    file, before its END:VCARD), and the line of the first: (count, line)."""
    count, first, start = 0, -1, -1
    for mark in vcards._MARK.finditer(text):
        if mark.group(1).upper() == "BEGIN":
            if start >= 0:
                count += 1
                first = start if first < 0 else first
            start = mark.start()
        else:
            start = -1
    if start >= 0:
        count += 1
        first = start if first < 0 else first
    return count, (text.count("\n", 0, first) + 1 if first >= 0 else 0)


def unread(path: Path) -> list[Message]:
    """What the last full reading of the .vcf file ``path`` left out, said: the cards that
    never end (reviewer h23: an unterminated card vanished, "1 new, 0 errors"), the cards with
    nothing to read (100,000 BEGIN:VCARD lines gave "0 new … 0 errors" and no reason)."""
    try:
        found = _UNREAD.get(_key(Path(path)))
    except OSError:
        return []
    if found is None:
        return []
    unclosed, line, empty, card = found
    out = []
    if unclosed:
        out.append(msg("vcf_unclosed", sheet=Path(path).stem, count=unclosed, line=line))
    if empty:
        out.append(msg("vcf_empty_cards", sheet=Path(path).stem, count=empty, card=card))
    return out
