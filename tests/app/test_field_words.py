"""Every problem a field can have (``app.validation.FieldError``'s code) has its Vietnamese in
``app.field_words``: the window and the command line give it in the reader's language (the
window said '"31/02/2026" is not a date …' in English in a Vietnamese window)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from app import field_words
from app import validation as v
from app.field_words import WORDS

ROOT = Path(__file__).resolve().parents[2]


def _constants(node: ast.expr) -> set[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):  # "not_id_an" if … else "not_id"
        return _constants(node.body) | _constants(node.orelse)
    return set()


def _codes_raised() -> set[str]:
    """The codes the code raises: a ``FieldError(…)`` call's first argument, and the codes
    ``app.validation._email_reason`` gives the email library's reasons."""
    found: set[str] = set()
    for path in (ROOT / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args:
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                if name == "FieldError":
                    found |= _constants(node.args[0])
            if isinstance(node, ast.FunctionDef) and node.name == "_email_reason":
                found |= {
                    c.value
                    for c in ast.walk(node)
                    if isinstance(c, ast.Constant)
                    and isinstance(c.value, str)
                    and c.value.startswith("email_")
                }
    return found


def test_every_code_raised_is_in_the_table_with_its_vietnamese() -> None:
    raised = _codes_raised()
    assert {"not_date", "phone_invalid", "email_no_at", "not_choice", "not_id_an", "no_such_post"} <= raised
    assert raised <= set(WORDS), raised - set(WORDS)
    for code, (en, vi) in WORDS.items():
        assert vi and vi != en, code
        assert set(re.findall(r"\{(\w+)\}", en)) == set(re.findall(r"\{(\w+)\}", vi)), code


@pytest.mark.parametrize("code", sorted(WORDS))
def test_each_sentence_is_read_back_to_its_code_and_said_in_vietnamese(code: str) -> None:
    names = re.findall(r"\{(\w+)\}", WORDS[code][0])
    values = {name: f"x{n}y" for n, name in enumerate(names)}
    english = field_words.english(code, **values)
    assert field_words.read(english) == (code, values)
    assert field_words.say(english, "vi") == WORDS[code][1].format(**values)
    assert field_words.say(english, "en") == english


@pytest.mark.parametrize(
    ("typed", "vietnamese"),
    [
        ("khong-co-email", "“khong-co-email” không phải địa chỉ email hợp lệ (thiếu dấu @)"),
        ("@nic.gov.vn", "“@nic.gov.vn” không phải địa chỉ email hợp lệ (không có gì trước dấu @)"),
        ("an@", "“an@” không phải địa chỉ email hợp lệ (không có gì sau dấu @)"),
        (
            "an..nguyen@nic.gov.vn",
            "“an..nguyen@nic.gov.vn” không phải địa chỉ email hợp lệ (dấu chấm hoặc dấu gạch nối đặt sai chỗ)",
        ),
        (
            "an@nic",
            "“an@nic” không phải địa chỉ email hợp lệ (phần sau dấu @ không phải tên miền như example.com)",
        ),
        (
            "an@example.invalid",
            "“an@example.invalid” không phải địa chỉ email hợp lệ (phần sau dấu @ là tên dành riêng, không phải tên miền thật)",
        ),
    ],
)
def test_the_email_librarys_english_reason_is_said_in_our_words(typed: str, vietnamese: str) -> None:
    with pytest.raises(v.FieldError) as caught:
        v.email(typed)
    assert "@-sign" not in str(caught.value)  # the library's own English is not shown
    assert field_words.say(str(caught.value), "vi") == vietnamese


def test_a_field_error_survives_a_worker_process() -> None:
    import pickle

    error = pickle.loads(pickle.dumps(v.FieldError("not_date", text="31/02/2026")))
    assert (error.code, error.values, str(error)) == (
        "not_date",
        {"text": "31/02/2026"},
        '"31/02/2026" is not a date (expected day/month/year, e.g. 05/04/2025)',
    )
