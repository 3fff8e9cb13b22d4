"""Moved to `warwire.lexicon` (below extraction and resolve); the old name stays for branches in flight."""

import sys

import warwire.lexicon as _moved

sys.modules[__name__] = _moved
