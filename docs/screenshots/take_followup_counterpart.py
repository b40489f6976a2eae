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

import os
import sys
import tempfile
import time
from pathlib import Path

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

HERE = Path(__file__).resolve().parent


def main(db: str, out: Path) -> None:
    app = QApplication(sys.argv[:1])
    app.setFont(QFont("Noto Sans", 10))
    from sqlalchemy import text

    from app.meetings import Chosen
    from db.migrate import open_database
    from ui import i18n
    from ui.context import AppContext
    from ui.dialogs.followups import OTHER
    from ui.dialogs.log_meeting import LogMeetingDialog
    from ui.main_window import MainWindow
    from ui.settings import Settings

    engine = open_database(f"sqlite:///{Path(db).resolve()}")
    with engine.connect() as c:
        staff_id = c.execute(text("SELECT min(id) FROM staff")).scalar()
        org = dict(c.execute(text("SELECT name, id FROM organisation")).all())
        person = dict(c.execute(text("SELECT full_name, id FROM contact")).all())
    out.mkdir(parents=True, exist_ok=True)
    for language in ("en", "vi"):
        i18n.install(app, language)
        settings = Settings(str(Path(tempfile.mkdtemp()) / "shots.ini"))
        settings.staff_id = staff_id
        ctx = AppContext(engine, settings)
        window = MainWindow(ctx)
        window.setGeometry(0, 0, 1366, 768)
        window.show()

        def settle(ctx: AppContext = ctx) -> None:
            for _ in range(10):  # the window manager maps and raises windows meanwhile
                app.processEvents()
                time.sleep(0.05)
            ctx.tasks.wait()
            app.processEvents()

        settle()
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
        settle()
        fu.about.showPopup()  # the choices: the meeting's, the attendee's (NIC), Genetica, any other
        settle()
        name = out / f"followup-counterpart-{language}.png"
        if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
            dialog.grab().save(str(name))
        else:
            app.primaryScreen().grabWindow(0).save(str(name))
        fu.about.hidePopup()
        if language == "en":  # logged once; both languages show the page
            fu.what.clear()  # (text left in the field would be saved as one more follow-up)
            dialog.save()
            ctx.tasks.wait()
            settle()
        else:
            dialog._confirmed_discard = True
            dialog.reject()
        settle()
        window.navigate("organisation", org["Genetica"])
        settle()
        page = out / f"followup-genetica-page-{language}.png"
        if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
            window.grab().save(str(page))
        else:
            app.primaryScreen().grabWindow(0).save(str(page))
        window.close()
        settle()
        window.deleteLater()
        settle()


if __name__ == "__main__":
    args = sys.argv[1:]
    main(args[0] if args else "demo.db", Path(args[1]) if len(args) > 1 else HERE)
