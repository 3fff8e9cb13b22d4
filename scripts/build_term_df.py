"""Build the background document frequencies of linking's salient terms (data/ledger_term_df.tsv).

    python scripts/build_term_df.py [RECORDS.jsonl ...] [--min-df 3]

The story rule weighs the salient terms two reports share by their idf. Counted over the documents a ledger
happened to hold so far, the idf of a term depended on what arrived first, and so did the ledger. The idf
is read from this fixed table instead: document frequencies over the given records (default: every dev
set under ../shared/dev, 6,012 documents of seven genres), terms in at least --min-df documents (a term
in fewer counts as unseen: df 0). Counts only: no text of any document is kept.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from warwire.ledger.features import TERM_DF, salient_terms

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / ".." / "shared" / "dev"
SETS = ("rdwti_dev", "fakes_dev", "gva_linking_dev", "wad_dev", "isaf_dev", "case2021_dev", "airwars_dev")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("records", nargs="*", type=Path, default=[DEV / f"{s}.jsonl" for s in SETS])
    ap.add_argument("--min-df", type=int, default=3)
    ap.add_argument("-o", "--out", type=Path, default=TERM_DF)
    args = ap.parse_args()
    df: Counter[str] = Counter()
    n = 0
    for path in args.records:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec.get("text"):
                    n += 1
                    df.update(salient_terms(rec.get("title"), rec["text"]))
    kept = sorted((t, c) for t, c in df.items() if c >= args.min_df)
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write(f"#documents\t{n}\n")
        fh.writelines(f"{t}\t{c}\n" for t, c in kept)
    print(f"{args.out}: {len(kept)} terms in >= {args.min_df} of {n} documents")


if __name__ == "__main__":
    main()
