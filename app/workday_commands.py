"""``ketnoi workdays DATE N`` and ``ketnoi holidays list|add|remove``: the office's calendar.

    ketnoi workdays 13/02/2026 1          # 23/02/2026: the first working day after Tết 2026
    ketnoi workdays 2026-12-04 -3         # three working days before
    ketnoi holidays list --year 2027      # public holidays, make-up days and the office's own
    ketnoi holidays add 2026-12-24 --note "Tất niên"
    ketnoi holidays add 2027-02-20 --working --note "Làm bù cho 12/02"
    ketnoi holidays remove 2026-12-24

The rules are :mod:`app.workdays`'; public holidays come from the ``holidays`` package.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from app import dateranges, validation, workdays
from app.cli import CliContext, json_option
from app.cli_lines import refused
from app.language import cli_language
from db import clock
from db.engine import read_session, unit_of_work

_WEEKDAYS_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def _day(text: str, what: str = "date") -> dt.date:
    try:
        return validation.date(text)
    except ValueError as exc:
        if (out_of_range := dateranges.refusal(exc)) is not None:
            raise out_of_range from exc
        raise refused(
            f"cannot read the {what} {text!r} (use 2026-12-10 or 10/12/2026)",
            f"không đọc được ngày {text!r} (hãy ghi 2026-12-10 hoặc 10/12/2026)",
        ) from exc


def _vi() -> bool:
    return cli_language() == "vi"


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parents = [common, json_option()]
    p = sub.add_parser(
        "workdays",
        parents=parents,
        help="the date N working days after DATE (weekends, public holidays and office days skipped)",
    )
    p.add_argument("date", metavar="DATE", help="2026-12-10 or 10/12/2026")
    p.add_argument("n", metavar="N", type=int, help="working days to add (negative: before)")
    p.set_defaults(handler=cmd_workdays)

    p = sub.add_parser("holidays", parents=parents, help="public holidays and the office's own days")
    verbs = p.add_subparsers(dest="verb", required=True, metavar="list|add|remove")
    v = verbs.add_parser("list", parents=parents, help="holidays, make-up days and office days of a year")
    v.add_argument("--year", type=int, help="the year (default: this year)")
    v.set_defaults(handler=cmd_list)
    v = verbs.add_parser("add", parents=parents, help="an office day off, or with --working a make-up day")
    v.add_argument("date", metavar="DATE")
    v.add_argument("--working", action="store_true", help="a make-up working day (e.g. a Saturday)")
    v.add_argument("--note", default="", help="why (shown in lists and on the dashboard)")
    v.set_defaults(handler=cmd_add)
    v = verbs.add_parser("remove", parents=parents, help="drop the office's entry for a day")
    v.add_argument("date", metavar="DATE")
    v.set_defaults(handler=cmd_remove)


def cmd_workdays(args: argparse.Namespace, ctx: CliContext) -> int:
    start = _day(args.date)
    with read_session(ctx.engine()) as session:
        cal = workdays.load_calendar(session)
    result = cal.add(start, args.n)
    skipped = [
        {"date": d, "name": cal.holiday_name(d)}
        for d in (min(start, result) + dt.timedelta(days=i) for i in range(1, abs((result - start).days)))
        if cal.holiday_name(d)
    ]
    ctx.emit({"from": start, "working_days": args.n, "date": result, "holidays_skipped": skipped})
    ctx.out(f"{result:%d/%m/%Y} ({_WEEKDAYS_VI[result.weekday()]}) {result.isoformat()}")
    for item in skipped:
        ctx.out(f"  {'bỏ qua' if _vi() else 'skipped'} {item['date']:%d/%m/%Y}: {item['name']}")
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    year = args.year or clock.today().year
    if not 1901 <= year <= 2099:
        raise refused(
            f"--year {year}: give a year between 1901 and 2099",
            f"--year {year}: hãy ghi một năm từ 1901 đến 2099",
        )
    with read_session(ctx.engine()) as session:
        cal = workdays.load_calendar(session)
    rows = workdays.holidays_in(cal, [year])
    ctx.emit(
        {
            "year": year,
            "days": [{"date": d, "name": n, "working": w, "office": d in cal.office} for d, n, w in rows],
        }
    )
    vi = _vi()  # (the window's Working days dialog: "Nhà nước", "Cơ quan")
    for day, name, working in rows:
        if vi:
            mark = "làm " if working else "nghỉ"
            source = "Cơ quan" if day in cal.office else "Nhà nước"
            ctx.out(f"{day:%d/%m/%Y} {_WEEKDAYS_VI[day.weekday()]:<9} {mark} {source:<8} {name}")
            continue
        mark = "work" if working else "off "
        source = "office" if day in cal.office else "public"
        ctx.out(f"{day:%d/%m/%Y} {_WEEKDAYS_VI[day.weekday()]:<9} {mark} {source:<6} {name}")
    return 0


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    day = _day(args.date)
    with unit_of_work(ctx.engine()) as session:
        workdays.set_office_day(session, day, working=args.working, note=args.note, actor=ctx.actor())
    if _vi():
        kind = "ngày làm bù" if args.working else "ngày nghỉ của cơ quan"
    else:
        kind = "make-up working day" if args.working else "office day off"
    ctx.emit({"date": day, "working": args.working, "note": args.note})
    ctx.out(f"{day:%d/%m/%Y}: {kind}" + (f" ({args.note})" if args.note else ""))
    return 0


def cmd_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    day = _day(args.date)
    with unit_of_work(ctx.engine()) as session:
        removed = workdays.remove_office_day(session, day, actor=ctx.actor())
    if not removed:
        raise refused(
            f"the office has no entry for {day:%d/%m/%Y} (public holidays cannot be removed)",
            f"cơ quan không có ngày riêng nào vào {day:%d/%m/%Y} (không xoá được ngày lễ của Nhà nước)",
        )
    ctx.emit({"date": day, "removed": True})
    ctx.out(
        f"{day:%d/%m/%Y}: " + ("đã xoá ngày riêng của cơ quan" if _vi() else "the office's entry removed")
    )
    return 0
