"""mypy passes on src, every module included (configuration: pyproject.toml [tool.mypy])."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_mypy_is_clean_on_src() -> None:
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed (extra 'dev'): type check skipped")
    run = subprocess.run([sys.executable, "-m", "mypy", "--no-error-summary"], cwd=REPO, capture_output=True,
                         text=True, timeout=900)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]


def test_no_module_is_exempt_from_the_type_check() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert not config.get("ignore_errors")
    assert not [o["module"] for o in config.get("overrides", []) if o.get("ignore_errors")]
