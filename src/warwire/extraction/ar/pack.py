"""The Arabic rule pack: data/lang/ar/NAME.json through the shared data loader (warwire.data), read once."""

from __future__ import annotations

from functools import cache
from typing import Any

from warwire import data

LANG = "ar"


@cache
def load(name: str) -> dict[str, Any]:
    """One file of the pack, keys starting with '_' (notes) dropped at the top level."""
    return {k: v for k, v in data.load_json(f"{name}.json", LANG).items() if not k.startswith("_")}


def read_bytes(name: str) -> bytes:
    return data.path(name, LANG).read_bytes()
