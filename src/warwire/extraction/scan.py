"""Moved to `warwire.matching.scan`; the old name stays for branches in flight."""

import sys

import warwire.matching.scan as _moved

sys.modules[__name__] = _moved
