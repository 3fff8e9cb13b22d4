"""The longer fuzz run: tests/test_fuzz.py with many more examples (default 2,000 for extract).

    python scripts/fuzz_hostile.py [--examples N]

Same strategies and assertions as the suite's bounded run (no exception, contract-valid output,
evidence offsets inside the text); hypothesis prints the smallest failing record when one is found.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=2000)
    args = parser.parse_args()
    env = {**os.environ, "WARWIRE_FUZZ_EXAMPLES": str(args.examples)}
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(REPO / "tests" / "test_fuzz.py")]
    sys.exit(subprocess.call(cmd, env=env, cwd=REPO))


if __name__ == "__main__":
    main()
