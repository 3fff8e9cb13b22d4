"""How often a dev set's killed gold equals the figure its own headline states.

    python scripts/eval_gold_headlines.py [GOLD.jsonl] [OUT.jsonl]

A headline such as "Air raids kill 25 civilians" states the report's own killed figure. Where the gold
differs from it, no reading of the article gives the gold; the share of such rows bounds what
`score.py totals` can reach on the set. Prints the counts and the rows that differ; with OUT (a
`warwire extract --format jsonl` output) also the killed doc-sum accuracy on the rows whose gold agrees
with the headline, beside the whole set.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from warwire.extraction.numbers import parse_number

QUALIFIER = r"(?:at least |over |more than |nearly |some |about |up to )?"
HEADLINE_FIGURE = re.compile(
    rf"\b(?:kills?|killing|claims?)\s+{QUALIFIER}(\d[\d,]*|[A-Za-z]+(?:-[a-z]+)?)\b"
    rf"|\b{QUALIFIER}(\d[\d,]*|[A-Z][a-z]+(?:-[a-z]+)?)\s+(?:[A-Za-z-]+\s+){{0,3}}?(?:killed|dead|martyred)\b",
    re.I,
)


def headline_figure(title: str) -> int | None:
    match = HEADLINE_FIGURE.search(title or "")
    if not match:
        return None
    value = parse_number(match.group(1) or match.group(2))
    return value if value else None


def doc_sum(doc: dict) -> int:
    return sum(c.get("best") or 0 for e in doc["events"] if not e.get("background")
               for c in e["casualties"] if c["outcome"] == "killed")


def accuracy(rows: list[dict], out: dict[str, dict]) -> str:
    hits = sum(doc_sum(out.get(r["id"], {"events": []})) == r["gold"]["killed"] for r in rows)
    return f"{hits}/{len(rows)} = {hits / max(len(rows), 1):.3f}"


def main(path: Path, out_path: Path | None) -> None:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    stated = [(headline_figure(r.get("title", "")), r) for r in rows]
    stated = [(v, r) for v, r in stated if v is not None]
    differ = [(v, r) for v, r in stated if v != r["gold"]["killed"]]
    print(f"{path.name}: {len(rows)} rows, {len(stated)} headlines state a killed figure, "
          f"gold differs from it in {len(differ)} ({len(differ) / max(len(stated), 1):.1%})")
    for value, row in differ:
        print(f"  headline {value:>6}  gold {row['gold']['killed']:>6}  {row['title'][:80]}")
    if out_path is not None:
        out = {d["doc"]: d for d in map(json.loads, out_path.open(encoding="utf-8"))}
        agree = [r for v, r in stated if v == r["gold"]["killed"] and v > 0]
        positive = [r for r in rows if r["gold"]["killed"] > 0]
        print(f"killed exact (doc sum), gold > 0: all rows {accuracy(positive, out)}; "
              f"rows whose gold equals the headline {accuracy(agree, out)}")


if __name__ == "__main__":
    default = Path(__file__).resolve().parents[1] / ".." / "shared" / "dev" / "fakes_dev.jsonl"
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default, Path(sys.argv[2]) if len(sys.argv) > 2 else None)
