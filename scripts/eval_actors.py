"""Measure actor recall on the RAND (RDWTI) dev set: how often the gold perpetrator (when not
"Unknown"/"Other") is among the actors `find_actors` finds in the incident text. A found actor counts
when the gold name, its acronym in brackets, or a long enough prefix of a cut-off gold name equals the
canonical name, an alias or a former name of the actor (normalised), or the text as written.

Also reported: the same rate on the rows whose gold name (or its acronym) is written in the text, which
is the ceiling a name table can reach; rows naming the group differently ('the FARC front') still count.

Then a consistency check of `classify_event_type` (first 600 characters of each row) against the RAND
weapon label: Explosives / Remote-detonated explosive should give an explosive or fired-weapon type,
Firearms an attack or clash (abduction also accepted: RAND labels a kidnapping by its weapon).

Usage: .venv/bin/python scripts/eval_actors.py [path/to/rdwti_dev.jsonl] [--misses N]
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from warwire.resolve.actors import ActorMention, find_actors, names_of, norm_key, normalise
from warwire.resolve.event_types import classify_event_type


def matches_name(gold: str, mentions: Iterable[ActorMention]) -> bool:
    """An evaluation helper, not the pipeline's: whether a gold actor name ('Revolutionary Armed Forces of
    Colombia (FARC)') is among the mentions."""
    wanted = {norm_key(x) for x in re.split(r"\s*[()]\s*", gold) if x.strip()}
    for m in mentions:
        names = names_of(m.name) | {norm_key(m.as_written)}
        if any(w in names or any(n.startswith(w) and len(w) > 12 for n in names) for w in wanted):
            return True
    return False



DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "dev" / "rdwti_dev.jsonl"
SKIP = {"unknown", "other"}
_BLAST = {"remote_explosive_landmine_ied", "suicide_bomb", "shelling_artillery_missile_attack", "grenade",
          "air_drone_strike"}
WEAPON_TYPES = {
    "Explosives": _BLAST,
    "Remote-detonated explosive": _BLAST,
    "Firearms": {"attack", "armed_clash", "abduction_forced_disappearance"},
    "Fire or Firebomb": {"attack"},
}


def type_consistency(rows: list[dict]) -> None:
    for weapon, accepted in WEAPON_TYPES.items():
        got = Counter(classify_event_type(r["text"][:600]) for r in rows if r["gold"].get("weapon") == weapon)
        ok = sum(n for t, n in got.items() if t in accepted)
        total = sum(got.values())
        print(f"event type consistent with weapon {weapon!r}: {ok}/{total} = {ok / max(total, 1):.1%} "
              f"(other: {got['other']})")


def named_in_text(gold: str, text: str) -> bool:
    norm = " " + normalise(text)[0] + " "
    parts = [norm_key(p) for p in re.split(r"\s*[()]\s*", gold) if len(p.strip()) > 2]
    return any(f" {p} " in norm or f" {p}," in norm or f" {p}." in norm for p in parts if p)


def main(path: Path, show_misses: int) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    total = found = named = named_found = 0
    misses: Counter[str] = Counter()
    t0 = time.perf_counter()
    for row in rows:
        gold = (row["gold"].get("perpetrator") or "").strip()
        if not gold or gold.lower() in SKIP:
            continue
        mentions = find_actors(row["text"])
        hit = matches_name(gold, mentions)
        total += 1
        found += hit
        if named_in_text(gold, row["text"]):
            named += 1
            named_found += hit
        if not hit:
            misses[gold] += 1
    elapsed = time.perf_counter() - t0
    print(f"rows with a named gold perpetrator: {total} of {len(rows)}")
    print(f"gold perpetrator found by find_actors: {found}/{total} = {found / max(total, 1):.1%}")
    print(f"  where the gold name is written in the text: {named_found}/{named} = "
          f"{named_found / max(named, 1):.1%}")
    print(f"time: {elapsed:.2f} s ({1000 * elapsed / max(total, 1):.2f} ms/row)")
    for gold, n in misses.most_common(show_misses):
        print(f"  miss {n:3d}  {gold}")
    type_consistency(rows)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(sys.argv[sys.argv.index("--misses") + 1]) if "--misses" in sys.argv else 0
    if "--misses" in sys.argv:
        args = [a for a in args if a != str(n)]
    main(Path(args[0]) if args else DEFAULT, n)
