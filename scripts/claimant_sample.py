"""A fixed-seed sample of figures and their claimants, to be judged by reading: the proxy for claimant accuracy
on text whose claimants nobody labelled (the held-out claimant gold cannot be seen).

Documents are drawn in a fixed random order from the dev set; each drawn document gives its primary event's
first news figure, so a sample drawn before and after a change holds the same figures where both outputs have
them. It prints; it saves nothing (dev text is copyrighted).

Usage:
  python scripts/claimant_sample.py DEV.jsonl OUT.jsonl [--n 60] [--seed 12] [--context 300]
      OUT from `warwire extract DEV.jsonl --format jsonl`; prints each figure's sentence between >> <<, the
      text before it, and its claimant (kind, id, via, as written).
  python scripts/claimant_sample.py DEV.jsonl OUT.jsonl --tally MARKS
      MARKS: one line per judged figure, "NUMBER y" (right claimant), "NUMBER k" (right kind, wrong or
      unspecific identity: "police" for the Carlton police) or "NUMBER n" (the numbers the listing prints);
      prints "claimant right X/N" and "kind right" overall and per claimant kind ("none": no claimant).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path


def load(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8") as fh:
        return {r.get("doc") or r["id"]: r for r in (json.loads(line) for line in fh if line.strip())}


def first_figure(record: dict) -> dict | None:
    """The primary event's first figure (else the first news event's)."""
    events = sorted(record.get("events", []), key=lambda e: (not e.get("primary"), e.get("background", False)))
    for event in events:
        if event.get("background"):
            continue
        for figure in event.get("casualties", []):
            if figure.get("evidence"):
                return figure
    return None


def sample(dev: dict[str, dict], out: dict[str, dict], n: int, seed: int) -> list[tuple[str, dict]]:
    order = sorted(dev)
    random.Random(seed).shuffle(order)
    picked = []
    for doc in order:
        figure = first_figure(out[doc]) if doc in out else None
        if figure is not None:
            picked.append((doc, figure))
        if len(picked) == n:
            break
    return picked


def kind_of(figure: dict) -> str:
    return (figure.get("claimant") or {}).get("kind") or "none"


def show(dev: dict[str, dict], picked: list[tuple[str, dict]], context: int) -> None:
    for number, (doc, figure) in enumerate(picked, 1):
        text = dev[doc].get("text", "")
        ev = figure["evidence"][0]
        start, end = ev.get("start", 0), ev.get("end", 0)
        before = text[max(0, start - context) : start].replace("\n", " ")
        after = text[end : end + context // 2].replace("\n", " ")
        c = figure.get("claimant") or {}
        print(f"[{number}] {doc}  {figure['outcome']} {figure['group']} {figure.get('best')}")
        print(f"   ...{before} >>{text[start:end]}<< {after}...")
        print(f"   claimant: kind={c.get('kind')} id={c.get('id')} via={c.get('via')} "
              f"as_written={c.get('as_written')!r} claimed_by={figure.get('claimed_by')!r}\n")


def tally(picked: list[tuple[str, dict]], marks: Path) -> None:
    judged = {}
    for line in marks.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].isdigit() and parts[1] in ("y", "k", "n"):
            judged[int(parts[0])] = parts[1]
    right, kind_right, seen = Counter(), Counter(), Counter()
    for number, (_, figure) in enumerate(picked, 1):
        if number in judged:
            kind = kind_of(figure)
            seen[kind] += 1
            right[kind] += judged[number] == "y"
            kind_right[kind] += judged[number] in ("y", "k")
    print(f"claimant right {sum(right.values())}/{sum(seen.values())}; "
          f"kind right {sum(kind_right.values())}/{sum(seen.values())}")
    for kind in sorted(seen, key=lambda k: -seen[k]):
        print(f"  {kind:16} right {right[kind]}/{seen[kind]}  kind right {kind_right[kind]}/{seen[kind]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dev", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--context", type=int, default=300)
    parser.add_argument("--tally", type=Path)
    args = parser.parse_args()
    dev, out = load(args.dev), load(args.out)
    picked = sample(dev, out, args.n, args.seed)
    if args.tally:
        tally(picked, args.tally)
    else:
        show(dev, picked, args.context)


if __name__ == "__main__":
    main()
