"""Where the project's ../shared data sits beside the repo, and a skip with the reason when it is absent.

Tests on real text read it from there (it is never copied into the repo), so the suite still runs on a
bare clone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip saying what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared not present: {path.resolve()} is missing")
    return path
