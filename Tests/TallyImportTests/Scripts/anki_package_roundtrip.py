"""Makes Anki packages with the real `anki` library for TallyImport's tests, and imports packages back
into the collection they came from, reporting what Anki did.

    anki_package_roundtrip.py make FOLDER
        A collection (FOLDER/collection.anki2) with 8 notes in two decks, Physics and Physics::Optics:
        Basic notes with MathJax, bold, a list and an image, a Basic (and reversed card) note, a Cloze
        note, tags, GUIDs with the characters Anki uses (# ; { | `); 3 of them answered once.
        Exported as FOLDER/deck-legacy.apkg (collection.anki21) and FOLDER/deck.apkg (collection.anki21b).
        Prints {"guids": [...], "reviews": {guid: count}}.
    anki_package_roundtrip.py reimport COLLECTION PACKAGE
        Imports PACKAGE into COLLECTION (a copy made by the caller) and prints
        {"new": n, "updated": n, "duplicate": n, "conflicting": n, "notes": n, "reviews": {guid: count}}.
"""
import json
import os
import sys

from anki.collection import Collection, ExportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import ImportAnkiPackageOptions

# A 1×1 PNG.
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201ffa5d1e3"
    "0000000049454e44ae426082")


def reviews(col):
    counts = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        counts[note.guid] = sum(col.db.scalar("select count() from revlog where cid = ?", c.id) for c in note.cards())
    return counts


def make(folder):
    os.makedirs(folder, exist_ok=True)
    col = Collection(os.path.join(folder, "collection.anki2"))
    physics = col.decks.id("Physics")
    optics = col.decks.id("Physics::Optics")
    basic = col.models.by_name("Basic")
    reversed_type = col.models.by_name("Basic (and reversed card)")
    cloze = col.models.by_name("Cloze")
    media_name = col.media.write_data("prism.png", PIXEL)

    def add(model, deck, fields, tags, guid):
        note = col.new_note(model)
        for i, value in enumerate(fields):
            note.fields[i] = value
        note.tags = tags
        note.guid = guid
        col.add_note(note, deck)
        return note

    notes = [
        add(basic, physics, ["What is Newton's second law?", r"\(F = m a\)"], ["mechanics"], "a#1;x"),
        add(basic, physics, ["Kinetic energy of a mass <b>m</b> at speed <i>v</i>?", r"\[E_k = \tfrac12 m v^2\]"],
            ["mechanics", "energy"], "b{2|y"),
        add(basic, physics, ["Three laws of motion",
                             "<ul><li>inertia</li><li>\\(F = ma\\)</li><li>action &amp; reaction</li></ul>"],
            [], "c`3"),
        add(reversed_type, physics, ["joule", "unit of energy, \\(1\\,\\mathrm{kg\\,m^2/s^2}\\)"], ["units"], "d;4"),
        add(cloze, physics, ["Momentum is {{c1::\\(p = m v\\)}} and is {{c2::conserved::what happens?}}.", "Newton"],
            ["mechanics"], "e|5"),
        add(basic, optics, ["What does a prism do?", f'Splits white light.<br><img src="{media_name}">'],
            ["light"], "f#6"),
        add(basic, optics, ["Snell's law?", r"\(n_1 \sin\theta_1 = n_2 \sin\theta_2\)"], ["light"], "g{7"),
        add(basic, optics, ["Speed of light in vacuum (m/s)?", "299&nbsp;792&nbsp;458"], [], "h}8"),
    ]
    # Answer the first card of three notes once each ("Good"), so that they have review history.
    for note in notes[:2] + [notes[4]]:
        card = note.cards()[0]
        card.start_timer()
        col.sched.answerCard(card, 3)
    for name, legacy in (("deck-legacy.apkg", True), ("deck.apkg", False)):
        col.export_anki_package(out_path=os.path.join(folder, name),
                                options=ExportAnkiPackageOptions(legacy=legacy, with_scheduling=True, with_media=True,
                                                                 with_deck_configs=True),
                                limit=None)
    print(json.dumps({"guids": [n.guid for n in notes], "reviews": reviews(col)}))
    col.close()


def reimport(collection, package):
    col = Collection(collection)
    before = len(col.find_notes(""))
    options = ImportAnkiPackageOptions(with_scheduling=True)
    log = col.import_anki_package(ImportAnkiPackageRequest(package_path=package, options=options)).log
    print(json.dumps({
        "new": len(log.new), "updated": len(log.updated), "duplicate": len(log.duplicate),
        "conflicting": len(log.conflicting), "notes_before": before, "notes": len(col.find_notes("")),
        "reviews": reviews(col),
    }))
    col.close()


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2])
    elif sys.argv[1] == "reimport":
        reimport(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
