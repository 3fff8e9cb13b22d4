"""Count the word lists still written in Python (issue 15: rules and word lists belong in data files).

A word list is any of:
- a literal list, tuple or set of three or more strings, and nothing else;
- `"a b c".split()` (also inside `frozenset(...)`/`set(...)`) with three or more words;
- a regex alternation of three or more plain-word branches in a string constant, whether in a group
  (`(?:killed|died|wounded)`) or at the top of the string; adjacent string literals over several lines
  count as the one string Python makes of them. `\\s+` and `\\s*` inside a branch read as a space
  (`shot\\s+dead` is a word); a nested group is left out of its outer branch and counted on its own.
Docstrings are not counted. Usage:

    python scripts/count_word_lists.py [SRC_DIR]    # default src/warwire; prints per file, then the total
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

PLAIN = re.compile(r"[A-Za-z][\w' -]*\??")  # a word or phrase, maybe optional ('s?')
SPACES = re.compile(r"\\s[+*]?|\\ ")
ESCAPED = re.compile(r"\\([-.'’])")


def _groups(pattern: str) -> list[str]:
    """The bodies of every group in `pattern` (nested groups cut out of their parents), and the top level."""
    bodies: list[list[str]] = [[]]
    found: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            bodies[-1].append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
            bodies[-1].append(ch)
        elif ch == "[":
            in_class = True
            bodies[-1].append(ch)
        elif ch == "(":
            opener = re.match(r"\(\?(?:[:=!>]|<[=!]|P?<\w+>)?", pattern[i:])
            i += len(opener.group(0)) if opener and opener.group(0) != "(?" else 1
            bodies.append([])
            continue
        elif ch == ")" and len(bodies) > 1:
            found.append("".join(bodies.pop()))
        else:
            bodies[-1].append(ch)
        i += 1
    return found + ["".join(b) for b in bodies]


def _alternation_words(body: str) -> int:
    branches = body.split("|")
    if len(branches) < 3:
        return 0
    words = [ESCAPED.sub(r"\1", SPACES.sub(" ", b)).strip() for b in branches]
    return len(words) if all(PLAIN.fullmatch(w) for w in words) else 0


def _docstrings(tree: ast.AST) -> set[int]:
    return {id(node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}


def count_file(source: str) -> tuple[int, int]:
    """(lists, words) written in one module's source."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    lists = words = 0
    for node in ast.walk(tree):
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            strings = [e for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(strings) >= 3 and len(strings) == len(node.elts):
                lists, words = lists + 1, words + len(strings)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split"
              and not node.args and isinstance(node.func.value, ast.Constant)
              and isinstance(node.func.value.value, str)):
            skip.add(id(node.func.value))
            n = len(node.func.value.value.split())
            if n >= 3:
                lists, words = lists + 1, words + n
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            for body in _groups(node.value):
                n = _alternation_words(body)
                if n:
                    lists, words = lists + 1, words + n
    return lists, words


def main(root: str = "src/warwire") -> None:
    total_lists = total_words = 0
    for path in sorted(Path(root).rglob("*.py")):
        lists, words = count_file(path.read_text(encoding="utf-8"))
        if lists:
            print(f"{lists:4d} lists {words:5d} words  {path.relative_to(root)}")
        total_lists, total_words = total_lists + lists, total_words + words
    print(f"total: {total_lists} lists, {total_words} words")


if __name__ == "__main__":
    main(*sys.argv[1:2])
