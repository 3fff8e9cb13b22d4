"""No stage imports a stage above it: model and the shared tables at the bottom, then ingest -> extraction
-> resolve -> ledger -> export/serve, cli on top. Read from the source (ast), every import at run time
counted, wherever it sits; `if TYPE_CHECKING:` blocks are not run and are left out."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "warwire"
LAYERS = [
    {"model", "data", "lexicon", "matching", "refs", "settings", "budget"},  # shared by every stage
    {"ingest"},
    {"extraction"},
    {"resolve"},
    {"pipeline"},
    {"ledger", "scale"},
    {"export"},
    {"serve"},
    {"cli_output"},
    {"cli", "review_cli"},  # one command line in two files
    {"__init__", "__main__"},
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def _stage(module: str) -> str:
    return module.split(".")[1] if module.count(".") else "__init__"


def _run_time_imports(tree: ast.AST) -> list[str]:
    found: list[str] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
            found.extend(f"{node.module}.{a.name}" for a in node.names if node.module == "warwire")
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return [m for m in found if m.startswith("warwire.")]


def _edges() -> list[tuple[str, str, str]]:
    edges = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("ledger/migrations/"):
            continue
        here = rel.split("/")[0].removesuffix(".py")
        for module in _run_time_imports(ast.parse(path.read_text(encoding="utf-8"))):
            edges.append((rel, here, _stage(module)))
    return edges


def test_every_stage_has_a_layer() -> None:
    stages = {here for _, here, _ in _edges()} | {there for _, _, there in _edges()}
    assert stages <= set(RANK), f"place these in LAYERS: {sorted(stages - set(RANK))}"


def test_no_stage_imports_one_above_it() -> None:
    upward = [f"{rel} imports warwire.{there}" for rel, here, there in _edges()
              if here != there and RANK.get(there, 99) > RANK.get(here, 99)]
    assert not upward, upward


def test_stages_of_one_layer_do_not_import_each_other() -> None:
    sideways = [f"{rel} imports warwire.{there}" for rel, here, there in _edges()
                if here != there and RANK.get(there) == RANK.get(here) and 0 < RANK.get(here, 0) < RANK["cli"]]
    assert not sideways, sideways


def test_the_check_sees_an_upward_import() -> None:
    tree = ast.parse("import warwire.resolve.x\nif TYPE_CHECKING:\n    import warwire.cli\n"
                     "def f():\n    from warwire.ledger import Ledger\n")
    assert _run_time_imports(tree) == ["warwire.resolve.x", "warwire.ledger"]


def test_old_module_names_are_gone() -> None:
    """The names moved last session (lexicon, refs, refs.dates, refs.datelines, matching) have one home."""
    for old in ("extraction/lexicon.py", "extraction/context.py", "resolve/dates.py", "resolve/datelines.py",
                "extraction/scan.py", "resolve/openings.py"):
        assert not (SRC / old).exists(), old
