"""The frozen app's entry point (PyInstaller): the same ``ketnoi`` command as the console script.

``freeze_support`` first: the importer cleans big sheets in worker processes (forkserver or
spawn), which in a bundle start this executable again; it turns them into workers.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from ui.launcher import main

    sys.exit(main())
