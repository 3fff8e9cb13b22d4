"""Fixtures for the scale tests."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: starts Ray or runs a dev set (a minute or two)")


@pytest.fixture(scope="session")
def extractor():
    from warwire.pipeline import Extractor

    return Extractor()
