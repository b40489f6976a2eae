"""Screenshots of Log meeting with a follow-up about another organisation (issue 16 item 4), in
English and Vietnamese at 1366×768: a meeting with MOST, an attendee from NIC (so NIC is
offered and linked), and "Issue introduction letter to Genetica" about Genetica, Lê Minh Châu
of Genetica responsible.

    ketnoi demo --db /tmp/demo.db
    python docs/screenshots/take_followup_counterpart.py /tmp/demo.db [OUT]

Writes followup-counterpart-<lang>.png into OUT (default: beside this file): the whole screen
when DISPLAY is set (Xvfb + a window manager), else the dialog alone (offscreen). The box of
organisations a follow-up can be about is shown open. Then the meeting is logged (the database
is changed: use a copy) and followup-genetica-page-<lang>.png shows Genetica's page with the
letter among its commitments and on its timeline.
"""

from __future__ import annotations

import sys
from pathlib import Path

from shots import HERE, close, first_staff, open_window, settle, snap, start_app


def main(db: str, out: Path) -> None:
    app = start_app()
    from sqlalchemy import text

    from app.meetings import Chosen
    from db.migrate import open_database
    from ui.dialogs.followups import OTHER
    from ui.dialogs.log_meeting import LogMeetingDialog

    engine = open_database(f"sqlite:///{Path(db).resolve()}")
    staff_id = first_staff(engine)
    with engine.connect() as c:
        org = dict(c.execute(text("SELECT name, id FROM organisation")).all())
        person = dict(c.execute(text("SELECT full_name, id FROM contact")).all())
    out.mkdir(parents=True, exist_ok=True)
    for language in ("en", "vi"):
        ctx, window = open_window(engine, language, staff_id=staff_id)
        settle(app, ctx)
        dialog = LogMeetingDialog(ctx, organisation_id=org["Bộ Khoa học và Công nghệ"], parent=window)
        dialog.title.setText("Làm việc với Bộ KH&CN về chương trình đổi mới sáng tạo")
        dialog.location.setText("113 Trần Duy Hưng, Hà Nội")
        dialog.attendees.add(Chosen(person["Đặng Văn Khoa"], "Đặng Văn Khoa"))
        dialog.minutes.setPlainText("MOST asks NIC to introduce Genetica to the programme board.")
        fu = dialog.followups
        fu.what.setText("Send the minutes to MOST")
        fu.add_current()
        fu.what.setText("Issue introduction letter to Genetica")
        fu.about.setCurrentIndex(fu.about.findData(OTHER))
        fu.add_organisation(org["Genetica"], "Genetica")
        fu.who.setCurrentIndex(fu.who.findData(f"contact:id:{person['Lê Minh Châu']}"))
        fu.direction.setCurrentIndex(fu.direction.findData("we_owe"))  # we write it, Châu receives it
        fu.add_current()
        fu.what.setText("Confirm the board's date")
        dialog.show()
        dialog.move(193, 40)
        dialog.raise_()
        dialog.activateWindow()
        settle(app, ctx)
        fu.about.showPopup()  # the choices: the meeting's, the attendee's (NIC), Genetica, any other
        settle(app, ctx)
        snap(app, dialog, out / f"followup-counterpart-{language}.png")
        fu.about.hidePopup()
        if language == "en":  # logged once; both languages show the page
            fu.what.clear()  # (text left in the field would be saved as one more follow-up)
            dialog.save()
            ctx.tasks.wait()
            settle(app, ctx)
        else:
            dialog._confirmed_discard = True
            dialog.reject()
        settle(app, ctx)
        window.navigate("organisation", org["Genetica"])
        settle(app, ctx)
        snap(app, window, out / f"followup-genetica-page-{language}.png")
        close(app, ctx, window)


if __name__ == "__main__":
    args = sys.argv[1:]
    main(args[0] if args else "demo.db", Path(args[1]) if len(args) > 1 else HERE)
