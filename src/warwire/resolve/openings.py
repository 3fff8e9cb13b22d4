"""Moved to `warwire.matching.openings`; the old name stays for branches in flight."""

import sys

import warwire.matching.openings as _moved

sys.modules[__name__] = _moved
