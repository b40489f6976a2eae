"""The countries a record can be in, named in both languages, for the forms' Country box.

The record forms had no Country field: an organisation in Erlangen was stored in Viet Nam and a
contact's "030 1234568" at a German company became +84 30 123 4568 (reviewer h119). The names
are :func:`app.value_labels.country_name`'s (the office's own for the common ones, else the
phone-number library's table, which has both languages)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import phonenumbers

from app.value_labels import country_name
from app.vntext import fold


@dataclass(frozen=True)
class Country:
    code: str  # "DE"
    en: str  # "Germany"
    vi: str  # "Đức"

    def shown(self, lang: str) -> str:
        """ "Đức (Germany)" in a Vietnamese window, "Germany (Đức)" in an English one."""
        first, other = (self.vi, self.en) if lang == "vi" else (self.en, self.vi)
        return first if fold(first) == fold(other) else f"{first} ({other})"


@lru_cache(maxsize=1)
def _all() -> tuple[Country, ...]:
    codes = sorted(r for r in phonenumbers.SUPPORTED_REGIONS if len(r) == 2 and r != "ZZ")
    return tuple(Country(c, country_name(c, "en"), country_name(c, "vi")) for c in codes)


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Country]:
    return {c.code: c for c in _all()}


def countries(lang: str) -> list[Country]:
    """Every country, Viet Nam first, then by name in ``lang``."""
    rest = sorted((c for c in _all() if c.code != "VN"), key=lambda c: fold(c.vi if lang == "vi" else c.en))
    return [c for c in _all() if c.code == "VN"] + rest


def find(typed: str) -> Country | None:
    """The one country ``typed`` names, read as an import's Country cell is
    (:func:`app.importing.cleaning.read_country`: "Áo" is Austria, "AO" Angola, "Mỹ" the United
    States), else the start of one name only ("Ger…"); None: none, or more than one."""
    from app.importing.cleaning import read_country  # (its tables load on first use)

    key = fold(typed).strip()
    if not key:
        return None
    known = _by_code().get(read_country(typed) or "")
    if known is not None:
        return known
    found = [c for c in _all() if fold(c.en).startswith(key) or fold(c.vi).startswith(key)]
    return found[0] if len(found) == 1 else None
