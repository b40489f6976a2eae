"""The licences of what Ketnoi ships: the packages it runs on, read from their metadata.

A bundle (``tools/build_bundle.py``) writes :func:`bundled_packages` to
``resources/licences.json`` at build time, because a frozen app carries no package metadata;
Help → About shows that file, or computes the same list when Ketnoi runs from a checkout.
"""

from __future__ import annotations

import json
import re
from importlib import metadata
from pathlib import Path
from typing import TypedDict

LICENCES_FILE = Path(__file__).resolve().parent.parent / "resources" / "licences.json"
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


class Package(TypedDict):
    name: str
    version: str
    licence: str
    url: str


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _field(dist: metadata.Distribution, key: str) -> str:
    values = dist.metadata.get_all(key) or []
    return str(values[0]) if values else ""


def licence_of(dist: metadata.Distribution) -> str:
    """SPDX expression when declared, else the short License field, else the classifiers."""
    meta = dist.metadata
    expression = _field(dist, "License-Expression").strip()
    if expression:
        return expression
    field = _field(dist, "License").strip()
    if field and "\n" not in field and len(field) <= 60 and field.upper() != "UNKNOWN":
        return field
    classifiers = [
        c.rsplit("::", 1)[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    if classifiers:
        return " / ".join(classifiers)
    return field.splitlines()[0][:60] if field else "see the package"


def _homepage(dist: metadata.Distribution) -> str:
    if _field(dist, "Home-page"):
        return _field(dist, "Home-page")
    for entry in dist.metadata.get_all("Project-URL") or []:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository", "documentation"):
            return str(url).strip()
    return ""


def _runtime_requirements(dist: metadata.Distribution) -> list[str]:
    """The names a package needs at run time: its requirements without ``extra ==`` markers."""
    out = []
    for requirement in dist.requires or []:
        spec, _, marker = requirement.partition(";")
        if "extra" in marker:
            continue
        match = _NAME.match(spec)
        if match:
            out.append(match.group(1))
    return out


def bundled_packages(
    root: str = "ketnoi", extras: tuple[str, ...] = ("psycopg", "psycopg-binary")
) -> list[Package]:
    """Every installed distribution ``root`` needs at run time (and ``extras`` when installed),
    sorted by name, with version and licence. A requirement whose platform marker excludes
    this machine is simply not installed, so it is not listed."""
    seen: dict[str, Package] = {}
    queue = [root, *extras]
    while queue:
        name = queue.pop()
        key = _canonical(name)
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = Package(
            name=_field(dist, "Name") or name,
            version=dist.version,
            licence=licence_of(dist),
            url=_homepage(dist),
        )
        queue.extend(_runtime_requirements(dist))
    seen.pop(_canonical(root), None)
    return sorted(seen.values(), key=lambda p: p["name"].lower())


def packages(path: Path = LICENCES_FILE) -> list[Package]:
    """The list written at build time when there is one (a bundle), else computed now."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return bundled_packages()
    return [
        Package(
            name=str(p.get("name", "")),
            version=str(p.get("version", "")),
            licence=str(p.get("licence", "")),
            url=str(p.get("url", "")),
        )
        for p in data
        if isinstance(p, dict)
    ]


def write(path: Path, extra: list[Package] | None = None) -> list[Package]:
    """Write the list (plus ``extra`` entries such as the Python runtime) for a bundle."""
    items = bundled_packages() + list(extra or [])
    items.sort(key=lambda p: p["name"].lower())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(items, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return items
