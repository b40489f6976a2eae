"""The Posts dialog's sentences (:mod:`ui.posts_dialog`): a refusal in the window's language
(each of :mod:`app.posts` carries its Vietnamese, shown when the window speaks Vietnamese), a
post or its notes changed meanwhile by whom and when (as the conflict dialog names them), why a
post cannot be removed."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication

from app import posts
from app.errors import UserError, ValidationError
from db import clock
from ui.context import AppContext
from ui.dialogs.conflict import saved_by
from ui.not_written import error_text
from ui.service_words import service_text


def tr(text: str) -> str:
    return QCoreApplication.translate("Posts", text)


def _field_words(names: Any) -> str:
    """A post's fields named in a sentence ("the name, notes of …")."""
    words = {"title": tr("name"), "title_en": tr("name in English"), "rank": tr("precedence"),
             "notes": tr("notes")}  # fmt: skip
    return ", ".join(words.get(n, n) for n in ("title", "title_en", "rank", "notes") if n in names)


def _who(ctx: AppContext, exc: posts.PostChanged) -> tuple[str | None, str]:
    """Who changed the post meanwhile and when, as the conflict dialog names them
    (:func:`ui.dialogs.conflict.saved_by`): a colleague by name (and login), "" for this person
    in another window or the command line, None when the history does not say."""
    saved = exc.saved
    who = saved_by(ctx, saved)
    when = ctx.fmt_datetime(clock.local(saved.at)) if saved is not None else ""
    return who, when


def message(ctx: AppContext, exc: BaseException) -> str:
    """A refusal in the window's language: a post changed meanwhile by whom and when; a refusal
    of :mod:`app.posts` in its Vietnamese (``vi``, the one ``ketnoi post`` prints) when the
    window speaks Vietnamese."""
    if isinstance(exc, posts.PostChanged):
        who, when = _who(ctx, exc)
        if who:
            text = tr(
                "%3 changed the %1 of “%2” at %4, after you began: nothing was saved. The list "
                "shows it as it is now; make your change again if it is still needed."
            )
        elif who == "":
            text = tr(
                "The %1 of “%2” was changed at %4 in another window or from the command line, after "
                "you began here: nothing was saved. The list shows it as it is now; make your change "
                "again if it is still needed."
            )
        else:
            text = tr(
                "Someone else changed the %1 of “%2” since you began: nothing was saved. The list "
                "shows it as it is now; make your change again if it is still needed."
            )
        values = {"1": _field_words(exc.current), "2": exc.title, "3": who or "", "4": when}
        return re.sub("%([1234])", lambda m: values[m.group(1)], text)  # one pass: a "%2" in a name stays
    if isinstance(exc, posts.PostHeld):  # (the command line's words name `ketnoi post end`)
        text = tr(
            "A holder of “%1” was recorded meanwhile: their role history stays, so the post "
            "cannot be removed. If they hold it now, choose End holding… in this window to end "
            "their holding instead."
        )
        return text.replace("%1", exc.title)
    if isinstance(exc, ValidationError):
        return "; ".join(
            f"{k}: {service_text(v)}" for k, v in exc.errors.items()
        )  # (a field's, in the window's words)
    if isinstance(exc, UserError):
        return error_text(exc)
    raise exc


def notes_changed(ctx: AppContext, exc: posts.PostChanged, theirs: str) -> str:
    """The notes saved on leaving the box were changed meanwhile: by whom and when, what they
    say now, and that what was typed is still in the box."""
    who, when = _who(ctx, exc)
    if who:
        text = tr(
            "%3 changed the notes of “%1” at %4, after you began: nothing was saved. Theirs now "
            "read: “%2”. Yours are still in the box: leave it again to save them over theirs, or "
            "press Esc in the box to take theirs."
        )
    elif who == "":
        text = tr(
            "The notes of “%1” were changed at %4 in another window or from the command line, after "
            "you began here: nothing was saved. They now read: “%2”. What you typed is still in the "
            "box: leave it again to save it over them, or press Esc in the box to take them."
        )
    else:
        text = tr(
            "Someone else changed the notes of “%1” since you began: nothing was saved. Theirs "
            "now read: “%2”. Yours are still in the box: leave it again to save them over "
            "theirs, or press Esc in the box to take theirs."
        )
    values = {"1": exc.title, "2": theirs, "3": who or "", "4": when}
    return re.sub("%([1234])", lambda m: values[m.group(1)], text)


def why_not_removed(row: posts.PostRow) -> str:
    """Why the post cannot be removed ("" when it can)."""
    n = len(row.holdings)
    if not n:
        return ""
    text = QCoreApplication.translate(
        "Posts",
        "“%1” has %Ln holder(s) recorded: their role history stays, so the post cannot be removed.",
        "",
        n,
    )
    return text.replace("%1", row.title)
