"""Cells that a spreadsheet shows as written and never runs.

Text starting with ``=``, ``+``, ``-`` or ``@`` would be a formula (or a DDE payload) to Excel
and LibreOffice when typed; written as a string cell (data type ``s``) with the "quote prefix"
style flag it stays text, even after the user edits the cell, and reads back unchanged.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def text_cell(ws: WriteOnlyWorksheet, value: Any) -> WriteOnlyCell:
    """A write-only cell holding ``value``; formula-like text is forced to a string cell."""
    if isinstance(value, str):
        value = "".join(ch for ch in value if ch in "\t\n\r" or ord(ch) >= 32)  # XML 1.0 control chars
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str) and is_formula_like(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell
