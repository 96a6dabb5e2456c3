"""Benchmark: `tally anki` exporting a 1,000-card deck file against genanki writing the same deck.

Both are timed as whole processes, as a user runs them, alternating, several rounds; the medians are compared.
Tally's time includes reading and parsing the Markdown and rendering it; genanki is handed Tally's rendered HTML
(from `tally anki --format tsv`) and only builds and writes the package.

    python anki_vs_genanki.py [--tally PATH] [--cards 1000] [--rounds 7]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def deck_file(cards):
    blocks = []
    for i in range(cards):
        blocks.append(
            f"---\ncard_id: bench{i:04d}\n---\n"
            f"What does **layer {i}** compute for input $x_{{{i}}}$?\n---\n"
            f"- an affine map $W_{{{i}}} x + b$\n- then $\\max(0, z)$, i.e. *ReLU*\n"
            f"- see `layer{i}.forward(x)`\n---\n")
    return "".join(blocks)


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tally", default=os.environ.get("TALLY", os.path.join(ROOT, ".build/release/tally")))
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as work:
        deck = os.path.join(work, "deck.txt")
        with open(deck, "w", encoding="utf-8") as f:
            f.write(deck_file(args.cards))
        tsv = os.path.join(work, "deck.tsv")
        subprocess.run([args.tally, "anki", deck, "--format", "tsv", "-o", tsv], check=True,
                       stderr=subprocess.DEVNULL)
        lock = os.path.join(work, "tally-anki.lock")

        tally_times, genanki_times = [], []
        for _ in range(args.rounds):
            # A first export each time: no lock yet, every note stamped and the lock written.
            if os.path.exists(lock):
                os.remove(lock)
            tally_times.append(timed([args.tally, "anki", deck, "-o", os.path.join(work, "tally.apkg")]))
            genanki_times.append(timed([sys.executable, os.path.join(HERE, "genanki_write.py"), tsv,
                                        os.path.join(work, "genanki.apkg")]))

    tally, genanki = statistics.median(tally_times), statistics.median(genanki_times)
    print(f"anki export, {args.cards} cards, median of {args.rounds}: "
          f"tally {tally * 1000:.0f} ms, genanki {genanki * 1000:.0f} ms, ratio {tally / genanki:.2f}x (target <= 1.0x)")


if __name__ == "__main__":
    main()
