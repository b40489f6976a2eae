"""``ketnoi undo-import`` on a team database refuses, in English and Vietnamese, the undo of an
import that touched a record the login may not see, and ``ketnoi import-history`` lists that
import as one they cannot undo (reviewer h139: Minh's import updated 4 contacts, the manager
made one confidential, ``ketnoi undo-import 1`` put back 3, left the fourth with the import's
position and marked the import undone for everyone). The manager undoes it whole. Real login
roles on a real PostgreSQL server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.db.hidden_import import PEOPLE, SECRET, add_people, live_positions, make_confidential, update_book
from tests.db.test_team import Team, ready, server, team  # noqa: F401  (module fixtures)


def test_undo_import_refuses_an_import_part_of_which_is_hidden_from_the_officer(
    ready: Team,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = add_people(ready)
    code, out, err = ready.cli("minh", "import", str(update_book(tmp_path)), "--lang", "en")
    assert code == 0, err
    assert "4 updated" in out
    batch = int(json.loads(ready.cli("minh", "import-history", "--json")[1])[0]["id"])
    make_confidential(ready, "contact", ids[3])

    code, out, err = ready.cli("minh", "undo-import", str(batch), "--lang", "en")
    assert code == 1
    assert err.strip() == (
        f"ketnoi: part of import #{batch} touches records you may not see, so you cannot undo it: undoing "
        "only the rest would leave it half undone. Ask whoever made it, or a manager, to undo it. "
        "Nothing was changed"
    )
    assert SECRET not in out + err
    code, out, err = ready.cli("minh", "undo-import", str(batch), "--lang", "vi")
    assert code == 1
    assert f"một phần của lần nhập #{batch} liên quan đến hồ sơ bạn không được xem" in err
    assert "Không có gì bị thay đổi" in err
    with monkeypatch.context() as vi:  # the window's language, as ketnoi undo reads it
        vi.setenv("LC_ALL", "vi_VN.UTF-8")
        code, _out, err = ready.cli("minh", "undo-import", str(batch))
    assert code == 1 and "không được xem" in err
    code, _out, err = ready.cli("minh", "undo-import", str(batch), "--dry-run", "--lang", "en")
    assert code == 1 and "may not see" in err  # nor counted as if it could be undone

    code, out, _err = ready.cli("minh", "import-history", "--lang", "en")
    assert "cannot be undone by you: part of it is hidden from you" in out
    code, out, _err = ready.cli("minh", "import-history", "--lang", "vi")
    assert "bạn không thể hoàn tác: một phần bị ẩn với bạn" in out
    assert json.loads(ready.cli("minh", "import-history", "--json")[1])[0]["hidden"] is True

    # nothing was undone: every contact keeps the import's position, the import stands
    assert live_positions(ready) == dict.fromkeys(PEOPLE, "Chuyên viên")
    code, out, _err = ready.cli("hoa", "import-history", "--lang", "en")
    assert "can be undone" in out and "cannot" not in out

    code, out, err = ready.cli("hoa", "undo-import", str(batch), "--lang", "en")  # the manager: whole
    assert code == 0, err
    assert "put back 4 fields on 4 contacts" in out
    assert live_positions(ready) == dict.fromkeys(PEOPLE, "")
