"""Run as a separate process by test_register.py: wait for the start signal, then create and
sign ``n`` letters, one unit of work each, and print their numbers (one a line)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from app.letters import register
from db.engine import unit_of_work
from db.migrate import open_database


def main(url: str, go: str, n: int, who: str) -> None:
    engine = open_database(url)
    while not Path(go).exists():
        time.sleep(0.005)
    for i in range(n):
        with unit_of_work(engine) as s:
            letter = register.add_letter(s, {"subject": f"{who} {i}", "symbol": "NIC-HTQT"}, actor=who)
            reference = register.sign(s, letter, actor=who)
            time.sleep(0.01)  # hold the transaction a little: the other process must wait
        print(reference.split("/")[0], flush=True)
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4])
