"""``ketnoi org succeed`` / ``org lineage`` and ``ketnoi post …`` with --json parsed back: the
2025 merger of the planning ministry into the finance ministry, previewed, applied, undone;
a post whose holder changes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.cli import main


class Ketnoi:
    def __init__(self, db: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.db, self.capsys = str(db), capsys

    def __call__(self, *args: str) -> Any:
        self.capsys.readouterr()
        code = main([*args, "--db", self.db, "--json"])
        out, err = self.capsys.readouterr()
        assert code == 0, err
        return json.loads(out)

    def fails(self, *args: str) -> str:
        self.capsys.readouterr()
        code = main([*args, "--db", self.db])
        _, err = self.capsys.readouterr()
        assert code == 1
        return err


@pytest.fixture
def k(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Ketnoi:
    return Ketnoi(tmp_path / "k.db", capsys)


def test_org_succeed_previews_moves_and_is_undone(k: Ketnoi) -> None:
    mpi = k("org", "add", "--name", "Bộ Kế hoạch và Đầu tư", "--acronym", "MPI")["id"]
    mof = k("org", "add", "--name", "Bộ Tài chính", "--acronym", "MOF")["id"]
    an = k("contact", "add", "--name", "Nguyễn Văn An", "--organisation", "MPI")["id"]
    act = k("action", "add", "--title", "Góp ý dự thảo", "--organisation", "MPI")["id"]
    seen = k("org", "succeed", "MPI", "--into", "MOF", "--on", "01/03/2025", "--preview")
    assert seen["preview"] is True and seen["group_id"] == ""
    assert seen["counts"]["contact"] == 1 and seen["counts"]["action"] == 1
    assert k("contact", "show", str(an))["record"]["organisation_id"] == mpi  # a preview changes nothing
    done = k("org", "succeed", "MPI", "--into", "MOF", "--on", "01/03/2025", "--note", "NQ 176/2025/QH15")
    assert done["effective_on"] == "2025-03-01" and done["group_id"]
    assert k("contact", "show", str(an))["record"]["organisation_id"] == mof
    assert k("action", "show", str(act))["record"]["organisation_id"] == mof
    line = k("org", "lineage", "MOF")
    assert (
        line["formerly"][0]["name"] == "Bộ Kế hoạch và Đầu tư"
        and line["formerly"][0]["note"] == "NQ 176/2025/QH15"
    )
    assert "already merged" in k.fails("org", "succeed", "MPI", "--into", "MOF", "--on", "01/03/2025")
    k.capsys.readouterr()
    assert main(["undo", done["group_id"], "--db", k.db]) == 0
    assert k("contact", "show", str(an))["record"]["organisation_id"] == mpi
    assert k("org", "lineage", "MPI")["became"] == []


def test_a_split_needs_two_successors_and_moves_by_choice(k: Ketnoi) -> None:
    k("org", "add", "--name", "Bộ Cũ", "--acronym", "OLD")
    a = k("org", "add", "--name", "Bộ A", "--acronym", "BA")["id"]
    b = k("org", "add", "--name", "Bộ B", "--acronym", "BB")["id"]
    c1 = k("contact", "add", "--name", "Lê Văn Một", "--organisation", "OLD")["id"]
    c2 = k("contact", "add", "--name", "Lê Văn Hai", "--organisation", "OLD")["id"]
    assert "two or more" in k.fails("org", "succeed", "OLD", "--into", "BA", "--split", "--on", "2025-03-01")
    assert "KIND:ID=NEW" in k.fails("org", "succeed", "OLD", "--into", "BA", "--into", "BB", "--split",
                                    "--on", "2025-03-01", "--move", "contact12")  # fmt: skip
    k("org", "succeed", "OLD", "--into", "BA", "--into", "BB", "--split", "--on", "2025-03-01",
      "--move", f"contact:{c2}=BB")  # fmt: skip
    assert k("contact", "show", str(c1))["record"]["organisation_id"] == a
    assert k("contact", "show", str(c2))["record"]["organisation_id"] == b


def test_post_add_assign_end_and_held(k: Ketnoi) -> None:
    k("org", "add", "--name", "Trung tâm Đổi mới sáng tạo Quốc gia", "--acronym", "NIC")
    k("contact", "add", "--name", "Nguyễn Văn An", "--organisation", "NIC")
    k("contact", "add", "--name", "Trần Thị Bình", "--organisation", "NIC")
    post = k("post", "add", "NIC", "Phó Giám đốc", "--rank", "2")
    assert post["rank"] == 2 and post["holder"] is None
    k("post", "assign", str(post["id"]), "Nguyễn Văn An", "--from", "01/01/2025", "--decision", "12/QĐ-BKHCN")
    shown = k("post", "assign", str(post["id"]), "Trần Thị Bình", "--from", "01/07/2026")
    assert shown["holder"]["name"] == "Trần Thị Bình"
    first = shown["holders"][1]
    assert (first["name"], first["to"], first["decision"]) == ("Nguyễn Văn An", "2026-06-30", "12/QĐ-BKHCN")
    held = k("post", "held", "Nguyễn Văn An")
    assert [(h["post"], h["from"], h["to"]) for h in held] == [("Phó Giám đốc", "2025-01-01", "2026-06-30")]
    listed = k("post", "list", "NIC")
    assert [p["holder"]["name"] for p in listed] == ["Trần Thị Bình"]
    ended = k("post", "end", str(post["id"]), "--on", "20/11/2026")
    assert ended["holder"] is None  # today (23/11/2026, the pinned clock) it is vacant
    assert "no holder" in k.fails("post", "end", str(post["id"]))
    assert "no post #99" in k.fails("post", "show", "99")
    assert "precedence" in k.fails("post", "add", "NIC", "Giám đốc", "--rank", "0")


def test_an_acting_post_held_one_day_ends_on_its_first_day_never_before(k: Ketnoi) -> None:
    """An acting post held for one day, or a holding entered by mistake, ends on the day it
    began; a day before it began was "no holder to end" (the holder was not yet in post),
    now the reason with the day it began."""
    k("org", "add", "--name", "Trung tâm Đổi mới sáng tạo Quốc gia", "--acronym", "NIC")
    k("contact", "add", "--name", "Nguyễn Văn An", "--organisation", "NIC")
    post = k("post", "add", "NIC", "Quyền Giám đốc")["id"]
    k("post", "assign", str(post), "Nguyễn Văn An", "--from", "01/12/2026")
    said = k.fails("post", "end", str(post), "--on", "30/11/2026")
    assert said == "ketnoi: The holding began on 01/12/2026; it cannot end before that.\n"
    ended = k("post", "end", str(post), "--on", "01/12/2026")
    assert [(h["from"], h["to"]) for h in ended["holders"]] == [("2026-12-01", "2026-12-01")]
    assert [(h["from"], h["to"]) for h in k("post", "held", "Nguyễn Văn An")] == [
        ("2026-12-01", "2026-12-01")
    ]
    k.capsys.readouterr()
    assert main(["history", "contact", "1", "--db", k.db]) == 0
    history = k.capsys.readouterr().out
    assert "Took up a post: Quyền Giám đốc, Trung tâm Đổi mới sáng tạo Quốc gia from 01/12/2026" in history
    assert "Left a post: Quyền Giám đốc, Trung tâm Đổi mới sáng tạo Quốc gia, last day 01/12/2026" in history


def test_post_assign_is_undone_by_ketnoi_undo(k: Ketnoi) -> None:
    k("org", "add", "--name", "Trung tâm Đổi mới sáng tạo Quốc gia", "--acronym", "NIC")
    k("contact", "add", "--name", "Nguyễn Văn An", "--organisation", "NIC")
    k("contact", "add", "--name", "Trần Thị Bình", "--organisation", "NIC")
    post = k("post", "add", "NIC", "Phó Giám đốc", "--rank", "2")["id"]
    k("post", "assign", str(post), "Nguyễn Văn An", "--from", "01/01/2025")
    done = k("post", "assign", str(post), "Trần Thị Bình", "--from", "01/07/2026")
    k.capsys.readouterr()
    assert main(["undo", done["group_id"], "--db", k.db]) == 0
    shown = k("post", "show", str(post))
    assert shown["holder"]["name"] == "Nguyễn Văn An" and shown["holder"]["to"] is None
    assert [h["name"] for h in shown["holders"]] == ["Nguyễn Văn An"]


def test_post_edit_and_remove_are_undone_by_ketnoi_undo(k: Ketnoi) -> None:
    k("org", "add", "--name", "Trung tâm Đổi mới sáng tạo Quốc gia", "--acronym", "NIC")
    k("contact", "add", "--name", "Nguyễn Văn An", "--organisation", "NIC")
    post = k("post", "add", "NIC", "Pho Giam doc", "--rank", "3")["id"]
    edited = k(
        "post", "edit", str(post), "--title", "Phó Giám đốc", "--rank", "2", "--title-en", "Deputy Director"
    )
    assert (edited["title"], edited["rank"], edited["changed"]) == (
        "Phó Giám đốc",
        2,
        ["rank", "title", "title_en"],
    )
    same = k("post", "edit", str(post), "--rank", "2")  # nothing changes: nothing written, no undo
    assert same["changed"] == [] and same["group_id"] == ""
    k.capsys.readouterr()
    assert main(["undo", edited["group_id"], "--db", k.db]) == 0
    back = k("post", "show", str(post))
    assert (back["title"], back["rank"]) == ("Pho Giam doc", 3)
    mistake = k("post", "add", "NIC", "Trưởng ban (nhập nhầm)")["id"]
    removed = k("post", "remove", str(mistake))
    assert removed["removed"] is True
    assert mistake not in [p["id"] for p in k("post", "list", "NIC")]
    assert "no post" in k.fails("post", "show", str(mistake))
    k.capsys.readouterr()
    assert main(["undo", removed["group_id"], "--db", k.db]) == 0
    assert mistake in [p["id"] for p in k("post", "list", "NIC")]
    # a post with a holder recorded keeps its role history: it is ended, not removed
    k("post", "assign", str(post), "Nguyễn Văn An", "--from", "01/01/2025")
    said = k.fails("post", "remove", str(post))
    assert "role history stays" in said and f"(ketnoi post end {post})" in said  # the CLI names its command
    assert "--title" in k.fails("post", "edit", str(post))
    assert "no post #99" in k.fails("post", "edit", "99", "--rank", "1")


def test_a_letter_to_a_post_is_drafted_to_the_holder_of_the_day(k: Ketnoi, tmp_path: Path) -> None:
    from docx import Document

    k("org", "add", "--name", "Bộ Khoa học và Công nghệ", "--acronym", "MOST")
    k("contact", "add", "--name", "Nguyễn Văn An", "--honorific", "Ông", "--organisation", "MOST")
    k("contact", "add", "--name", "Trần Thị Bình", "--honorific", "Bà", "--organisation", "MOST")
    post = k("post", "add", "MOST", "Vụ trưởng Vụ Hợp tác quốc tế", "--rank", "5")["id"]
    k("post", "assign", str(post), "Nguyễn Văn An", "--from", "01/01/2025")
    letter = k("letter", "add", "--subject", "Mời dự Hội thảo", "--post", str(post))["id"]

    def addressee(name: str) -> str:
        out = tmp_path / name
        k("letter", "draft", str(letter), "-o", str(out))
        doc = Document(str(out))
        texts = [p.text for p in doc.paragraphs]
        for table in doc.tables:
            texts += [p.text for cell in table._cells for p in cell.paragraphs]
        return next(t for t in texts if t.startswith("Kính gửi"))

    assert (
        addressee("a.docx")
        == "Kính gửi: Ông Nguyễn Văn An - Vụ trưởng Vụ Hợp tác quốc tế Bộ Khoa học và Công nghệ"
    )
    k("post", "assign", str(post), "Trần Thị Bình", "--from", "01/11/2026")
    assert (
        addressee("b.docx")
        == "Kính gửi: Bà Trần Thị Bình - Vụ trưởng Vụ Hợp tác quốc tế Bộ Khoa học và Công nghệ"
    )
    assert "post #99" in k.fails("letter", "add", "--subject", "X", "--post", "99")


def test_a_brief_addressed_to_a_post_is_about_its_holder(k: Ketnoi, tmp_path: Path) -> None:
    from pypdf import PdfReader

    k("org", "add", "--name", "Trung tâm Đổi mới sáng tạo Quốc gia", "--acronym", "NIC")
    k("contact", "add", "--name", "Nguyễn Văn An", "--organisation", "NIC")
    k("contact", "add", "--name", "Trần Thị Bình", "--organisation", "NIC")
    post = k("post", "add", "NIC", "Phó Giám đốc")["id"]
    assert "vacant" in k.fails("brief", "post", str(post), "-o", str(tmp_path / "none.pdf"))
    k("post", "assign", str(post), "Nguyễn Văn An", "--from", "01/01/2025")

    def brief(name: str) -> str:
        out = tmp_path / name
        k.capsys.readouterr()
        assert main(["brief", "post", str(post), "-o", str(out), "--db", k.db]) == 0
        return " ".join(p.extract_text() for p in PdfReader(str(out)).pages)

    assert "Contact brief: Nguyễn Văn An" in brief("a.pdf")
    k("post", "assign", str(post), "Trần Thị Bình", "--from", "01/11/2026")
    text = brief("b.pdf")
    assert "Contact brief: Trần Thị Bình" in text and "Contact brief: Nguyễn Văn An" not in text


def test_post_notes_of_several_lines_are_added_edited_shown_and_undone(k: Ketnoi) -> None:
    k("org", "add", "--name", "Trung tâm Đổi mới sáng tạo Quốc gia", "--acronym", "NIC")
    post = k("post", "add", "NIC", "Phó Giám đốc", "--notes", "Phụ trách hợp tác quốc tế")
    assert post["notes"] == "Phụ trách hợp tác quốc tế"
    edited = k("post", "edit", str(post["id"]), "--notes", "Gọi qua Văn phòng:\n  024 3943 1234  \n")
    assert edited["notes"] == "Gọi qua Văn phòng:\n024 3943 1234" and edited["changed"] == ["notes"]
    assert k("post", "show", str(post["id"]))["notes"] == "Gọi qua Văn phòng:\n024 3943 1234"
    assert [p["notes"] for p in k("post", "list", "NIC")] == ["Gọi qua Văn phòng:\n024 3943 1234"]
    k.capsys.readouterr()
    assert main(["post", "show", str(post["id"]), "--db", k.db]) == 0
    shown = k.capsys.readouterr().out
    assert "  | Gọi qua Văn phòng:\n  | 024 3943 1234\n" in shown
    assert main(["undo", edited["group_id"], "--db", k.db]) == 0
    assert k("post", "show", str(post["id"]))["notes"] == "Phụ trách hợp tác quốc tế"
    cleared = k("post", "edit", str(post["id"]), "--notes", "")
    assert cleared["notes"] == "" and cleared["changed"] == ["notes"]
    assert "--notes" in k.fails("post", "edit", str(post["id"]))  # the refusal names it
