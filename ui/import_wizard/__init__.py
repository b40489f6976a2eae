"""File → Import…: the spreadsheet import wizard (choose file → mapping → preview → commit).

The main window needs one line::

    from ui.import_wizard import open_import_wizard
    open_import_wizard(window, ctx)
"""

from ui.import_wizard.wizard import ImportWizard, open_import_wizard

__all__ = ["ImportWizard", "open_import_wizard"]
