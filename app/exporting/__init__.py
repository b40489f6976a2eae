"""Excel export in the importer's layout, and the empty import template."""

from app.exporting.cells import is_formula_like, text_cell
from app.exporting.workbook import export_list, export_workbook, write_template

__all__ = ["export_list", "export_workbook", "is_formula_like", "text_cell", "write_template"]
