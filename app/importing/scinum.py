"""A number written in scientific notation ("9.12345006E8", "9,12345E+08") in a phone cell.

Excel shows a long number it takes for a number (a phone typed without its leading zero) as
"9.12345E+08", and a file saved from that display (a CSV, a cell copied as text) keeps only the
digits shown: 912345000, the last three lost. Another program writes the number whole
("9.12345006E8", Java's way). Read as a phone the letters were dropped and the exponent's
digit appended ("9.12345006E8" stored as 9123450068: reviewer h109). Now a number in
scientific notation is read as the number it is when every digit is written (as many digits
after the point as the exponent: 9.12345006E8 = 912345006), and otherwise it is not a phone
number anyone can call: kept in the notes with a warning saying that digits may be lost.
"""

from __future__ import annotations

import re

_SCIENTIFIC = re.compile(r"\s*(\d{1,3})(?:[.,](\d+))?\s*[eE]\s*\+?(\d{1,2})\s*")


def scientific(text: str) -> tuple[str, bool] | None:
    """ "9.12345006E8" → ("912345006", True); "9.12345E+08" → ("912345000", False), digits
    that may be lost; None for text that is no number in scientific notation."""
    found = _SCIENTIFIC.fullmatch(text)
    if found is None:
        return None
    whole, fraction, exponent = found.group(1), found.group(2) or "", int(found.group(3))
    if len(fraction) > exponent:  # (9.1234567E3: no whole number, no phone either)
        return whole + fraction, False
    return whole + fraction + "0" * (exponent - len(fraction)), len(fraction) == exponent
