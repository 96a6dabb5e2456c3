"""Drives the real Anki library for TallyAnki's tests: imports packages into a collection kept between calls and
reports, as JSON on stdout, what Anki itself says and stores.

    anki_harness.py COLLECTION import-apkg PACKAGE
    anki_harness.py COLLECTION import-tsv FILE
    anki_harness.py COLLECTION answer GUID        (answers the note's first due card with "Good")
    anki_harness.py COLLECTION state
    anki_harness.py COLLECTION search QUERY       (adds "found": the GUIDs of the notes Anki's search finds)
    anki_harness.py COLLECTION render OUT.json    (writes each card's question and answer HTML, as Anki renders
                                                   them, with the note type's CSS, for the browser test)
    anki_harness.py - guid CARD_ID...             (Tally's GUID definition, computed independently of Swift)

Every command but `guid` prints {"log": ... (imports only), "state": ...}.
"""
import hashlib
import json
import os
import sys

from anki.collection import Collection, ImportAnkiPackageRequest
from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportCsvRequest


def tally_guid(card_id):
    return hashlib.sha256(("tally-card:" + card_id).encode("utf-8")).hexdigest()[:16]


def import_log(col, log):
    def guids(notes):
        return [col.db.scalar("select guid from notes where id = ?", n.id.nid) for n in notes]

    return {
        "new": guids(log.new),
        "updated": guids(log.updated),
        "duplicate": guids(log.duplicate),
        "conflicting": guids(log.conflicting),
        "first_field_match": len(log.first_field_match),
        "missing_notetype": len(log.missing_notetype),
        "missing_deck": len(log.missing_deck),
        "empty_first_field": len(log.empty_first_field),
    }


def state(col):
    notes = []
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        cards = note.cards()
        notes.append({
            "guid": note.guid,
            "notetype": note.note_type()["name"],
            "fields": dict(note.items()),
            "tags": note.tags,
            "mod": note.mod,
            "decks": sorted({col.decks.name(c.did) for c in cards}),
            "cards": len(cards),
            "card_ords": sorted(c.ord for c in cards),
            "reviews": sum(col.db.scalar("select count() from revlog where cid = ?", c.id) for c in cards),
            "questions": [c.question() for c in sorted(cards, key=lambda c: c.ord)],
            "answers": [c.answer() for c in sorted(cards, key=lambda c: c.ord)],
        })
    media_dir = col.media.dir()
    media = {}
    for name in sorted(os.listdir(media_dir)):
        with open(os.path.join(media_dir, name), "rb") as f:
            media[name] = hashlib.sha256(f.read()).hexdigest()
    return {
        "notes": sorted(notes, key=lambda n: n["guid"]),
        "decks": sorted(d.name for d in col.decks.all_names_and_ids()),
        "notetypes": sorted(m.name for m in col.models.all_names_and_ids()),
        "card_count": col.card_count(),
        "media": media,
    }


def import_apkg(col, path):
    options = ImportAnkiPackageOptions(with_scheduling=True)
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=path, options=options)).log


def import_tsv(col, path):
    metadata = col.get_csv_metadata(path=path, delimiter=None)
    return col.import_csv(ImportCsvRequest(path=path, metadata=metadata)).log


def answer(col, guid):
    nid = col.db.scalar("select id from notes where guid = ?", guid)
    card = col.get_note(nid).cards()[0]
    card.start_timer()
    col.sched.answerCard(card, 3)


def render(col, out):
    cards = []
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        note = card.note()
        cards.append({
            "guid": note.guid,
            "ord": card.ord,
            "notetype": note.note_type()["name"],
            "css": note.note_type()["css"],
            "question": card.question(),
            "answer": card.answer(),
        })
    with open(out, "w") as f:
        json.dump({"cards": sorted(cards, key=lambda c: (c["guid"], c["ord"])), "media": col.media.dir()}, f)


def main(argv):
    collection, command, args = argv[1], argv[2], argv[3:]
    if command == "guid":
        print(json.dumps({card_id: tally_guid(card_id) for card_id in args}))
        return
    col = Collection(collection)
    try:
        report = {}
        if command == "import-apkg":
            report["log"] = import_log(col, import_apkg(col, args[0]))
        elif command == "import-tsv":
            report["log"] = import_log(col, import_tsv(col, args[0]))
        elif command == "answer":
            answer(col, args[0])
        elif command == "search":
            report["found"] = sorted(col.db.scalar("select guid from notes where id = ?", nid)
                                     for nid in col.find_notes(args[0]))
        elif command == "render":
            render(col, args[0])
        elif command != "state":
            raise SystemExit(f"unknown command {command}")
        report["state"] = state(col)
        print(json.dumps(report))
    finally:
        col.close()


if __name__ == "__main__":
    main(sys.argv)
