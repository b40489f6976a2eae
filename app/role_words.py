"""The team's role and permission sentences in the CLI's language.

The services refuse in English (``app/`` has no Qt translations): a share only the record's
owner or a manager may make, a change the database login may not make, a team command on a
database not set up for a team, an administrator's command on a login it must not touch. The
window says the same refusals in Vietnamese with its ``tr()`` (``ui/context.py``,
``ui/team.py``); the CLI said them in English whatever the locale (reviewer). :func:`in_language`
gives each known sentence its Vietnamese for the CLI (``--lang vi`` or a Vietnamese locale,
:func:`app.language.cli_language`), with the same words as the window (owner: *cán bộ
phụ trách*, manager: *lãnh đạo*). A sentence not listed is kept as written. A refusal by the
server is said without the server's own words ("permission denied for table organisation"), as
what was refused: "may not change organisations" (db.engine.not_permitted).
"""

from __future__ import annotations

import re

from db import kinds

# The record kinds a share names, in Vietnamese (as the import's messages say them).
_KINDS = {"organisation": "tổ chức", "contact": "liên hệ", "meeting": "cuộc họp", "action": "việc"}
# Records of a kind a refusal names ("may not change organisations"), in Vietnamese.
_PLURALS = {info.plural: info.noun_vi for info in kinds.KINDS.values()}

# (the English sentence as a pattern, its Vietnamese with {1}, {2}… for the groups)
PATTERNS: tuple[tuple[str, str], ...] = (
    (
        r"Not shared: only its owner \((.+)\) or a manager can share (?P<kind>\w+) #(\d+) with colleagues — ask them to",
        "Chưa chia sẻ: chỉ cán bộ phụ trách ({1}) hoặc lãnh đạo mới chia sẻ được {2} #{3} với đồng "
        "nghiệp — hãy nhờ họ chia sẻ",
    ),
    (
        r"Not shared: only its owner or a manager can share (?P<kind>\w+) #(\d+) with colleagues — ask them to",
        "Chưa chia sẻ: chỉ cán bộ phụ trách hoặc lãnh đạo mới chia sẻ được {1} #{2} với đồng nghiệp — "
        "hãy nhờ họ chia sẻ",
    ),
    (
        r"Not saved: the change would leave a confidential record that (.+) may not see \(its owner, "
        r"the staff on it or a manager can do it\)",
        "Chưa lưu: thay đổi này sẽ để lại một hồ sơ mật mà tài khoản {1} không được xem (cán bộ phụ "
        "trách, cán bộ tham gia hoặc lãnh đạo có thể thực hiện)",
    ),
    (
        r"Not allowed: the database login (.+) may not change (?P<plural>[\w ]+) in this database; "
        r"nothing was saved",
        "Không được phép: tài khoản cơ sở dữ liệu {1} không được thay đổi hồ sơ {2} trong cơ sở dữ "
        "liệu này; chưa có gì được lưu",
    ),
    (
        r"Not allowed: the database login (.+) may not make this change; nothing was saved",
        "Không được phép: tài khoản cơ sở dữ liệu {1} không được thực hiện thay đổi này; chưa có gì được lưu",
    ),
    (
        r"only (.+) records can be shared, not '(.+)'",
        "chỉ chia sẻ được hồ sơ loại {1}, không chia sẻ được '{2}'",
    ),
    (
        r"this database is not set up for a team: run ketnoi admin init first \(as its owner\)",
        "cơ sở dữ liệu này chưa được thiết lập cho làm việc nhóm: hãy chạy ketnoi admin init trước "
        "(bằng tài khoản chủ sở hữu cơ sở dữ liệu)",
    ),
    (
        r"team roles need a PostgreSQL database: copy this file into one with ketnoi copy-db "
        r"--from FILE --to postgresql://…, then run ketnoi admin init there",
        "vai trò nhóm cần một cơ sở dữ liệu PostgreSQL: hãy chép tệp này sang đó bằng ketnoi copy-db "
        "--from FILE --to postgresql://…, rồi chạy ketnoi admin init ở đó",
    ),
    (
        r"ketnoi admin init must run as the database's owner: (?P<refusal>.+)",
        "ketnoi admin init phải chạy bằng tài khoản chủ sở hữu cơ sở dữ liệu: {1}",
    ),
    (
        r"run ketnoi admin init as the database's owner \((.+)\), not (.+)",
        "hãy chạy ketnoi admin init bằng tài khoản chủ sở hữu cơ sở dữ liệu ({1}), không phải {2}",
    ),
    (
        r"the role (.+) cannot create roles; give it CREATEROLE \(ALTER ROLE (.+) CREATEROLE\)",
        "tài khoản {1} không tạo được vai trò: hãy cấp quyền CREATEROLE cho nó (ALTER ROLE {2} CREATEROLE)",
    ),
    (
        r"'(.+)' is one of Ketnoi's group roles, not a person's login: ([\w-]+) takes a person's "
        r"login \(ketnoi admin list-users lists them\); nothing was changed",
        "'{1}' là một vai trò nhóm của Ketnoi, không phải tài khoản của một người: {2} cần tài khoản "
        "của một người (ketnoi admin list-users liệt kê các tài khoản); chưa có gì thay đổi",
    ),
    (
        r"login '(.+)' is a superuser of the server: it sees every record and Ketnoi's roles do not "
        r"bind it, so ([\w-]+) does not change it; nothing was changed",
        "tài khoản '{1}' là siêu người dùng (superuser) của máy chủ: tài khoản này xem được mọi hồ sơ "
        "và vai trò của Ketnoi không ràng buộc nó, nên {2} không thay đổi nó; chưa có gì thay đổi",
    ),
    (
        r"login '(.+)' owns this database: it set up the team and sees every record whatever its "
        r"role, so ([\w-]+) does not change it; nothing was changed",
        "tài khoản '{1}' là chủ sở hữu cơ sở dữ liệu này: tài khoản này đã thiết lập nhóm và xem được "
        "mọi hồ sơ dù có vai trò nào, nên {2} không thay đổi nó; chưa có gì thay đổi",
    ),
    (
        r"login '(.+)' is your own: another administrator must run ([\w-]+) for it; nothing was changed",
        "tài khoản '{1}' là của chính bạn: một quản trị viên khác phải chạy {2} cho tài khoản này; "
        "chưa có gì thay đổi",
    ),
    (
        r"login '(.+)' is disabled or has no Ketnoi role: ketnoi admin add-user (.+) --role (\w+) "
        r"--name … gives it one \(with a password\)",
        "tài khoản '{1}' đã bị vô hiệu hóa hoặc chưa có vai trò trong Ketnoi: ketnoi admin add-user "
        "{2} --role {3} --name … cấp lại vai trò (kèm mật khẩu)",
    ),
    (
        r"no login '(.+)' on this server: ketnoi admin add-user (.+) --role (\w+) …",
        "máy chủ không có tài khoản '{1}': ketnoi admin add-user {2} --role {3} …",
    ),
    (r"no login '(.+)' on this server", "máy chủ không có tài khoản '{1}'"),
    (r"role '(\w+)': one of (.+)", "vai trò '{1}': phải là một trong {2}"),
)


def in_language(message: str, lang: str) -> str:
    """``message`` (a service's sentence) in ``lang`` ("en" or "vi") where it is known."""
    if lang != "vi":
        return message
    text = message.strip()
    for pattern, vietnamese in PATTERNS:
        found = re.fullmatch(pattern, text, flags=re.DOTALL)
        if found:
            out = vietnamese
            names = {i: name for name, i in found.re.groupindex.items()}
            for i, value in enumerate(found.groups(), 1):
                said = value
                if names.get(i) == "kind":  # a record kind, in its Vietnamese
                    said = _KINDS.get(value, value)
                elif names.get(i) == "plural":  # records of a kind ("organisations")
                    said = _PLURALS.get(value, value)
                elif names.get(i) == "refusal":  # a refusal quoted inside this one
                    said = in_language(value, lang)
                out = out.replace(f"{{{i}}}", said)
            return out
    return message
