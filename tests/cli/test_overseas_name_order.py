"""Overseas partners' names stored in their owners' order, through the command line on a real
SQLite file: typed (``contact add --name``), imported from a "First name" | "Last name" sheet
and from a vCard with no FN, and what the Excel export and the vCard export then carry.

Reviewer h119 (international partnerships): "Jürgen Weiß" was stored family "Jürgen", given
"Weiß"; the sheet gave "Weiß Jürgen", "Dupont François", "Becker Zoë"; ``N:Schröder;Björn`` gave
"Schröder Björn"; "田中 宏" family "宏"; an export's middle name "van der" came back "Van Der".
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from openpyxl import Workbook, load_workbook

from tests.cli.inproc import run_cli


def _ok(db: Path, *args: str) -> str:
    done = run_cli(db, *args)
    assert done.returncode == 0, done.stderr
    return str(done.stdout)


def _people(db: Path) -> dict[str, tuple[str, str, str, str]]:
    """Each contact's full name: (family, middle, given, honorific), read from the file."""
    with sqlite3.connect(db) as con:
        rows = con.execute(
            "SELECT full_name, family_name, middle_name, given_name, honorific FROM contact"
        ).fetchall()
    return {
        full: (family or "", middle or "", given or "", honorific or "")
        for full, family, middle, given, honorific in rows
    }


def test_a_first_name_last_name_sheet_gives_given_name_first(tmp_path: Path) -> None:
    sheet = tmp_path / "firstlast.csv"
    sheet.write_text(
        "First name,Last name,Email,Organisation\n"
        "Jürgen,Weiß,jw2@example.de,Weiß & Söhne GmbH\n"
        "François,Dupont,fd@example.fr,Thales\n"
        "John,Smith,js@example.com,Acme\n"
        "Zoë,Becker,zb@example.de,Siemens\n"
        "Minjun,Kim,mk2@example.kr,Naver\n"
        "Nhung,Nguyễn Thị Hồng,nhung@nic.vn,NIC\n",
        encoding="utf-8",
    )
    db = tmp_path / "k.db"
    _ok(db, "import", str(sheet))
    assert _people(db) == {
        "Jürgen Weiß": ("Weiß", "", "Jürgen", ""),
        "François Dupont": ("Dupont", "", "François", ""),
        "John Smith": ("Smith", "", "John", ""),
        "Zoë Becker": ("Becker", "", "Zoë", ""),
        "Minjun Kim": ("Kim", "", "Minjun", ""),
        "Nguyễn Thị Hồng Nhung": ("Nguyễn", "Thị Hồng", "Nhung", ""),
    }


def test_a_vcard_without_fn_is_named_in_its_owners_order(tmp_path: Path) -> None:
    cards = tmp_path / "google.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Schröder;Björn;;Dr.;\r\nEMAIL:bjorn@example.de\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Nguyễn;An;Văn;;\r\nEMAIL:an@nic.vn\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:佐藤;花子;;;\r\nEMAIL:hanako@example.jp\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    db = tmp_path / "k.db"
    _ok(db, "import", str(cards))
    assert _people(db) == {
        "Björn Schröder": ("Schröder", "", "Björn", "Dr."),
        "Nguyễn Văn An": ("Nguyễn", "Văn", "An", ""),
        "佐藤 花子": ("佐藤", "", "花子", ""),
    }


TYPED = {  # as typed: family, middle, given
    "Jürgen Weiß": ("Weiß", "", "Jürgen"),
    "José Müller": ("Müller", "", "José"),
    "Zoë Becker": ("Becker", "", "Zoë"),
    "Anna Nguyễn-Schmidt": ("Nguyễn-Schmidt", "", "Anna"),
    "田中 宏": ("田中", "", "宏"),
    "Pieter van der Berg": ("van der Berg", "", "Pieter"),
    "Michael Brown": ("Brown", "", "Michael"),
    "Nguyen Thi Hong Nhung": ("Nguyen", "Thi Hong", "Nhung"),
}


def test_typed_names_are_split_exported_and_sorted_in_their_owners_order(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    for full in TYPED:
        _ok(db, "contact", "add", "--name", full)
    assert {full: parts[:3] for full, parts in _people(db).items()} == TYPED

    # The Excel export's Family / Middle / Given columns carry the same parts
    book = tmp_path / "out.xlsx"
    _ok(db, "export", "-o", str(book))
    sheet = next(ws for ws in load_workbook(book, read_only=True) if "Contacts" in ws.title)
    header, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    at = {h.split(" / ")[-1]: i for i, h in enumerate(header) if h}
    exported = {
        r[at["Full name"]]: tuple(r[at[c]] or "" for c in ("Family name", "Middle name", "Given name"))
        for r in rows
        if r[at["Full name"]]
    }
    assert exported == TYPED

    # … and the vCard's N: (family; given; middle)
    cards = tmp_path / "out.vcf"
    _ok(db, "export-vcard", "-o", str(cards))
    n_lines = {line for line in cards.read_text(encoding="utf-8").splitlines() if line.startswith("N:")}
    assert "N:Weiß;Jürgen;;;" in n_lines
    assert "N:Becker;Zoë;;;" in n_lines
    assert "N:田中;宏;;;" in n_lines
    assert "N:van der Berg;Pieter;;;" in n_lines
    assert "N:Nguyen;Nhung;Thi Hong;;" in n_lines

    # Sorted by given name: Anna, José, Jürgen, Michael, Nhung, Pieter, Zoë (宏 after the Latin letters)
    listed = json.loads(_ok(db, "contact", "list", "--json"))["items"]
    assert [c["name"] for c in listed] == [
        "Anna Nguyễn-Schmidt",
        "José Müller",
        "Jürgen Weiß",
        "Michael Brown",
        "Nguyen Thi Hong Nhung",
        "Pieter van der Berg",
        "Zoë Becker",
        "田中 宏",
    ]


def test_name_particles_stay_in_small_letters_on_import(tmp_path: Path) -> None:
    """A middle-name cell "van der" (Ketnoi's own export wrote one so) and a name in capitals
    keep the particles in small letters; "Van" before a Vietnamese word is a middle name."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Contacts"
    ws.append(["Full name", "Family name", "Middle name", "Given name", "Email"])
    ws.append(["Pieter van der Berg", "Berg", "van der", "Pieter", "p.vanderberg@tno.nl"])
    ws.append(["LUDWIG VAN BEETHOVEN", None, None, None, "lvb@example.de"])
    ws.append(["NGUYEN VAN AN", None, None, None, "an@nic.vn"])
    ws.append(["HUNG VAN NGUYEN", None, None, None, "hung@nic.vn"])
    book = tmp_path / "contacts.xlsx"
    wb.save(book)
    db = tmp_path / "k.db"
    _ok(db, "import", str(book))
    assert {full: parts[:3] for full, parts in _people(db).items()} == {
        "Pieter van der Berg": ("Berg", "van der", "Pieter"),
        "Ludwig van Beethoven": ("van Beethoven", "", "Ludwig"),
        "Nguyen Van An": ("Nguyen", "Van", "An"),
        "Hung Van Nguyen": ("Nguyen", "Van", "Hung"),
    }
