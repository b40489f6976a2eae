"""The command line's words for a row of a record's history (``ketnoi history``, ``ketnoi
letter show``), in English or Vietnamese: the window's History says the same things in its own
translated words (:mod:`ui.history`).

Both languages name a field as the record's form does and a coded value by its word
("Status: Signed → Sent", "Trạng thái: Đã ký → Đã gửi"; reviewer: the English lines said
"last_contacted_on: — → 03/12/2026", "active: True → False"); posts and reorganisations say
what happened (:mod:`app.history_events`), not their stored dicts.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from app import history_events, value_labels

if TYPE_CHECKING:
    from app.history import HistoryEntry


def shown(value: Any, label: str | None = None) -> str:
    """A value as plain text for the command line (dates day first, lists joined, "—" empty)."""
    if label is not None:
        return label
    if value in (None, "", []):
        return "—"
    if isinstance(value, dt.datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, list):
        return ", ".join(str(x) for x in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={shown(x)}" for k, x in value.items() if x not in (None, "", []))
    return str(value)


def _shown_in(kind: str, field: str, value: Any, label: str | None, lang: str) -> str:
    """A field's value in ``lang``: the word of a code ("signed": "Signed" / "Đã ký"), yes or no,
    a country's name, else as :func:`shown` writes it."""
    if label is None and isinstance(value, bool):
        return str(value_labels.label_of(value_labels.ACTIVE, value, lang))
    if label is None and field == "country" and isinstance(value, str) and value:
        return value_labels.country_name(value, lang)
    if label is None and isinstance(value, (str, int)) and value != "":
        word = value_labels.label(kind, field, value, lang)
        if word != value:
            return str(word)
    return shown(value, label)


# code: (English, Vietnamese)
_WORDS: dict[str, tuple[str, str]] = {
    "create": ("Created", "Tạo mới"),
    "delete": ("Deleted", "Đã xoá"),
    "restore": ("Restored", "Đã khôi phục"),
    "undo": ("Undo", "Hoàn tác"),
    "undo_of": ("Undo: {what}", "Hoàn tác: {what}"),
    "redo_of": ("Redo: {what}", "Làm lại: {what}"),
    "redo": ("Redo", "Làm lại"),
    "purge": ("Removed for good (trash emptied)", "Đã xoá vĩnh viễn"),
    "merged_into": ("Merged into “{other}”", "Đã gộp vào “{other}”"),
    "merged_here": ("Merged “{other}” into this record", "Đã gộp “{other}” vào bản ghi này"),
    "merged_here_id": ("Merged #{id} “{other}” into this record", "Đã gộp #{id} “{other}” vào bản ghi này"),
    "merged_here_named": (
        "Merged #{id} “{other}” into this record, which took that name from it",
        "Đã gộp #{id} “{other}” vào bản ghi này; bản ghi này lấy tên đó từ #{id}",
    ),
    "moved": (" ({moved} moved)", " (đã chuyển {moved})"),
    "merge": (" (merge)", " (gộp)"),
    "import_of": (" (import of {file})", " (nhập từ {file})"),
    "import": (" (import)", " (nhập dữ liệu)"),
    "created_by_import_of": ("Created by the import of {file}", "Tạo khi nhập {file}"),
    "created_by_import": ("Created by an import", "Tạo khi nhập dữ liệu"),
    "undo_of_import_from": ("undo of import #{batch} from {file}", "hoàn tác lần nhập #{batch} từ {file}"),
    "undo_of_import": ("undo of import #{batch}", "hoàn tác lần nhập #{batch}"),
    "deleted_by": ("Deleted ({why})", "Đã xoá ({why})"),
}
# what a merge moved to the record kept (app.merge.REPOINT, MEMBERSHIP; app.reorg.move_on_merge)
_MOVED: dict[str, tuple[str, str]] = {
    "contacts": ("contacts", "liên hệ"),
    "actions": ("actions", "việc cần làm"),
    "children": ("departments", "tổ chức trực thuộc"),
    "meetings": ("meetings", "cuộc họp"),
    "attendance": ("meetings attended", "cuộc họp"),
    "posts": ("posts", "chức vụ"),
    "succeeded": ("reorganisations", "lần sắp xếp tổ chức"),
    "succeeds": ("reorganisations", "lần sắp xếp tổ chức"),
}


def _say(code: str, lang: str, **values: Any) -> str:
    return _WORDS[code][1 if lang == "vi" else 0].format(**values)


def _undo_of_import(entry: HistoryEntry, lang: str) -> str:
    """ "undo of import #3 from x.xlsx" ("hoàn tác lần nhập #3 từ …")."""
    if entry.batch_file:
        return _say("undo_of_import_from", lang, batch=entry.batch_id, file=entry.batch_file)
    return _say("undo_of_import", lang, batch=entry.batch_id)


def _moved(moved: dict[str, int], lang: str) -> str:
    """ "2 contacts, 1 reorganisations" in ``lang`` (one count for the kinds said alike)."""
    counts: dict[str, int] = {}
    for key, n in moved.items():
        pair = _MOVED.get(key, (key.replace("_", " "), key.replace("_", " ")))
        word = pair[1 if lang == "vi" else 0]
        counts[word] = counts.get(word, 0) + n
    return ", ".join(f"{n} {word}" for word, n in counts.items())


def describe(entry: HistoryEntry, lang: str = "en", kind: str = "") -> str:
    """One line saying what a row did, in the command line's words: English ("Status: Signed →
    Sent") or Vietnamese (``lang`` "vi": "Trạng thái: Đã ký → Đã gửi"), in the words of the
    window's History dialog and form labels; ``kind`` (the record's) names the words of its
    values (a letter's status, an action's)."""
    lang = "vi" if lang == "vi" else "en"
    if entry.event is not None:
        return history_events.said(entry.event, lang)
    if entry.op == "merge" and not entry.field:
        if entry.merged_into:
            return _say("merged_into", lang, other=entry.merged_with)
        moved = _moved(entry.moved, lang)
        said = (
            _say("merged_here", lang, other=entry.merged_with)
            if entry.merged_id is None
            else _say(
                "merged_here_named" if entry.took_name else "merged_here_id",
                lang,
                other=entry.merged_with,
                id=entry.merged_id,
            )
        )
        return said + (_say("moved", lang, moved=moved) if moved else "")
    if entry.field:
        name = value_labels.field_name(entry.field, lang)
        old = _shown_in(kind, entry.field, entry.old, entry.old_label, lang)
        new = _shown_in(kind, entry.field, entry.new, entry.new_label, lang)
        what = f"{name}: {old} → {new}"
        if entry.op == "merge":
            what += _say("merge", lang)
        elif entry.undid_import:
            what += f" ({_undo_of_import(entry, lang)})"
        elif entry.imported:
            what += (
                _say("import_of", lang, file=entry.batch_file) if entry.batch_file else _say("import", lang)
            )
        return what
    if entry.op == "create" and entry.batch_id is not None:
        if entry.batch_file:
            return _say("created_by_import_of", lang, file=entry.batch_file)
        return _say("created_by_import", lang)
    if entry.undid_import and entry.op == "delete":
        return _say("deleted_by", lang, why=_undo_of_import(entry, lang))
    if entry.op == "restore" and entry.imported:  # brought back by an import (app.importing.trashed)
        how = _say("import_of", lang, file=entry.batch_file) if entry.batch_file else _say("import", lang)
        return _say("restore", lang) + how
    if entry.op == "undo":  # an undo and a redo told apart, with what they worked on (reviewer h129)
        what = entry.step_of.get(lang, "")
        if what:
            return _say("redo_of" if entry.redo else "undo_of", lang, what=what)
        return _say("redo" if entry.redo else "undo", lang)
    if entry.op in _WORDS:
        return _say(entry.op, lang)
    return entry.op
