"""The shipped data files and their one loader.

Language-neutral tables sit at the top (`actors.json`, `outlets.json`, `ledger.json`, `event_types.json`,
`gazetteer/`); words of one language sit under `lang/<code>/` (`lang/en/casualties.json`, ...), so a second
language adds its own folder and is read by the same calls with its code. Sources: SOURCES.md.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from importlib.abc import Traversable
from typing import Any

DEFAULT_LANG = "en"


def path(name: str, lang: str | None = None) -> Traversable:
    """A data file: `name` under `lang/<lang>/` when a language is given, else at the top."""
    root = resources.files(__name__)
    return root.joinpath("lang", lang, name) if lang else root.joinpath(name)


def read_text(name: str, lang: str | None = None) -> str:
    return path(name, lang).read_text(encoding="utf-8")


def load_json(name: str, lang: str | None = None) -> Any:
    return json.loads(read_text(name, lang))


def lines(name: str, lang: str | None = None) -> list[str]:
    """The lines of a text table, without blank lines and '#' comments."""
    return [ln for ln in read_text(name, lang).splitlines() if ln.strip() and not ln.startswith("#")]


def languages() -> list[str]:
    """Language codes with a folder of their own."""
    return sorted(p.name for p in resources.files(__name__).joinpath("lang").iterdir() if p.is_dir())


def expand(pattern: str, sets: dict[str, list[str]]) -> str:
    """A rule's pattern with each named word set ("@war") written out as its alternation ("war|conflict|...");
    the pattern puts the set inside a group of its own: "(?:@war)"."""
    return re.sub(r"@\w+", lambda m: "|".join(re.escape(w).replace(r"\ ", " ") for w in sets[m.group()]), pattern)


def rule_patterns(name: str, section: str, lang: str = DEFAULT_LANG) -> list[str]:
    """The expanded patterns of one section of a rules file (`{"sets": ..., section: [{"pattern", "why",
    "example"}, ...]}`)."""
    table = load_json(name, lang)
    return [expand(rule["pattern"], table.get("sets", {})) for rule in table[section]]
