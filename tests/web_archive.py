"""The archive the web tests serve: two corpus PDFs (our own documents: a task force's
minutes with statements, a regional committee's agenda and minutes) and a short TXT
referat written here, with markup characters in its text and a closed item, imported with
``--include-closed`` so that ``--public`` has something to hide. The files are copied into
a temporary folder, so the archive's source paths point at files a test may look at."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from referat.archive import open_archive
from referat.extract import extract_file

REPO = Path(__file__).resolve().parent.parent
CORPUS_PDFS = ("sst-taskforce-referat.pdf", "regioner-psu-dagsorden-referat.pdf")

# Invented minutes: a title and a section with HTML in them (the page must show the
# characters, not run them), and a closed item whose text must stay out of --public.
TEKNIK_TXT = """\
Teknik- og Miljøudvalget
Referat
Mødedato
14. maj 2024
Punkt 1 Skilte <ved> stier & "broer" i Lystrup
Sagsfremstilling
Forvaltningen foreslår nye skilte <script>alert(1)</script> ved cykelstierne i Lystrup.
Beslutning
KL bemærkede, at skiltene bør følge de fælles kommunale standarder.
Godkendt.
Punkt 2 (Lukket) Køb af grund ved Egå
Sagsfremstilling
Kommunen kan købe grunden ved cykelstierne for 4,2 mio. kr. af en anonym sælger.
Beslutning
Godkendt.
"""


@dataclass(frozen=True)
class WebArchive:
    path: Path  # the archive file
    files: dict[str, Path]  # file name → the copy that was imported


def build_web_archive(folder: Path) -> WebArchive:
    """Import the documents into ``folder/referat.db`` (in-process: one spaCy load)."""
    documents = folder / "dokumenter"
    documents.mkdir(parents=True)
    files = {}
    for name in CORPUS_PDFS:
        files[name] = Path(shutil.copy(REPO / "corpus" / name, documents / name))
    files["teknik.txt"] = documents / "teknik.txt"
    files["teknik.txt"].write_text(TEKNIK_TXT, encoding="utf-8")
    path = folder / "referat.db"
    with open_archive(str(path)) as archive:
        for file in files.values():
            assert archive.store_document(extract_file(str(file)), path=str(file), include_closed=True) == "imported"
    return WebArchive(path=path, files=files)
