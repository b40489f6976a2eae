"""Build Ketnoi as a folder that runs without Python: ``python tools/build_bundle.py``.

PyInstaller (``pip install -e ".[bundle]"``) freezes ``packaging/ketnoi.spec`` into
``dist/ketnoi/`` (the program is ``dist/ketnoi/ketnoi``, ``ketnoi.exe`` on Windows,
``dist/Ketnoi.app`` on macOS). First it writes the licence list of the packages it bundles
(``build/bundle-data/licences.json``, shown by Help → About). ``--onefile`` builds the
one-file variant ``dist/ketnoi-onefile`` instead. At the end it prints the size and the time.
Smoke test of the result: ``tools/smoke_bundle.sh``.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import __version__, licences  # noqa: E402

GENERATED = ROOT / "build" / "bundle-data"


def folder_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def runtime_entries() -> list[licences.Package]:
    """What a bundle carries besides packages: the Python runtime and PyInstaller's loader."""
    import PyInstaller

    return [
        licences.Package(
            name="Python",
            version=platform.python_version(),
            licence="PSF-2.0",
            url="https://docs.python.org/3/license.html",
        ),
        licences.Package(
            name="PyInstaller bootloader",
            version=PyInstaller.__version__,
            licence="GPL-2.0-or-later WITH Bootloader-exception",
            url="https://pyinstaller.org/en/stable/license.html",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--onefile", action="store_true", help="one executable (dist/ketnoi-onefile)")
    parser.add_argument("--clean", action="store_true", help="drop PyInstaller's cache first")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print('PyInstaller is missing: pip install -e ".[bundle]"', file=sys.stderr)
        return 1
    started = time.perf_counter()
    listed = licences.write(GENERATED / "licences.json", runtime_entries())
    print(f"licences: {len(listed)} entries in {GENERATED / 'licences.json'}")
    env = dict(os.environ, KETNOI_VERSION=__version__)
    dist = ROOT / "dist"
    if args.onefile:
        env["KETNOI_ONEFILE"] = "1"
        dist = ROOT / "build" / "onefile-dist"
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(ROOT / "build" / ("pyinstaller-onefile" if args.onefile else "pyinstaller")),
        str(ROOT / "packaging" / "ketnoi.spec"),
    ]  # fmt: skip
    if args.clean:
        command.insert(3, "--clean")
    done = subprocess.run(command, cwd=ROOT, env=env, check=False)
    if done.returncode:
        return done.returncode
    if args.onefile:
        name = "ketnoi.exe" if sys.platform == "win32" else "ketnoi"
        target = ROOT / "dist" / ("ketnoi-onefile" + (".exe" if sys.platform == "win32" else ""))
        target.parent.mkdir(exist_ok=True)
        shutil.move(str(dist / name), target)
    else:
        target = ROOT / "dist" / "ketnoi"
    took = time.perf_counter() - started
    size = folder_size(target)
    print(f"built {target} in {took:.0f} s: {size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
