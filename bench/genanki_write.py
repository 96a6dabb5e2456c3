"""genanki's side of the Anki export benchmark: writes, with genanki, the deck that a Tally TSV export describes
(same GUIDs, decks, tags and rendered HTML fields), so both tools write the same notes.

    genanki_write.py DECK.tsv OUT.apkg
"""
import csv
import sys

import genanki

MODELS = {
    "Basic": genanki.Model(1733000000101, "Tally Basic", fields=[{"name": "Front"}, {"name": "Back"}],
                           templates=[{"name": "Card 1", "qfmt": "{{Front}}",
                                       "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}]),
}


def main(tsv_path, out_path):
    decks = {}
    with open(tsv_path, newline="", encoding="utf-8") as f:
        rows = csv.reader((line for line in f if not line.startswith("#")), delimiter="\t")
        for guid, notetype, deck_name, front, back, tags in rows:
            deck = decks.get(deck_name)
            if deck is None:
                deck = decks[deck_name] = genanki.Deck(abs(hash(deck_name)) % (1 << 40), deck_name)
            deck.add_note(genanki.Note(model=MODELS[notetype], fields=[front, back], guid=guid,
                                       tags=tags.split()))
    genanki.Package(list(decks.values())).write_to_file(out_path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
