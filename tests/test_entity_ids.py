"""Entity ids are readable ASCII (issue 18, problem 12): Türkiye is ``loc:turkiye``."""

from __future__ import annotations

import json
import re
from pathlib import Path

from akhbar.text.slug import ascii_slug

GAZETTEER = Path(__file__).resolve().parent.parent / "akhbar" / "data" / "gazetteer"
READABLE_ID = re.compile(r"(?:loc|org|per):[a-z0-9]+(?:-[a-z0-9]+)*")


def _rows(name: str) -> list[list[str]]:
    lines = (GAZETTEER / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def test_slug_keeps_accented_letters():
    assert ascii_slug("Türkiye") == "turkiye"
    assert ascii_slug("Côte d’Ivoire") == "cote-d-ivoire"
    assert ascii_slug("São Tomé & Príncipe") == "sao-tome-principe"


def test_country_ids_are_their_english_names_in_ascii():
    for entity_id, _iso, _ar, name_en in _rows("countries.tsv"):
        assert entity_id == f"loc:{ascii_slug(name_en)}", name_en


def test_every_gazetteer_id_is_readable_ascii():
    for path in sorted(GAZETTEER.glob("*.tsv")):
        for row in _rows(path.name):
            for cell in row:
                for value in cell.split("|"):
                    if re.match(r"(?:loc|org|per):", value):
                        assert READABLE_ID.fullmatch(value), (path.name, value)


def test_turkiye_is_found_under_its_readable_id(cli, tmp_path):
    text = tmp_path / "a.txt"
    body = "زيارة إلى تركيا\n\nوصل الوفد إلى تركيا أمس في زيارة رسمية.\n"
    text.write_text(body, encoding="utf-8")
    code, out, err = cli("extract", str(text))
    assert code == 0, err
    assert "loc:turkiye" in {m["entity_id"] for m in json.loads(out)["mentions"]}
