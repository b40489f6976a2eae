"""What the command line still said in English under LANG=vi_VN.UTF-8, and what it named
otherwise than the window (reviewer): ``ketnoi info``'s read-only reason, a refused
``ketnoi KIND restore``, and ``ketnoi import``'s change lines, which named a field by the import
template's column header ("Loại hình", "Ảnh hưởng (1-5)") where the window's forms and import
preview say "Loại", "Mức ảnh hưởng (1–5)". The command line in this process on real SQLite
files and a real workbook."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest

from db.migrate import HEAD_REVISION
from tests.app.importing.helpers import write_xlsx
from tests.cli.inproc import copy_of, demo_database, file_read_only, run_cli
from tests.db.test_read_only_copy import _at
from tests.read_only import read_only

VI, EN = "vi_VN.UTF-8", "en_GB.UTF-8"


def _run(db: Path, *args: str, lang: str = VI, code: int = 0) -> SimpleNamespace:
    done = run_cli(db, *args, lang=lang, env={"KETNOI_ACTOR": "Hoa"})
    assert done.returncode == code, (done.stdout, done.stderr)
    return done


def test_an_imports_changes_name_each_field_as_the_window_does(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _run(db, "org", "add", "--name", "ViSecurity", "--kind", "startup", "--influence", "2")
    _run(db, "meeting", "add", "--title", "Gặp ViSecurity", "--at", "2025-03-04 09:00", "--kind", "visit")
    book = write_xlsx(
        tmp_path / "cập nhật.xlsx",
        {
            "Tổ chức": [
                ["Tên đơn vị / Organisation", "Loại hình / Kind", "Ảnh hưởng (1-5) / Influence", "Thành phố"],
                ["ViSecurity", "Mạng lưới / hiệp hội", 4, "Đà Nẵng"],
            ],
            "Cuộc họp": [
                ["Tiêu đề / Title", "Bắt đầu / Starts", "Hình thức / Kind"],
                ["Gặp ViSecurity", "04/03/2025 09:00", "Cuộc họp"],
            ],
        },
    )
    said = _run(db, "import", str(book), "--dry-run").stdout
    # the window's form labels (app.value_labels.FIELDS, held to ui.labels.field_label)
    assert 'Loại: "Khởi nghiệp" → "Mạng lưới / hiệp hội"' in said, said
    assert "Mức ảnh hưởng (1–5): 2 → 4" in said, said
    assert 'Tỉnh/thành phố: ∅ → "Đà Nẵng"' in said, said
    assert 'Loại: "Chuyến thăm" → "Cuộc họp"' in said, said  # a meeting's kind too
    assert "Loại hình:" not in said and "Ảnh hưởng (1-5):" not in said and "Tỉnh/Thành phố:" not in said
    said = _run(db, "import", str(book), "--dry-run", lang=EN).stdout
    assert 'Kind: "Start-up" → "Network / association"' in said, said
    assert "Influence (1–5): 2 → 4" in said and 'City: ∅ → "Đà Nẵng"' in said, said
    assert 'Kind: "Visit" → "Meeting"' in said, said


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory)


def _shared(demo: Path, tmp_path: Path) -> Path:
    """A copy of the demo file alone in a folder of its own (to be made read-only)."""
    folder = tmp_path / "shared"
    folder.mkdir()
    return copy_of(demo, folder)


def test_a_read_only_database_says_why_in_vietnamese(demo: Path, tmp_path: Path) -> None:
    """``ketnoi info`` said "Mở ở chế độ chỉ đọc: the folder … is read-only for you", a refused
    write "Not changed: … is open read-only (…)", ``ketnoi backups`` its reason in English."""
    db = _shared(demo, tmp_path)
    with read_only(db.parent):
        info = _run(db, "info").stdout
        assert f"Mở ở chế độ chỉ đọc: thư mục {db.parent} chỉ cho phép bạn đọc\n" in info, info
        refused = _run(db, "org", "add", "--name", "Genetica 2", code=1).stderr
        assert refused == (
            f"ketnoi: Chưa thay đổi gì: {db} đang được mở ở chế độ chỉ đọc (thư mục {db.parent} chỉ "
            "cho phép bạn đọc). Để thay đổi, hãy sao chép tệp vào một thư mục bạn có quyền ghi rồi mở "
            "bản sao\n"
        )
        backup = _run(db, "backup", code=1).stderr
        assert backup.endswith(f"; ketnoi backup TỆP --db {db} ghi một bản sao vào TỆP\n"), backup
        listing = _run(db, "backups").stdout
        assert f"không thể tạo bản sao bên cạnh tệp này: thư mục {db.parent} chỉ cho phép bạn đọc." in listing
        for said in (info, refused, backup, listing):
            assert "read-only" not in said, said
        # English as it was
        info = _run(db, "info", lang=EN).stdout
        assert f"Opened read-only: the folder {db.parent} is read-only for you\n" in info
        assert _run(db, "org", "add", "--name", "Genetica 2", lang=EN, code=1).stderr.startswith(
            f"ketnoi: Not changed: {db} is open read-only (the folder {db.parent} is read-only for you). "
        )
    assert sorted(p.name for p in db.parent.iterdir()) == ["k.db"]


def test_a_read_only_file_is_named_in_vietnamese(demo: Path, tmp_path: Path) -> None:
    """Simulated, as tests/cli/test_read_only_database.py does: as root a chmod 0444 file stays
    writable, so ``os.access`` says what it says to an ordinary user for that file."""
    db = copy_of(demo, tmp_path)
    with file_read_only(db):
        assert f"Mở ở chế độ chỉ đọc: tệp {db} chỉ cho phép bạn đọc\n" in _run(db, "info").stdout
        assert _run(db, "org", "delete", "1", code=1).stderr.startswith(
            f"ketnoi: Chưa thay đổi gì: {db} đang được mở ở chế độ chỉ đọc (tệp {db} chỉ cho phép bạn đọc). "
        )


def test_a_newer_or_older_schema_is_refused_in_vietnamese(demo: Path, tmp_path: Path) -> None:
    newer = copy_of(demo, tmp_path)
    with sqlite3.connect(newer) as con:
        con.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    con.close()
    assert _run(newer, "info", code=1).stderr == (
        "ketnoi: Cơ sở dữ liệu này được ghi bởi một phiên bản Ketnoi mới hơn (lược đồ ffff9999); "
        "hãy cập nhật Ketnoi để mở nó.\n"
    )
    (tmp_path / "ro").mkdir()
    older = tmp_path / "ro" / "ketnoi.db"
    _at(older, "0013")  # (before the search indexes' rebuild: not read as it is)
    with read_only(older.parent):
        said = _run(older, "search", "x", code=1).stderr
    assert said.startswith(
        f"ketnoi: Không mở được {older} ở chế độ chỉ đọc: tệp có lược đồ 0013, cũ hơn lược đồ "
        f"{HEAD_REVISION} của Ketnoi này, và nâng cấp nó sẽ thay đổi tệp. "
    ), said


def test_a_refused_restore_says_why_in_vietnamese(tmp_path: Path) -> None:
    """``ketnoi org restore`` of an organisation whose name a live one now has said "Tổ chức #1
    không khôi phục được: a live organisation is called …"; the window's words now."""
    db = tmp_path / "k.db"
    _run(db, "org", "add", "--name", "Genetica")
    _run(db, "org", "delete", "1")
    _run(db, "org", "add", "--name", "Genetica")
    assert _run(db, "org", "restore", "1", code=1).stderr == (
        "ketnoi: Tổ chức #1 không khôi phục được: đã có một tổ chức khác mang tên “Genetica” (#2); "
        "hãy đổi tên hoặc gộp trước; chưa khôi phục gì\n"
    )
    assert _run(db, "org", "restore", "2", code=1).stderr == (
        "ketnoi: Tổ chức #2 không có trong thùng rác; chưa khôi phục gì\n"
    )
    assert _run(db, "org", "restore", "1", lang=EN, code=1).stderr == (
        'ketnoi: Organisation #1 cannot come back: a live organisation is called "Genetica" (id 2); '
        "rename or merge it first; nothing restored\n"
    )


def test_a_refused_form_names_its_fields_and_problems_in_vietnamese(tmp_path: Path) -> None:
    """``ketnoi org edit 1 --influence 9`` said "The organisation was not saved: influence: 9 is
    outside the scale 1 (low) to 5 (high)" under a Vietnamese locale: now each field by the
    window's label, each problem in the window's words where the window has them."""
    db = tmp_path / "k.db"
    _run(db, "org", "add", "--name", "Genetica")
    _run(db, "org", "add", "--name", "Viettel")

    def refused(*args: str) -> str:
        return _run(db, *args, code=1).stderr

    assert refused("org", "edit", "1", "--influence", "9") == (
        "ketnoi: Chưa lưu tổ chức: Mức ảnh hưởng (1–5): 9 nằm ngoài thang từ 1 (thấp) đến 5 (cao)\n"
    )
    assert refused("org", "edit", "1", "--parent", "1") == (
        "ketnoi: Chưa lưu tổ chức: Trực thuộc: một tổ chức không thể trực thuộc chính nó hoặc trực "
        "thuộc một đơn vị cấp dưới của nó\n"
    )
    assert refused("org", "edit", "2", "--name", "Genetica") == (
        "ketnoi: Chưa lưu tổ chức: Tên: “Genetica” đã có (mã 1)\n"
    )
    assert refused("contact", "add", "--name", "An", "--email", "an.nic", "--phone", "12") == (
        "ketnoi: Chưa lưu liên hệ: Email: “an.nic” không phải địa chỉ email hợp lệ (thiếu dấu @); "
        "Điện thoại: “12” "
        "không phải số điện thoại hợp lệ\n"
    )
    assert refused("action", "add", "--organisation", "1") == (
        "ketnoi: Chưa lưu việc cần làm: Tiêu đề: hãy ghi việc cần làm\n"
    )
    assert refused(
        "meeting", "add", "--title", "Họp", "--at", "2025-03-04 09:00", "--ends", "2025-03-03"
    ) == ("ketnoi: Chưa lưu cuộc họp: Kết thúc: cuộc họp kết thúc trước khi bắt đầu\n")
    assert _run(db, "org", "edit", "1", "--influence", "9", lang=EN, code=1).stderr == (
        "ketnoi: The organisation was not saved: influence: 9 is outside the scale 1 (low) to 5 (high)\n"
    )


def test_a_database_that_cannot_be_opened_is_said_in_vietnamese(tmp_path: Path) -> None:
    """What ``--db`` names and cannot be opened was said in English under a Vietnamese locale."""
    missing = tmp_path / "không-có.db"
    assert _run(missing, "info", code=1).stderr == (
        f"ketnoi: không có cơ sở dữ liệu nào ở {missing}; hãy chạy ketnoi demo hoặc cho một tệp đã có\n"
    )
    nowhere = tmp_path / "không-có" / "k.db"
    assert _run(nowhere, "org", "add", "--name", "NIC", code=1).stderr.startswith(
        f"ketnoi: không có thư mục {nowhere.parent} để đặt cơ sở dữ liệu; "
    )
    book = tmp_path / "danh-ba.xlsx"
    book.write_bytes(b"PK\x03\x04 not a database")
    assert _run(book, "info", code=1).stderr.startswith(
        f"ketnoi: {book} không phải là cơ sở dữ liệu Ketnoi (không phải tệp SQLite); không mở tệp này. "
    )
    empty = tmp_path / "trống.db"
    empty.touch()
    assert _run(empty, "info", code=1).stderr.startswith(
        f"ketnoi: {empty} trống (0 byte), không phải cơ sở dữ liệu Ketnoi; không mở tệp này. "
    )
    assert run_cli(None, "info", "--db", "mysql://máy/k", lang=VI).stderr == (
        "ketnoi: Ketnoi không dùng được loại địa chỉ cơ sở dữ liệu 'mysql'; hãy cho một tệp SQLite "
        "hoặc postgresql://…\n"
    )
    # a server that does not answer (nothing listens on port 1): the window's sentence, not the
    # driver's words (reviewer h130)
    said = run_cli(None, "info", "--db", "postgresql://hoa@127.0.0.1:1/ketnoi", lang=VI).stderr
    assert said == "ketnoi: Không kết nối được máy chủ cơ sở dữ liệu 127.0.0.1:1. Hãy thử lại khi có mạng.\n"


def test_a_locked_database_is_said_in_vietnamese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "k.db"
    _run(db, "org", "add", "--name", "Genetica")
    monkeypatch.setattr("db.engine.BUSY_TIMEOUT_S", 1)  # 10 s for people; the same path
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        said = _run(db, "org", "add", "--name", "NIC", code=1).stderr
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert said == (
        "ketnoi: Chưa lưu: một chương trình khác hoặc một cửa sổ Ketnoi khác đang giữ cơ sở dữ liệu "
        f"{db} (đã chờ 1 giây). Chưa có gì được lưu: hãy thử lại sau giây lát\n"
    )


def test_the_commands_refusals_are_said_in_vietnamese(demo: Path, tmp_path: Path) -> None:
    """A sweep of the commands' refusals under LANG=vi_VN.UTF-8, each of which said English."""
    db = copy_of(demo, tmp_path)

    def refused(*args: str) -> str:
        said = _run(db, *args, code=1).stderr
        assert said.startswith("ketnoi: ") and said.count("\n") == 1, said
        return said[len("ketnoi: ") : -1]

    assert refused("undo", "abc") == "Không có thay đổi nào mang mã abc để hoàn tác."
    group = _run(db, "action", "delete", "1").stdout.split("ketnoi undo ")[1].split(")")[0]
    _run(db, "undo", group)
    assert refused("undo", group) == "Thay đổi này đã được hoàn tác rồi."
    assert refused("merge", "contact", "1", "1") == "Không thể gộp một hồ sơ với chính nó."
    assert refused("action", "add", "--title", "Gửi thư", "--due", "mai") == (
        "không đọc được hạn 'mai' (hãy ghi 10/12/2026, 2026-12-10, +3 ngày, +3 ngày làm việc, +1 tuần, "
        "+1 tháng, ngày mai, thứ sáu tuần sau hoặc cuối tháng)"
    )
    assert refused("org", "edit", "1", "--set", "hạng=1").startswith(
        "tổ chức không có trường 'hạng'; các trường: "
    )
    assert refused("brief", "org", "999") == "Không tìm thấy tổ chức #999"
    assert refused("brief", "org", "Không có") == "Không có tổ chức nào khớp với “Không có”"
    assert refused("undo-import", "999") == "Không tìm thấy lần nhập #999."
    assert refused("attach", "contact", "1", str(tmp_path / "không-có.pdf")) == (
        f"không có tệp {tmp_path / 'không-có.pdf'}"
    )
    assert refused("backup", str(tmp_path)).startswith(
        f"{tmp_path} là một thư mục: hãy đặt tên tệp cho bản sao trong đó, ví dụ "
    )
    assert refused("restore", str(tmp_path / "không-có.db")) == (
        f"Chưa khôi phục: {tmp_path / 'không-có.db'} không tồn tại"
    )
    # the trash: empty, then emptied
    assert _run(db, "trash", "--empty").stdout == "Chưa có gì bị xoá.\n"
    _run(db, "contact", "delete", "2")
    assert refused("trash", "--empty", "--kind", "contact") == (
        "--empty xoá mọi hồ sơ trong thùng rác; không dùng kèm --kind hay từ khoá"
    )
    assert refused("trash", "--empty") == "lệnh này xoá vĩnh viễn 1 liên hệ; thêm --yes để thực hiện"
    assert _run(db, "trash", "--empty", "--yes").stdout == (
        "Đã xoá vĩnh viễn: 1 liên hệ (đã sao lưu trước khi xoá: ketnoi backups)\n"
    )
    # English as it was
    assert _run(db, "undo", "abc", lang=EN, code=1).stderr == "ketnoi: There is no change abc to undo.\n"
    assert _run(db, "brief", "org", "999", lang=EN, code=1).stderr == "ketnoi: No organisation with id 999\n"


def test_posts_reorganisations_and_a_likely_duplicate_are_said_in_vietnamese(
    demo: Path, tmp_path: Path
) -> None:
    """``ketnoi post``, ``org lineage`` and the duplicate warning of ``add`` printed English under
    a Vietnamese locale ("since", "precedence", "vacant", "looks like a duplicate of")."""
    db = copy_of(demo, tmp_path)
    listed = _run(db, "post", "list").stdout
    assert " từ 01/03/2025\n" in listed and " since " not in listed, listed
    added = _run(db, "post", "add", "2", "Giám đốc").stdout.splitlines()
    assert added[0] == "Chức vụ #3: Giám đốc, Trung tâm Đổi mới sáng tạo Quốc gia (thứ tự 100)"
    assert added[1].startswith("Hoàn tác: ketnoi undo ")
    assert _run(db, "post", "show", "3").stdout.endswith("  chưa ghi nhận người giữ chức vụ\n")
    assert _run(db, "post", "end", "3", code=1).stderr == (
        "ketnoi: chức vụ #3 không có ai đang giữ để kết thúc\n"
    )
    assert _run(db, "post", "edit", "3", "--rank", "0", code=1).stderr == (
        "ketnoi: Thứ tự của chức vụ là từ 1 (đứng đầu) đến 10000, không phải 0.\n"
    )
    assert _run(db, "org", "lineage", "19").stdout == (
        "hợp nhất vào Bộ Khoa học và Công nghệ từ ngày 01/03/2025\n"
    )
    assert _run(db, "org", "lineage", "3").stdout == (
        "trước đây là Bộ Thông tin và Truyền thông (hợp nhất từ ngày 01/03/2025)\n"
    )
    assert _run(db, "org", "succeed", "19", "--into", "3", "--on", "2025-03-01", code=1).stderr == (
        "ketnoi: Bộ Thông tin và Truyền thông đã hợp nhất vào Bộ Khoa học và Công nghệ từ ngày "
        "01/03/2025; hãy hoàn tác việc đó trước.\n"
    )
    warned = _run(db, "contact", "add", "--name", "Võ Thị Lan Anh").stderr.splitlines()
    assert warned[0] == "ketnoi: cảnh báo: liên hệ #21 “Võ Thị Lan Anh” có vẻ trùng với:", warned
    assert warned[1].endswith(": trùng họ tên (bỏ dấu))"), warned
    assert warned[2].startswith("  Để gộp vào #8: ketnoi merge contact 8 21 --dry-run "), warned
    assert _run(db, "search", "x", "--limit", "0", code=1).stderr == (
        "ketnoi: --limit là số kết quả cần hiện, từ 1 trở lên (không phải 0)\n"
    )
    # English as it was
    assert " since 01/03/2025\n" in _run(db, "post", "list", lang=EN).stdout


def test_working_days_are_said_in_vietnamese(tmp_path: Path) -> None:
    """``ketnoi holidays list`` marked each day "off public" and its refusals were English."""
    db = tmp_path / "k.db"
    _run(db, "org", "add", "--name", "NIC")
    listed = _run(db, "holidays", "list", "--year", "2026").stdout.splitlines()
    assert listed[0] == "01/01/2026 Thứ Năm   nghỉ Nhà nước Tết Dương lịch", listed
    assert _run(db, "holidays", "add", "24/12/2026").stdout == "24/12/2026: ngày nghỉ của cơ quan\n"
    assert "24/12/2026 Thứ Năm   nghỉ Cơ quan  " in _run(db, "holidays", "list", "--year", "2026").stdout
    assert _run(db, "holidays", "remove", "25/12/2026", code=1).stderr == (
        "ketnoi: cơ quan không có ngày riêng nào vào 25/12/2026 (không xoá được ngày lễ của Nhà nước)\n"
    )
    assert _run(db, "workdays", "mai", "3", code=1).stderr == (
        "ketnoi: không đọc được ngày 'mai' (hãy ghi 2026-12-10 hoặc 10/12/2026)\n"
    )
    assert _run(db, "workdays", "13/02/2026", "2").stdout.splitlines()[1] == (
        "  bỏ qua 16/02/2026: Giao thừa Tết Nguyên Đán"
    )
    assert _run(db, "holidays", "list", "--year", "2026", lang=EN).stdout.startswith(
        "01/01/2026 Thứ Năm   off  public Tết Dương lịch\n"
    )


def test_dedupe_share_and_the_lists_refusals_are_said_in_vietnamese(demo: Path, tmp_path: Path) -> None:
    db = copy_of(demo, tmp_path)
    _run(db, "contact", "add", "--name", "Võ Thị Lan Anh")
    found = _run(db, "dedupe", "--dry-run", "--kind", "contact").stdout.splitlines()
    assert found[:2] == ["liên hệ: 1 nhóm có vẻ trùng nhau", "  75%  trùng họ tên (bỏ dấu)"], found
    assert _run(db, "dedupe", "--kind", "contact").stdout.splitlines() == found  # it only lists
    assert _run(db, "share", "organisation", "1", code=1).stderr == (
        "ketnoi: hãy cho biết chia sẻ với ai: --with CÁN_BỘ (hoặc --remove CÁN_BỘ)\n"
    )
    assert _run(db, "org", "edit", "1", code=1).stderr.startswith("ketnoi: không có gì để thay đổi: ")
    assert (
        _run(db, "org", "list", "--limit", "0", code=1).stderr
        == "ketnoi: --limit từ 1 trở lên (không phải 0)\n"
    )
    assert _run(db, "action", "list", "--from", "mai", code=1).stderr == (
        "ketnoi: “mai” không phải ngày (hãy ghi ngày/tháng/năm, ví dụ 05/04/2025)\n"
    )
    assert _run(db, "dedupe", "--dry-run", "--kind", "contact", lang=EN).stdout.startswith(
        "contacts: 1 group of likely duplicates\n"
    )


def test_history_and_brief_refusals_are_said_in_vietnamese(demo: Path, tmp_path: Path) -> None:
    db = copy_of(demo, tmp_path)
    assert _run(db, "history", "letter", "số 3", code=1).stderr == (
        "ketnoi: ketnoi history letter: hãy ghi mã số (id) của công văn, không phải 'số 3'\n"
    )
    pdf = str(tmp_path / "tháng.pdf")
    assert _run(
        db, "brief", "digest", "--from", "2026-02-01", "--to", "2026-01-01", "-o", pdf, code=1
    ).stderr == ("ketnoi: --to sớm hơn --from\n")


def test_copy_db_says_its_lines_and_refusals_in_vietnamese(demo: Path, tmp_path: Path) -> None:
    """``ketnoi copy-db`` printed "Copying …", its table of "rows hashed … identical", "Copied …
    rows" and its merge's "added, matched existing ones" in English under a Vietnamese locale."""
    source = copy_of(demo, tmp_path)
    copy = tmp_path / "bản sao.db"
    lines = _run(source, "copy-db", "--from", str(source), "--to", str(copy)).stdout.splitlines()
    assert lines[0].startswith("Đang sao chép sqlite:///") and " → " in lines[0], lines[0]
    assert "  contact: 20 dòng" in lines, lines
    assert "bảng                       nguồn      đích  so khớp từng dòng" in lines, lines
    assert "contact                       20        20  giống hệt" in lines, lines
    assert lines[-1].startswith("Đã sao chép ") and lines[-1].endswith(" bảng; bản sao giống hệt nguồn."), (
        lines
    )
    assert not [line for line in lines if "rows" in line or "identical" in line or "Copied" in line]
    refused = _run(source, "copy-db", "--from", str(source), "--to", str(copy), code=1).stderr
    assert refused.startswith("ketnoi: cơ sở dữ liệu đích không trống: action (9), "), refused
    assert refused.endswith(
        "; hãy sao chép vào một cơ sở dữ liệu trống, hoặc thêm --merge để gộp tổ chức và liên hệ vào đó\n"
    )
    merged = _run(source, "copy-db", "--from", str(source), "--to", str(copy), "--merge").stdout.splitlines()
    assert merged[1:3] == [
        "  tổ chức: thêm 0, 19 khớp với tổ chức đã có",
        "  liên hệ: thêm 0, 20 khớp với liên hệ đã có",
    ]
    assert merged[3].startswith("  không gộp (copy-db chỉ gộp tổ chức và liên hệ): "), merged
    # English as it was
    english = _run(source, "copy-db", "--from", str(source), "--to", str(tmp_path / "en.db"), lang=EN).stdout
    assert "contact                       20        20  identical\n" in english, english
    assert "\nCopied " in english and " tables; the copy is identical to the source.\n" in english, english
