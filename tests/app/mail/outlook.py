"""A real Outlook .msg file, written here for the tests: an OLE compound file (MS-CFB version 3)
holding the MAPI property streams Outlook writes (MS-OXMSG), so that extract-msg reads it
through the same path as a file saved from Outlook.

Only what a message needs is written: the message class, subject, sender, body, Message-ID,
the submit time, recipients and attachments, as Unicode strings and binary streams. Streams
under 4,096 bytes go into the mini stream, as the format requires.
"""

from __future__ import annotations

import datetime as dt
import struct
from dataclasses import dataclass, field

SECTOR = 512
MINI = 64
CUTOFF = 4096
FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF

PT_LONG, PT_SYSTIME, PT_UNICODE, PT_BINARY = 0x0003, 0x0040, 0x001F, 0x0102


@dataclass
class _Node:
    name: str
    kind: int  # 1 storage, 2 stream, 5 root
    data: bytes = b""
    children: list[_Node] = field(default_factory=list)
    sid: int = 0
    start: int = END
    size: int = 0


def _props(entries: list[tuple[int, int, bytes]], header: bytes) -> bytes:
    """A __properties_version1.0 stream: the header, then 16 bytes per property."""
    out = bytearray(header)
    for tag, ptype, value in entries:
        out += struct.pack("<II", (tag << 16) | ptype, 0x6) + value.ljust(8, b"\0")
    return bytes(out)


def _string_props(
    node: _Node, strings: dict[int, str], binaries: dict[int, bytes]
) -> list[tuple[int, int, bytes]]:
    entries = []
    for tag, text in strings.items():
        raw = text.encode("utf-16-le")
        node.children.append(_Node(f"__substg1.0_{tag:04X}{PT_UNICODE:04X}", 2, raw))
        entries.append((tag, PT_UNICODE, struct.pack("<II", len(raw) + 2, 0)))
    for tag, raw in binaries.items():
        node.children.append(_Node(f"__substg1.0_{tag:04X}{PT_BINARY:04X}", 2, raw))
        entries.append((tag, PT_BINARY, struct.pack("<II", len(raw), 0)))
    return entries


def msg_bytes(
    *,
    subject: str,
    sender_name: str,
    sender_email: str,
    to: list[tuple[str, str]],
    cc: list[tuple[str, str]] = (),  # type: ignore[assignment]
    body: str,
    message_id: str,
    sent: dt.datetime,
    attachments: list[tuple[str, bytes]] = (),  # type: ignore[assignment]
) -> bytes:
    root = _Node("Root Entry", 5)
    display_to = "; ".join(n for n, _ in to)
    display_cc = "; ".join(n for n, _ in cc)
    strings = {
        0x001A: "IPM.Note",
        0x0037: subject,
        0x0C1A: sender_name,
        0x0C1F: sender_email,
        0x0C1E: "SMTP",
        0x5D01: sender_email,
        0x0E04: display_to,
        0x0E03: display_cc,
        0x1000: body,
        0x1035: message_id,
    }
    entries = _string_props(root, strings, {})
    filetime = int((sent - dt.datetime(1601, 1, 1, tzinfo=dt.UTC)).total_seconds() * 10_000_000)
    entries.append((0x0039, PT_SYSTIME, struct.pack("<Q", filetime)))  # PR_CLIENT_SUBMIT_TIME
    entries.append((0x0E06, PT_SYSTIME, struct.pack("<Q", filetime)))  # PR_MESSAGE_DELIVERY_TIME
    recipients = [(n, e, 1) for n, e in to] + [(n, e, 2) for n, e in cc]
    for i, (name, email, rtype) in enumerate(recipients):
        r = _Node(f"__recip_version1.0_#{i:08X}", 1)
        rentries = _string_props(r, {0x3001: name, 0x3003: email, 0x39FE: email, 0x3002: "SMTP"}, {})
        rentries.append((0x0C15, PT_LONG, struct.pack("<I", rtype)))
        r.children.append(_Node("__properties_version1.0", 2, _props(rentries, bytes(8))))
        root.children.append(r)
    for i, (name, data) in enumerate(attachments):
        a = _Node(f"__attach_version1.0_#{i:08X}", 1)
        aentries = _string_props(a, {0x3707: name, 0x3704: name[:12], 0x3001: name}, {0x3701: data})
        aentries.append((0x3705, PT_LONG, struct.pack("<I", 1)))  # ATTACH_BY_VALUE
        a.children.append(_Node("__properties_version1.0", 2, _props(aentries, bytes(8))))
        root.children.append(a)
    nameid = _Node("__nameid_version1.0", 1)
    for tag in (0x0002, 0x0003, 0x0004):
        nameid.children.append(_Node(f"__substg1.0_{tag:04X}{PT_BINARY:04X}", 2, b""))
    root.children.append(nameid)
    header = struct.pack("<8xIIII8x", len(recipients), len(attachments), len(recipients), len(attachments))
    root.children.append(_Node("__properties_version1.0", 2, _props(entries, header)))
    return _cfb(root)


def _walk(node: _Node) -> list[_Node]:
    out = [node]
    for child in node.children:
        out += _walk(child)
    return out


def _cfb(root: _Node) -> bytes:
    """The compound file: header, FAT, directory, mini FAT, mini stream and big streams."""
    nodes = _walk(root)
    for i, n in enumerate(nodes):
        n.sid = i
    ministream = bytearray()
    minifat: list[int] = []
    big: list[_Node] = []
    for n in nodes:
        if n.kind != 2:
            continue
        n.size = len(n.data)
        if n.size == 0:
            n.start = END
        elif n.size < CUTOFF:
            first = len(ministream) // MINI
            count = -(-n.size // MINI)
            ministream += n.data.ljust(count * MINI, b"\0")
            minifat += [*range(first + 1, first + count), END]
            n.start = first
        else:
            big.append(n)
    sectors: list[bytes] = []
    fat: list[int] = []

    def put(data: bytes) -> int:
        if not data:
            return END
        first = len(sectors)
        count = -(-len(data) // SECTOR)
        for k in range(count):
            sectors.append(data[k * SECTOR : (k + 1) * SECTOR].ljust(SECTOR, b"\0"))
        fat.extend([*range(first + 1, first + count), END])
        return first

    for n in big:
        n.start = put(n.data)
    root.start, root.size = put(bytes(ministream)), len(ministream)
    minifat_bytes = b"".join(struct.pack("<I", x) for x in minifat)
    minifat_start = put(minifat_bytes.ljust(-(-len(minifat_bytes) // SECTOR) * SECTOR, b"\xff"))
    minifat_count = -(-len(minifat_bytes) // SECTOR)
    right = {a.sid: b.sid for node in nodes for a, b in zip(node.children, node.children[1:], strict=False)}
    directory = b"".join(_entry(n, right) for n in nodes)
    directory = directory.ljust(-(-len(directory) // SECTOR) * SECTOR, b"\0")
    dir_start = put(directory)
    # FAT sectors describe every sector, themselves included.
    n_fat = 1
    while (len(sectors) + n_fat) * 4 > n_fat * SECTOR:
        n_fat += 1
    fat_start = len(sectors)
    fat += [FATSECT] * n_fat
    fat_bytes = b"".join(struct.pack("<I", x) for x in fat).ljust(n_fat * SECTOR, b"\xff")
    for k in range(n_fat):
        sectors.append(fat_bytes[k * SECTOR : (k + 1) * SECTOR])
    difat = [fat_start + k for k in range(n_fat)] + [FREE] * (109 - n_fat)
    head = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        bytes(16),
        0x003E,
        0x0003,
        0xFFFE,
        9,
        6,
        bytes(6),
        0,
        n_fat,
        dir_start,
        0,
        CUTOFF,
        minifat_start if minifat else END,
        minifat_count,
        END,
        0,
    ) + b"".join(struct.pack("<I", x) for x in difat)
    return head + b"".join(sectors)


def _entry(n: _Node, right: dict[int, int]) -> bytes:
    name = n.name.encode("utf-16-le") + b"\0\0"
    # Siblings as a chain to the right (all black): a valid tree for readers, if not balanced.
    child = n.children[0].sid if n.children else NOSTREAM
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        name.ljust(64, b"\0"),
        len(name),
        n.kind,
        1,
        NOSTREAM,
        right.get(n.sid, NOSTREAM),
        child,
        bytes(16),
        0,
        0,
        0,
        n.start if n.kind != 1 else 0,
        n.size,
    )
