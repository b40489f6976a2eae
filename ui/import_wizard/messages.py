"""The import's messages worded in the window's language (``tr``), from their codes.

The services return :class:`~app.importing.messages.Message` (a code and parameters); this is
the window's wording of each code, translated like every other string of the window, so the
English window shows no Vietnamese and the Vietnamese window no English. A test keeps these
tables in step with :data:`app.importing.messages.TEMPLATES` and ``TERMS``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from app.importing.messages import (
    IDENTIFIERS,
    IN_THE_TRASH,
    YES_NO,
    Detail,
    EarlierRow,
    FieldChange,
    FieldName,
    Message,
    Term,
    country_shown,
    detail_text,
)
from ui import labels
from ui.labels import Formats, field_label
from ui.phones import phones_shown

_CACHE: dict[tuple[str, str], dict[str, str]] = {}


def _cached(name: str, build: Any) -> dict[str, str]:
    """The table for the language in use (a preview of 100k rows words each row from it)."""
    key = (name, QLocale().name())
    if key not in _CACHE:
        _CACHE[key] = build()
    return _CACHE[key]


def templates() -> dict[str, str]:
    return _cached("templates", _templates)


def terms() -> dict[str, str]:
    return _cached("terms", _terms)


def _templates() -> dict[str, str]:
    tr = QCoreApplication.translate
    return {
        "duplicate_of_row": tr("ImportMessage", "duplicate of row {other_row} (same {key})"),
        "merged_into_row": tr("ImportMessage", "added to row {other_row}: {changes}"),
        "row_keeps": tr("ImportMessage", "left as row {other_row} has it (this row differs): {changes}"),
        "already_exists": tr("ImportMessage", "already exists: #{id} (same {key})"),
        "matches_created_anyway": tr("ImportMessage", "matches #{id} (same {key}); created anyway"),
        "updates": tr("ImportMessage", "updates #{id}: {changes}"),
        "nothing_new": tr("ImportMessage", "#{id}: nothing new"),
        "fill_keeps": tr(
            "ImportMessage",
            'left as #{id} has it (the sheet differs): {changes}; "overwrite" would replace it',
        ),
        "attendee_not_found": tr("ImportMessage", 'attendee not found: "{name}"'),
        "attendee_namesakes": tr(
            "ImportMessage",
            '{count} contacts are called "{name}": linked to #{id}; write "Name <email>" to name another',
        ),
        "counterpart_not_found": tr(
            "ImportMessage", 'responsible (them) not found among the contacts: "{name}"'
        ),
        "meeting_not_found": tr("ImportMessage", 'meeting not found: "{name}"'),
        "logged_already_by_on": tr(
            "ImportMessage", "{by} already logged “{title}” with {shared} at {at} (#{id}, logged {when})"
        ),
        "logged_already_by": tr(
            "ImportMessage", "{by} already logged “{title}” with {shared} at {at} (#{id})"
        ),
        "logged_already": tr("ImportMessage", "“{title}” with {shared} at {at} is already logged (#{id})"),
        "successor_meeting": tr(
            "ImportMessage", "{old} became {new} on {since}: the meeting is filed under {new}"
        ),
        "successor_action": tr(
            "ImportMessage", "{old} became {new} on {since}: the action is filed under {new}"
        ),
        "successor_contact": tr(
            "ImportMessage", "{old} became {new} on {since}: the contact is filed under {new}"
        ),
        "successor_parent": tr(
            "ImportMessage", "{old} became {new} on {since}: the parent organisation is {new}"
        ),
        "successor_split": tr(
            "ImportMessage",
            "{old} was split into {names} on {since}: kept as {old}; write the one it was with",
        ),
        "creates_organisation": tr("ImportMessage", 'creates organisation "{name}"'),
        "creates_staff": tr("ImportMessage", 'creates staff member "{name}"'),
        "other_person_than_row": tr(
            "ImportMessage",
            "same name and organisation as row {other_row}, but no email or phone in common: imported as another person",
        ),
        "other_person_than_contact": tr(
            "ImportMessage",
            'same name and organisation as #{id} "{name}", but no email or phone in common: imported as another person',
        ),
        "same_in_the_trash": tr(
            "ImportMessage",
            'the same person is in the trash: #{id} "{name}" has the {key} {value}; restore it from the '
            "trash rather than import a second record?",
        ),
        "same_org_in_the_trash": tr(
            "ImportMessage",
            'the same organisation is in the trash: #{id} "{name}"; restore it from the trash rather than '
            "create a second one?",
        ),
        "same_action_in_the_trash": tr(
            "ImportMessage",
            'the same action is in the trash: #{id} "{name}"; restore it from the trash rather than '
            "create a second one?",
        ),
        "restores_from_trash": tr(
            "ImportMessage", 'brought back from the trash: #{id} "{name}", the same {key} {value}'
        ),
        "restores_record_from_trash": tr("ImportMessage", 'brought back from the trash: #{id} "{name}"'),
        "shares_detail_with_row": tr(
            "ImportMessage",
            'same {key} {value} as row {other_row} "{name}", but another name: imported as another person',
        ),
        "shares_detail_with_contact": tr(
            "ImportMessage",
            'same {key} {value} as #{id} "{name}", but another name: imported as another person',
        ),
        "likely_contact": tr(
            "ImportMessage",
            "probably {name} (#{id}), {why}: imported as a new contact; to update #{id} instead, write the "
            "name and organisation as #{id} has them, or merge the two after the import (Find duplicates)",
        ),
        "likely_row": tr(
            "ImportMessage",
            'probably the same person as row {other_row} "{name}", {why}: imported as another new contact; '
            "if it is, merge the two after the import (Find duplicates)",
        ),
        "likely_organisation": tr(
            "ImportMessage",
            'organisation "{typed}" is probably {name} (#{id}) spelt another way: it is created as a new '
            "organisation; to use #{id}, write its name as #{id} has it, or merge the two after the import "
            "(Find duplicates)",
        ),
        "required_empty": tr("ImportMessage", "required, but empty"),
        "two_people": tr(
            "ImportMessage", 'two people in one cell? ("{first}" and "{second}"): split them into two rows'
        ),
        "formula_no_result": tr(
            "ImportMessage",
            "a formula with no saved result: open the file in Excel and save it, then import again",
        ),
        "error_value": tr(
            "ImportMessage", "an error value {value}: correct the cell in the file, then import again"
        ),
        "unreadable_value": tr("ImportMessage", "unreadable value ({detail})"),
        "field_error": tr("ImportMessage", "{detail}"),
        "not_known_word": tr("ImportMessage", '"{value}" is not a known {what}'),
        "too_long": tr(
            "ImportMessage",
            "too long: {length} characters, where at most {most} fit; shorten it in the file and import "
            "it again (nothing was cut off)",
        ),
        "country_code": tr(
            "ImportMessage",
            '"{value}": not a country Ketnoi knows; write its name ("Việt Nam", "Singapore") or its 2-letter code (VN, SG)',
        ),
        "not_1_to_5": tr("ImportMessage", "{value} is not a number from 1 to 5"),
        "invalid_email": tr("ImportMessage", '"{value}" is not a valid email address'),
        "invalid_phone": tr("ImportMessage", '"{value}" is not a valid phone number'),
        "invalid_date": tr("ImportMessage", '"{value}" is not a date (day/month/year)'),
        "date_no_day": tr(
            "ImportMessage",
            "a time of day with no date ({value}): a date cell of 0 or less reads so (Excel shows it as 00/01/1900 or ####)",
        ),
        "date_no_day_left_out": tr(
            "ImportMessage",
            "a time of day with no date ({value}): a date cell of 0 or less reads so (Excel shows it as 00/01/1900 or ####); left out, with nothing to keep in the notes",
        ),
        "date_out_of_range": tr(
            "ImportMessage", '"{value}" is outside the dates Ketnoi keeps ({first} to {last})'
        ),
        "date_out_of_range_kept": tr(
            "ImportMessage",
            '"{value}" is outside the dates Ketnoi keeps ({first} to {last}); not applied, kept in the '
            "notes as typed",
        ),
        "phone_unverified": tr(
            "ImportMessage", 'phone "{value}" kept unverified: the right length, but not in a range known yet'
        ),
        "email_kept_in_notes": tr("ImportMessage", 'email "{value}" is not an address; kept in the notes'),
        "date_kept_as_typed": tr("ImportMessage", '"{value}" is not a date; kept in the notes as typed'),
        "value_kept_in_notes": tr("ImportMessage", '"{value}" kept in the notes'),
        "phone_scientific": tr(
            "ImportMessage",
            '"{value}" is written in scientific notation, so digits may be lost: kept in the notes; '
            "write the number in full",
        ),
        "not_a_time": tr("ImportMessage", '"{value}" is not a time of day'),
        "time_assumed": tr(
            "ImportMessage",
            "a day without a time: the meeting starts at 09:00 (change it on the meeting); one logged "
            "that day with the same organisation or person is taken as this one",
        ),
        "direction_defaulted": tr(
            "ImportMessage",
            '"{value}" does not say who owes it: kept in the notes, and the action is "We owe"; '
            'write "We owe" or "They owe" (or "Bên ta cần làm" / "Đối tác cần làm") in the cell',
        ),
        "status_defaulted": tr(
            "ImportMessage", '"{value}" is not a known status: kept in the notes, and the action is "Open"'
        ),
        "priority_defaulted": tr(
            "ImportMessage",
            '"{value}" is not a known priority: kept in the notes, and the action is "Normal"',
        ),
        "last_contact_ahead": tr(
            "ImportMessage", "{value} is after today ({today}): a last contact cannot be in the future"
        ),
        "last_contact_ahead_kept": tr(
            "ImportMessage",
            "{value} is after today ({today}): a last contact cannot be in the future; not applied, "
            "kept in the notes as typed",
        ),
        "done_dated_by_due": tr(
            "ImportMessage",
            "done, with no completion date: dated {date}, its due date; change it if it was done another day",
        ),
        "done_undated": tr(
            "ImportMessage",
            "done, with no completion date nor a past due date: left without one, so no period counts "
            "it as completed; enter the date it was done",
        ),
        "location_countries": tr(
            "ImportMessage",
            '"{value}" names more than one country ({countries}): Country left as VN; check it',
        ),
        "unit_not_person": tr("ImportMessage", '"{value}" is a department or office, not a person'),
        "unit_kept_in_notes": tr(
            "ImportMessage",
            '"{value}" is a department or office, not a person: no staff member made for it; kept in the notes',
        ),
        "checkbox_value": tr(
            "ImportMessage",
            "{value} is a yes/no (checkbox) value, not what this column should hold: the row is not "
            "imported; check that the column is mapped to the right field",
        ),
        "checkbox_left_out": tr(
            "ImportMessage",
            "{value} is a yes/no (checkbox) value, not what this column should hold: left out; check "
            "that the column is mapped to the right field",
        ),
        "date_unclear": tr(
            "ImportMessage",
            '"{value}" reads both ways (day/month or month/day), and this column has dates written '
            "both ways: write it with the month in words (4 March 2026) or as year-month-day "
            "(2026-03-04)",
        ),
        "date_unclear_kept": tr(
            "ImportMessage",
            '"{value}" reads both ways (day/month or month/day), and this column has dates written '
            "both ways, so it was not guessed: kept in the notes as typed; enter the date by hand",
        ),
        "date_not_a_month": tr(
            "ImportMessage",
            '"{value}": {month} is not a month, and the other dates in this column are written day '
            "first (day/month/year): check the date and write it day first",
        ),
        "date_not_a_month_kept": tr(
            "ImportMessage",
            '"{value}": {month} is not a month, and the other dates in this column are written day '
            "first (day/month/year): kept in the notes as typed; check the date and enter it by hand",
        ),
        "dates_month_first": tr(
            "ImportMessage",
            'column {header} writes its dates month first (row {example_row}: "{value}" can only be '
            "month/day/year), so every date in it was read as month/day/year",
        ),
        "dates_both_orders": tr(
            "ImportMessage",
            'column {header} has dates written day first (row {day_row}: "{day_value}") and month '
            'first (row {month_row}: "{month_value}"): a date that reads both ways, such as '
            "03/04/2026, was not guessed, and its row says so",
        ),
        "kind_staff_by_name": tr(
            "ImportMessage",
            'the sheet\'s name, "{sheet_name}", says staff, and no column names an organisation',
        ),
        "kind_staff_by_active": tr(
            "ImportMessage", "column {header} says who still works here, and no column names an organisation"
        ),
        "kind_staff_by_domains": tr(
            "ImportMessage",
            "column {header} names departments, no column names an organisation, and the emails are on "
            "your staff's domains ({domains})",
        ),
        "kind_staff_by_units": tr(
            "ImportMessage",
            "{units} of {values} values of column {header} are departments, with no organisation named "
            "({examples}): your own",
        ),
        "kind_contacts_by_name": tr("ImportMessage", 'the sheet\'s name, "{sheet_name}", says contacts'),
        "kind_contacts_by_organisation": tr(
            "ImportMessage", "column {header} names organisations ({examples}), not your own departments"
        ),
        "kind_contacts_by_column": tr(
            "ImportMessage", "column {header} names the organisation each person works for"
        ),
        "kind_contacts_by_department": tr(
            "ImportMessage",
            "column {header} names departments, but of one organisation, not necessarily yours: the sheet's "
            "name does not say staff and no email is on your staff's domains",
        ),
        "kind_contacts_by_contact_domains": tr(
            "ImportMessage",
            "column {header} names departments with no organisation, but the emails are on {domains}, where "
            "contacts of yours are: their departments, not yours",
        ),
        "kind_contacts_by_domains": tr(
            "ImportMessage",
            "column {header} names departments, but the emails are on {domains}, not on your staff's "
            "domains ({ours})",
        ),
        "columns_empty": tr(
            "ImportMessage",
            "no value in any row: {columns}; if they hold formulas, open the file in Excel and save "
            "it, so that their results are saved, then import it again",
        ),
        "columns_blank": tr("ImportMessage", "no value in any row: {columns}"),
        "new_sectors_only": tr("ImportMessage", "new sectors will be added: {names}"),
        "new_sectors": tr(
            "ImportMessage",
            "new sectors will be added: {names}; saved already under another name (as written → as saved): "
            "{pairs}: each would then be there twice: write it as saved, or rename the saved one first",
        ),
        "new_tags_only": tr("ImportMessage", "new tags will be added: {names}"),
        "new_tags": tr(
            "ImportMessage",
            "new tags will be added: {names}; saved already under another name (as written → as saved): "
            "{pairs}: each would then be there twice: write it as saved, or rename the saved one first",
        ),
        "columns_hidden": tr(
            "ImportMessage",
            "hidden in Excel, yet imported like the other columns: {columns}; if a hidden column "
            "holds old values, choose “not imported” for it in the mapping, or delete it from the file",
        ),
        "legacy_encoding": tr(
            "ImportMessage",
            'typed in the old {encoding} encoding, read as Unicode: {columns} (e.g. "{typed}" → "{read}")',
        ),
        "staff_columns_not_kept": tr(
            "ImportMessage",
            "not imported: {columns}: a staff member in Ketnoi has only a name, an email and whether "
            "they still work here",
        ),
        "hidden_row_imported": tr(
            "ImportMessage", "hidden in Excel (a hidden or filtered-out row): imported like the others"
        ),
        "hidden_row_left_out": tr(
            "ImportMessage", "hidden in Excel (a hidden or filtered-out row): left out, as asked"
        ),
        "section_organisation": tr(
            "ImportMessage",
            'section heading: organisation "{organisation}" given to the rows below it that name none: {rows}',
        ),
        "section_heading": tr(
            "ImportMessage",
            'section heading "{text}", not a person: left out; the rows below it keep their own organisation',
        ),
        "section_saved_as": tr(
            "ImportMessage",
            '"{text}" is the saved organisation {name} (#{id}), where its rows go',
        ),
        "numbering_row": tr("ImportMessage", 'row {number} numbers the columns ("{value}"): not imported'),
        "signatures_left_out": tr(
            "ImportMessage", "rows {rows}: the signatures below the list, not imported"
        ),
        "signature_left_out": tr("ImportMessage", "row {rows}: the signatures below the list, not imported"),
        "total_left_out": tr(
            "ImportMessage", 'row {rows}: a total below the list ("{value}"), not a person: not imported'
        ),
        "totals_left_out": tr(
            "ImportMessage", 'rows {rows}: totals below the list ("{value}"), not people: not imported'
        ),
        "unknown_kind": tr(
            "ImportMessage",
            '{file}, sheet "{sheet_name}": cannot tell what the sheet holds: choose contacts, organisations, meetings or actions',
        ),
        "nothing_mapped": tr("ImportMessage", '{file}, sheet "{sheet_name}": no column is mapped to a field'),
        "bad_on_match": tr("ImportMessage", "--on-match: {value}? ({choices})"),
        "no_sheets": tr("ImportMessage", "{file}: the workbook has no sheets"),
        "no_row_read": tr("ImportMessage", "{file}: no row could be read"),
        "file_password": tr(
            "ImportMessage",
            "{file}: the workbook is password-protected: remove the password and save it again",
        ),
        "file_password_or_not_spreadsheet": tr(
            "ImportMessage",
            "{file}: the workbook is password-protected or not a spreadsheet: remove the password and save it as .xlsx",
        ),
        "file_not_found": tr("ImportMessage", "File not found: {file}"),
        "file_is_folder": tr("ImportMessage", "{file} is a folder, not a file"),
        "file_not_ordinary": tr(
            "ImportMessage",
            "{file} is not an ordinary file (a pipe, a device or a socket): choose the file to import itself",
        ),
        "file_is_open_database": tr(
            "ImportMessage", "{file} is the Ketnoi database open in this program, not a spreadsheet to import"
        ),
        "file_no_access": tr(
            "ImportMessage",
            "Cannot read {file}: access is denied. If it is open in another program, close it there and try "
            "again, or import a copy of it",
        ),
        "file_empty": tr("ImportMessage", "{file}: the file is empty"),
        "file_damaged": tr("ImportMessage", "{file}: the workbook is damaged ({detail})"),
        "file_not_excel": tr("ImportMessage", "{file}: not an Excel workbook"),
        "file_unknown_format": tr(
            "ImportMessage",
            "{file}: not a file Ketnoi imports (.xlsx, .xlsm, .xls, .ods, .csv, .txt, .tsv or .vcf)",
        ),
        "csv_code_page": tr(
            "ImportMessage",
            'not UTF-8 text: read in {encoding}, e.g. row {example_row}: "{example}"; check that the names read right, '
            'and if they do not, save the file again in Excel as "CSV UTF-8" and import that',
        ),
        "file_not_as_named": tr(
            "ImportMessage",
            "{file}: the name ends in {suffix}, but the content is another kind of file (renamed?)",
        ),
        "file_named_as_other": tr(
            "ImportMessage",
            "{file} is {kind} named {suffix}: rename it to end in {expected} and import it again",
        ),
        "file_web_page": tr(
            "ImportMessage",
            "{file} is a web page (HTML or XML) named .xls: open it in Excel and save it as .xlsx",
        ),
        "file_zip_bomb": tr(
            "ImportMessage",
            "{file}: the workbook unpacks to {gb} GB from {mb} MB: not an ordinary spreadsheet, so it is not read",
        ),
        "file_unreadable": tr("ImportMessage", "{file}: cannot be read ({detail})"),
        "file_no_sheets": tr("ImportMessage", "{file}: the workbook has no worksheet"),
        "file_no_such_sheet": tr(
            "ImportMessage", '{file}: no sheet named "{sheet_name}" (there are: {names})'
        ),
        "sheet_too_large": tr(
            "ImportMessage",
            '{file}, sheet "{sheet_name}": the sheet is too large to be a contact list ({gb} GB of XML; Ketnoi reads sheets up to {most} GB)',
        ),
        "sheet_unreadable": tr("ImportMessage", '{file}, sheet "{sheet_name}": cannot be read ({detail})'),
        "file_not_text": tr("ImportMessage", "{file}: not a CSV text file (it holds binary data)"),
        "file_bad_csv": tr("ImportMessage", "{file}: malformed CSV ({detail})"),
        "sheet_cell_unreadable": tr(
            "ImportMessage",
            '{file}, sheet "{sheet_name}": cannot be read: cell {cell} holds a value Excel does not write '
            '("{value}"); correct it in Excel and save the file, then import it again',
        ),
        "sheet_read_other_way": tr(
            "ImportMessage",
            'cell {cell} holds a value Excel does not write ("{value}"), read as {read}; the rest of '
            "the sheet was read as usual: check that cell in the file",
        ),
        "sheet_read_other_way_somewhere": tr(
            "ImportMessage",
            "a cell holds a value Excel does not write ({detail}); the sheet was read another way: "
            "check its rows after the import",
        ),
        "sheet_row_unreadable": tr(
            "ImportMessage",
            '{file}, sheet "{sheet_name}", row {at}: cannot be read, the file is damaged there ({detail})',
        ),
        "file_strict_ooxml": tr(
            "ImportMessage",
            '{file}: saved as "Strict Open XML Spreadsheet", which Ketnoi cannot read: open it in Excel and save it as "Excel Workbook (.xlsx)"',
        ),
        "csv_unclosed_quote": tr(
            "ImportMessage",
            '{file}, row {at} (line {line}): a quote (") opens a cell that never closes, so the rest of the file would be read as that one cell; nothing was read: close the quote or remove it',
        ),
        "vcf_too_large": tr(
            "ImportMessage",
            "{file}: {mb} MB is too large for a contacts file (vCard; Ketnoi reads up to {most} MB)",
        ),
        "vcf_no_cards": tr("ImportMessage", "{file}: no contact card (BEGIN:VCARD … END:VCARD) in the file"),
        "sheet_empty": tr("ImportMessage", '{file}, sheet "{sheet_name}": the sheet is empty'),
        "vcf_unclosed": tr(
            "ImportMessage",
            "cards that never end (BEGIN:VCARD with no END:VCARD): {count}, the first at line {line}; "
            "they were not imported: export the contacts again, or add the missing END:VCARD lines",
        ),
        "vcf_empty_cards": tr(
            "ImportMessage",
            "cards with nothing to import (no name, e-mail or phone): {count}, the first is card {card}; "
            "they were not imported",
        ),
        "sheets_empty": tr("ImportMessage", "{file}: {count} sheets are empty ({sheet_name})"),
        "sheet_no_header": tr(
            "ImportMessage",
            '{file}, sheet "{sheet_name}": no header row (such as "Họ và tên", "Email") found in the first {rows} rows',
        ),
        "file_timeout": tr(
            "ImportMessage",
            "{file}: reading took more than {seconds} s and was stopped: not an ordinary spreadsheet",
        ),
        "file_child_died": tr(
            "ImportMessage",
            "{file}: the file is damaged or asks for more memory than a spreadsheet needs: it cannot be read",
        ),
        "cancelled": tr("ImportMessage", "Import cancelled; nothing was written."),
        "changed_since_preview": tr("ImportMessage", "{file} changed since the preview"),
        "already_undone": tr("ImportMessage", "import #{id} was already undone ({at})"),
        "batch_gone": tr(
            "ImportMessage",
            "import #{id} is no longer in this database: it was restored from a backup taken before "
            "this import. Nothing was changed",
        ),
        "batch_replaced": tr(
            "ImportMessage",
            "import #{id} is no longer in this database: it was restored from a backup taken before "
            "this import, and #{id} is now another import ({file}, {at}), left as it is. Nothing was changed",
        ),
        "undo_hidden": tr(
            "ImportMessage",
            "part of import #{id} touches records you may not see, so you cannot undo it: undoing only "
            "the rest would leave it half undone. Ask whoever made it, or a manager, to undo it. "
            "Nothing was changed",
        ),
        "undo_kept_edited": tr(
            "ImportMessage", '{entity} "{name}" (#{id}) was edited after the import; kept'
        ),
        "undo_kept_used": tr(
            "ImportMessage", '{entity} "{name}" (#{id}) is used by {user} "{user_name}" (#{user_id}); kept'
        ),
        "undo_kept_listed": tr(
            "ImportMessage",
            '{entity} "{name}" (#{id}) is listed by import #{batch} ({file}), which stands; kept',
        ),
        "undo_kept_for_kept": tr(
            "ImportMessage",
            '{entity} "{name}" (#{id}): {user} "{user_name}" (#{user_id}), which is kept, still refers to it; kept',
        ),
        "undo_field_kept": tr("ImportMessage", "{entity} #{id}: {field} was changed after the import; kept"),
        "undo_merged_since": tr(
            "ImportMessage",
            '{entity} "{name}" (#{id}) was merged into #{into_id} "{into_name}" on {at}, after the import: '
            "it stays merged, its data is in #{into_id}",
        ),
        "undo_merged_since_trashed": tr(
            "ImportMessage",
            '{entity} "{name}" (#{id}) was merged into #{into_id} "{into_name}" on {at}, after the import, '
            "and #{into_id} is in the trash: it stays merged",
        ),
        "undo_deleted_since": tr(
            "ImportMessage", '{entity} "{name}" (#{id}) was deleted after the import: left in the trash'
        ),
        "rematch_gone": tr(
            "ImportMessage",
            'the preview matched #{id}, which was deleted or merged since: "{name}" was imported as a new record',
        ),
        "rematch_other": tr(
            "ImportMessage",
            "the preview matched #{prev_id}; the database changed since, and it matched #{id}",
        ),
        "rematch_found": tr(
            "ImportMessage", "new in the preview; #{id} was added since, and it matched #{id}"
        ),
        "rematch_changed": tr(
            "ImportMessage", "its result differs from the preview's: the database changed since"
        ),
        "rematch_org_gone": tr(
            "ImportMessage",
            'the preview linked it to organisation #{id}, deleted or merged since: organisation "{name}" was created anew',
        ),
        "rematch_org_other": tr(
            "ImportMessage",
            "the preview linked it to organisation #{prev_id}; the database changed since, and it is linked to #{id}",
        ),
        "imported_since_preview_by": tr(
            "ImportMessage",
            '"{file}" was imported by {by} at {at} (import #{id}) after this preview was made; '
            "rows that now match the records it wrote were not created a second time: {rows}",
        ),
        "imported_since_preview": tr(
            "ImportMessage",
            '"{file}" was imported at {at} (import #{id}) after this preview was made; '
            "rows that now match the records it wrote were not created a second time: {rows}",
        ),
    }


def _terms() -> dict[str, str]:
    tr = QCoreApplication.translate
    return {
        "code_page_cp1258": tr("ImportTerm", "the Windows Vietnamese code page (Windows-1258)"),
        "code_page_cp1252": tr("ImportTerm", "the Windows Western code page (Windows-1252)"),
        "workbook_xlsx": tr("ImportTerm", "an Excel workbook (.xlsx)"),
        "workbook_xls": tr("ImportTerm", "an Excel 97-2003 workbook (.xls)"),
        "workbook_ods": tr("ImportTerm", "an OpenDocument spreadsheet (.ods)"),
        "email": tr("ImportTerm", "email"),
        "phone": tr("ImportTerm", "phone"),
        "name": tr("ImportTerm", "name and organisation"),
        "acronym": tr("ImportTerm", "acronym"),
        "alias": tr("ImportTerm", "alias"),
        "likely_other_order": tr("ImportTerm", "names in another order"),
        "likely_same_name": tr("ImportTerm", "the same name, one without an organisation"),
        "likely_other_accents": tr(
            "ImportTerm", "the same name with other accents, at the same organisation"
        ),
        "likely_family_given": tr(
            "ImportTerm", "the same family and given names, middle names not contradicting"
        ),
        "title": tr("ImportTerm", "title"),
        "kind": tr("ImportTerm", "kind"),
        "status": tr("ImportTerm", "status"),
        "direction": tr("ImportTerm", "direction"),
        "priority": tr("ImportTerm", "priority"),
        "contact": tr("ImportTerm", "contact"),
        "organisation": tr("ImportTerm", "organisation"),
        "meeting": tr("ImportTerm", "meeting"),
        "action": tr("ImportTerm", "action"),
        "staff": tr("ImportTerm", "staff member"),
        "letter": tr("ImportTerm", "letter"),
        "attachment": tr("ImportTerm", "attached file"),
        "staff_name": tr("ImportTerm", "name"),
        "logged": tr("ImportTerm", "time and organisation or attendee"),
        "confidential": tr("ImportTerm", "confidential mark (Yes, or blank)"),
    }


def where_words() -> tuple[str, str, str]:
    tr = QCoreApplication.translate
    return (
        tr("ImportMessage", 'sheet "%1"'),
        tr("ImportMessage", "row %1"),
        tr("ImportMessage", "column %1"),
    )


def param(value: Any) -> str:
    """A parameter as the window shows it: words translated, numbers in the window's locale."""
    if isinstance(value, Term):
        return terms().get(value.code, value.code)
    if isinstance(value, FieldName):
        return field_label(value.name)
    if isinstance(value, FieldChange):
        old, new = value.old, value.new
        if value.name == "phones":
            old, new = phones_shown(old), phones_shown(new)
        elif value.name == "country":  # "Việt Nam", not "VN"
            lang = "vi" if QLocale().language() == QLocale.Language.Vietnamese else "en"
            old, new = country_shown(old, lang), country_shown(new, lang)
        else:  # "Khởi nghiệp", not "startup" (app.importing.messages.change_values, in step)
            old, new = _coded(value, old), _coded(value, new)
        if IN_THE_TRASH in old + new:  # "FPT Corporation (FPT) (#6, in the trash)"
            mark = QCoreApplication.translate("ImportMessage", ", in the trash")
            old, new = old.replace(IN_THE_TRASH, mark), new.replace(IN_THE_TRASH, mark)
        return f"{field_label(value.name)}: {old or '∅'} → {new or '∅'}"
    if isinstance(value, EarlierRow):  # (an earlier sheet's row that writes the record: its place)
        return _place(value.sheet, value.row)
    if isinstance(value, Detail):  # (a library's reason: in Vietnamese where known)
        return detail_text(value, "vi" if QLocale().language() == QLocale.Language.Vietnamese else "en")
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return labels.number(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(param(v) for v in value)
    return "" if value is None else str(value)


_FORMATS: list[Formats] = []
"""The user's date format (the app's context), once a wizard is open: :func:`dates_as`."""


def dates_as(fmt: Formats) -> None:
    """Say the dates of an update's changes as ``fmt`` writes them (the chosen date format)."""
    _FORMATS[:] = [fmt]


_SHOWN_DAY = re.compile(r"(\d{2})/(\d{2})/(\d{4})( \d{2}:\d{2})?")  # (matching.shown_value's)
_DATE_FIELDS = ("_date", "_on", "_at")  # due_date, completed_on, last_contacted_on, starts_at


def _words() -> dict[tuple[str, str], Callable[[Any], str]]:
    return {
        ("organisation", "kind"): labels.organisation_kind,
        ("meeting", "kind"): labels.meeting_kind,
        ("action", "kind"): labels.action_kind,
        ("action", "direction"): labels.direction,
        ("action", "status"): labels.status,
        ("action", "priority"): lambda code: labels.priority(int(code)) if code.isdigit() else code,
    }


def _coded(change: FieldChange, shown: str) -> str:
    """One value of an update's change as the window shows it: a code by its word, yes/no in
    words, a day in the chosen format; any other value as the preview shows it."""
    tr = QCoreApplication.translate
    if shown in YES_NO:
        return '"' + (tr("HistoryModel", "Yes") if shown == YES_NO[0] else tr("HistoryModel", "No")) + '"'
    if _FORMATS and change.name.endswith(_DATE_FIELDS):
        day = _SHOWN_DAY.fullmatch(shown)
        if day:
            try:
                written = _FORMATS[0].fmt_date(dt.date(int(day[3]), int(day[2]), int(day[1])))
            except ValueError:
                return shown
            return written + (day[4] or "")
    word = _words().get((change.kind, change.name))
    if word is None or not shown:
        return shown
    code = shown[1:-1] if len(shown) > 1 and shown[0] == shown[-1] == '"' else shown
    worded = word(code)
    return f'"{worded}"' if worded != code else shown


def _place(sheet_name: str, row_number: int | None, column: str = "") -> str:
    """'sheet "X", row 12, column Email (C)' in the window's words — what of it is known."""
    sheet, row, col = where_words()
    parts = []
    if sheet_name:
        parts.append(sheet.replace("%1", sheet_name))
    if row_number is not None:
        parts.append(row.replace("%1", str(row_number)))
    if column:
        parts.append(col.replace("%1", column))
    return ", ".join(parts)


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def wording(message: Message, *, where: bool = False, column: bool = True) -> str:
    """``message`` in the window's language; ``where`` puts its sheet, row and column first,
    ``column`` (default) its column only, as a row's reasons are listed."""
    template = templates().get(message.code, message.code)
    if isinstance(message.params.get("id"), EarlierRow):
        template = template.replace("#{id}", "{id}")  # (a place, not a number)
    try:
        body = template.format_map(
            _Missing(
                {
                    k: str(v) if k in IDENTIFIERS and type(v) is int else param(v)
                    for k, v in message.params.items()
                }
            )
        )
    except (ValueError, IndexError):
        body = template
    if where:
        place = _place(message.sheet, message.row, message.column)
        return f"{place}: {body}" if place else body
    if column and message.column:
        return f"{message.column}: {body}"
    return body


def wordings(messages: Iterable[Message]) -> str:
    return "; ".join(wording(m) for m in messages)
