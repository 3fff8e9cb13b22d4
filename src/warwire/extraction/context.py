"""Moved to `warwire.refs` (below extraction and resolve); the old name stays for branches in flight."""

import sys

import warwire.refs as _moved

sys.modules[__name__] = _moved
