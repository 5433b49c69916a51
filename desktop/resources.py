"""The one place that knows where bundled resources live, from source and when frozen."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    """The `resources/` folder: beside the package in a checkout, inside the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)
