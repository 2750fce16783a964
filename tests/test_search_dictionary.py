"""The Russian dictionary is mapped from its files (search.dictionary), not copied into every worker:
the same analyses, and a worker's own memory no longer holds it."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pymorphy3
import pytest
from dawg_python import wrapper

from search import dictionary
from search.normalize import words

SENTENCES = Path(__file__).parent / "data" / "ru-sentences.txt"
ROOT = Path(__file__).resolve().parent.parent


def analyses(analyzer, items):
    return [
        [(parse.normal_form, str(parse.tag), parse.score) for parse in analyzer.parse(word)] for word in items
    ]


def copying_analyzer(monkeypatch):
    for holder, read in dictionary.COPYING_READS.items():
        monkeypatch.setattr(holder, "read", read)
    return pymorphy3.MorphAnalyzer(lang="ru")


def test_a_mapped_dictionary_gives_every_analysis_a_copied_one_gives(monkeypatch):
    text = SENTENCES.read_text(encoding="utf-8")
    # Real sentences, plus words the dictionary lacks (analysed from their endings by the suffix DAWGs).
    items = sorted(set(words(text)))[:3000] + ["зюзюкиной", "кракозябрами", "блогерше", "хайповали"]
    dictionary.map_files()
    mapped = pymorphy3.MorphAnalyzer(lang="ru")
    assert isinstance(mapped.dictionary.words.dct._units, memoryview)
    expected = analyses(copying_analyzer(monkeypatch), items)
    assert analyses(mapped, items) == expected
    assert len(items) > 1000


MEMORY_PROBE = """
import json
def private_kb():
    fields = dict(line.split(":", 1) for line in open("/proc/self/smaps_rollup") if ":" in line)
    return int(fields["Private_Dirty"].split()[0])
import django
django.setup()
from search import normalize
before = private_kb()
normalize.russian_term("новости")
print(json.dumps({"grew_kb": private_kb() - before, "term": normalize.russian_term("новостями")}))
"""


@pytest.mark.skipif(not Path("/proc/self/smaps_rollup").exists(), reason="needs Linux's /proc smaps_rollup")
def test_loading_the_dictionary_adds_little_to_a_workers_own_memory():
    """dawg_python's copies added 21 MB of private memory to each worker; mapped, 5 MB."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    output = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", MEMORY_PROBE],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
        timeout=120,
    ).stdout
    found = json.loads(output.splitlines()[-1])
    assert found["term"] == "новость"
    assert found["grew_kb"] < 10 * 1024


def test_a_truncated_dictionary_file_is_a_clear_error(tmp_path):
    source = Path(pymorphy3.MorphAnalyzer(lang="ru").dictionary.path) / "words.dawg"
    broken = tmp_path / "words.dawg"
    shutil.copyfile(source, broken)
    with broken.open("r+b") as file:
        file.truncate(source.stat().st_size // 2)
    dictionary.map_files()
    with pytest.raises(ValueError, match="the file is shorter"):
        wrapper.Dictionary.load(broken)
