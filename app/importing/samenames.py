"""A new sector or tag that names one already saved under another name: "Quantum" in a sheet,
"Lượng tử" saved; "Cyber-security" and "Cybersecurity"; "Semiconductor" and "Semiconductors".

The import says so before it adds the new one beside the saved one (reviewer h95: 13
organisations had both "Quantum" and "Lượng tử"), naming the pair (reviewer h117: an empty
database was told that one "already saved under another name (“Quantum” for “Lượng tử”)" would
then be there twice, an example written into the message whatever was saved). Two names are the
same when they are written alike but for spaces, punctuation and a plural "s", or when the
glossary below has both (the sectors an innovation centre names, in English and Vietnamese).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.vntext import fold

_GLOSSARY = (
    ("AI", "Artificial intelligence", "Trí tuệ nhân tạo", "TTNT"),
    ("Biotech", "Biotechnology", "Công nghệ sinh học", "CNSH"),
    ("Semiconductors", "Semiconductor industry", "Bán dẫn", "Vi mạch", "Chip bán dẫn", "Vi mạch bán dẫn"),
    ("Quantum", "Quantum technology", "Lượng tử", "Công nghệ lượng tử"),
    ("Cybersecurity", "Cyber security", "Information security", "An ninh mạng", "An toàn thông tin"),
    ("UAV", "Drones", "Drone", "Máy bay không người lái"),
    ("Robotics", "Robot", "Robots", "Người máy"),
    ("Blockchain", "Chuỗi khối"),
    ("Energy", "Năng lượng"),
    ("Renewable energy", "Năng lượng tái tạo"),
    ("Space", "Vũ trụ", "Công nghệ vũ trụ", "Space technology"),
    ("Materials", "Vật liệu", "Vật liệu mới", "New materials", "Advanced materials"),
    ("Policy", "Chính sách"),
    ("Data", "Dữ liệu"),
    ("Big data", "Dữ liệu lớn"),
    ("Fintech", "Công nghệ tài chính"),
    ("Healthcare", "Health", "Y tế"),
    ("Agriculture", "Agritech", "Nông nghiệp", "Công nghệ nông nghiệp"),
    ("Education", "Edtech", "Giáo dục"),
    ("Environment", "Môi trường"),
    ("Digital transformation", "Chuyển đổi số"),
    ("Innovation", "Đổi mới sáng tạo", "ĐMST"),
    ("Start-ups", "Startups", "Khởi nghiệp"),
    ("Investment", "Đầu tư"),
    ("Manufacturing", "Sản xuất"),
    ("Telecommunications", "Telecom", "Viễn thông"),
    ("IoT", "Internet of things", "Internet vạn vật"),
    ("Cloud", "Cloud computing", "Điện toán đám mây"),
    ("Logistics", "Hậu cần"),
    ("Transport", "Giao thông", "Giao thông vận tải"),
    ("Partner", "Partners", "Đối tác"),
)
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def _compact(name: str) -> str:
    """ "Cyber-security" → "cybersecurity"; "Semiconductors" → "semiconductor" (a plural "s" off
    a word of four letters or more)."""
    words = [w for w in _NOT_WORD.split(fold(name)) if w]
    return "".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


_GROUP = {_compact(name): i for i, names in enumerate(_GLOSSARY) for name in names}


def _keys(name: str) -> tuple[str, ...]:
    compact = _compact(name)
    group = _GROUP.get(compact)
    return (compact,) if group is None else (compact, f"#{group}")


def saved_as(new: Iterable[str], saved: Iterable[str]) -> list[tuple[str, str]]:
    """Each new name that names a saved one under another name, with that saved name (the
    first saved of its kind), in the order of ``new``."""
    by_key: dict[str, str] = {}
    for name in saved:
        for key in _keys(name):
            if key:
                by_key.setdefault(key, name)
    out = []
    for name in new:
        found = next((by_key[k] for k in _keys(name) if k in by_key), None)
        if found is not None and fold(found) != fold(name):
            out.append((name, found))
    return out
