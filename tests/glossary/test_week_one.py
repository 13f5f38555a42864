"""glossary/week-one.yml: the 20 words for week one, checked like a term file:
every problem names the file and the item."""
from __future__ import annotations

import shutil

import pytest

from glossary import GLOSSARY_DIR, GlossaryError
from glossary.week_one import SIZE, load_week_one
from tests.spec import repository_glossary

GLOSSARY = repository_glossary()


def test_the_real_list_has_twenty_known_ids_in_order():
    ids = load_week_one(GLOSSARY)
    assert len(ids) == SIZE == 20 and len(set(ids)) == 20
    assert all(term_id in GLOSSARY.terms for term_id in ids)


@pytest.fixture
def folder(tmp_path):
    shutil.copy(GLOSSARY_DIR / "week-one.yml", tmp_path / "week-one.yml")
    return tmp_path


def write(folder, text):
    (folder / "week-one.yml").write_text(text, encoding="utf-8")


REAL = (GLOSSARY_DIR / "week-one.yml").read_text(encoding="utf-8")
BAD = [
    ("unknown id", REAL.replace("- nrr\n", "- nrrr\n"), ["item 15: unknown term id 'nrrr'"]),
    ("twice", REAL.replace("- grr\n", "- nrr\n"), ["item 16: 'nrr' is listed twice"]),
    ("too short", REAL.replace("- qbr\n", ""), ["must list 20 term ids, lists 19"]),
    ("not a list", "nrr: grr\n", ["must be a YAML list of term ids"]),
    ("not YAML", "- [nrr\n", ["not valid YAML"]),
]


@pytest.mark.parametrize("case, text, messages", BAD, ids=[b[0] for b in BAD])
def test_bad_list_names_file_and_item(folder, case, text, messages):
    write(folder, text)
    with pytest.raises(GlossaryError) as error:
        load_week_one(GLOSSARY, folder)
    for message in messages:
        assert f"week-one.yml: {message}" in str(error.value)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(GlossaryError, match="week-one.yml: cannot be read"):
        load_week_one(GLOSSARY, tmp_path)
