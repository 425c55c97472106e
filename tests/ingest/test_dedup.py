"""Near-duplicate detection. Every text here is FICTION written for these tests."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time

import numpy as np
import pytest
from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrace.ingest.clean import mark_junk
from quotetrace.ingest.dedup import NearDuplicateIndex, minhash_signature, shingle_hashes, without_spans, words_utf8

# FICTION: an invented wire story, as a news agency would send it.
WIRE = """Velmora council approves harbour bridge after decade of debate

VELMORA, March 5 (Fictional Wire) - The council of the invented harbour town of Velmora voted on Tuesday to build a
footbridge across the old harbour, ending a debate that has divided residents for more than ten years.

Eleven of the fifteen councillors backed the plan, which will cost about forty million crowns and is due to open in
the spring of next year, according to a statement read out at the end of the four-hour meeting.

"We built this town on the water, and now we will finally be able to walk across it," Mayor Ilse Varga told
reporters outside the town hall, adding that the ferry would keep running on Sundays for visitors.

Opponents, led by councillor Piet Marsh, argued that the money would be better spent on the school roof and on the
tram line to the northern districts, which has been delayed twice since it was first proposed.

"The bridge is lovely, but the bill is not," Marsh said, warning that the final cost could be twice the estimate.

Engineers from the imaginary Northfold Institute said the span would carry ten thousand people a day and that its
lamps would be powered by small turbines set into the river bed below the main arch.

The council said it would publish a full account of the costs before the end of the year."""

# FICTION: the same event, written independently by another (invented) outlet.
OTHER_OUTLET = """Velmora says yes to the harbour footbridge

After years of argument, Velmora's councillors have finally agreed to span the old harbour. The vote on Tuesday
evening went eleven to four in favour of the footbridge, which the town expects to cost roughly forty million crowns.

Mayor Ilse Varga, who has championed the project since her election, was jubilant. "We built this town on the water,
and now we will finally be able to walk across it," she said as the meeting broke up.

Not everyone shared her joy. Councillor Piet Marsh, the plan's most vocal critic, has long said the money belongs to
the crumbling school roof and the much-delayed northern tram line, and he repeated that view on Tuesday.

Local shopkeepers on the harbour front told our reporter they hoped the bridge would bring more visitors in the
summer months, though several worried about two years of building work outside their doors.

The bridge is scheduled to open next spring. Ferries will continue to sail on Sundays."""


def republished(text: str) -> str:
    """A syndicated copy: new headline, edited dateline, one extra sentence at the end."""
    lines = text.split("\n")
    lines[0] = "Harbour town of Velmora to get its long-awaited footbridge"
    lines[2] = lines[2].replace("VELMORA, March 5 (Fictional Wire) - ", "(Fictional Wire) ")
    return "\n".join(lines) + "\nThe fictional Courier contributed to this report."


def jaccard(a: str, b: str) -> float:
    sa, sb = set(shingle_hashes(a).tolist()), set(shingle_hashes(b).tolist())
    return len(sa & sb) / len(sa | sb)


def test_signature_is_uint64_and_deterministic() -> None:
    sig = minhash_signature(WIRE)
    assert sig.dtype == np.uint64 and sig.shape == (128,)
    assert np.array_equal(sig, minhash_signature(WIRE))
    assert minhash_signature(WIRE, num_perm=64).shape == (64,)
    assert not np.array_equal(sig, minhash_signature(OTHER_OUTLET))


def test_signature_is_the_same_in_another_process() -> None:
    # Stored signatures must match those of the next run: no per-process hash seed may leak in.
    code = ("import sys; from quotetrace.ingest.dedup import minhash_signature; "
            "sys.stdout.write(minhash_signature(sys.stdin.read()).tobytes().hex())")
    env = dict(os.environ, PYTHONHASHSEED="12345")
    out = subprocess.run([sys.executable, "-c", code], input=WIRE, capture_output=True, text=True, env=env,
                         check=True).stdout
    assert out == minhash_signature(WIRE).tobytes().hex()


_MASK = (1 << 64) - 1


def _fmix64(value: int) -> int:
    value ^= value >> 33
    value = (value * 0xFF51AFD7ED558CCD) & _MASK
    value ^= value >> 33
    value = (value * 0xC4CEB9FE1A85EC53) & _MASK
    return value ^ (value >> 33)


def reference_signature(text: str, bins: int) -> list[int]:
    """One-permutation MinHash with optimal densification (Shrivastava 2017), spelled out in plain Python."""
    from quotetrace.ingest import dedup

    def bin_of(value: int) -> int:
        return ((value >> 32) * bins) >> 32

    minima: list[int | None] = [None] * bins
    for shingle in shingle_hashes(text).tolist():
        value = _fmix64(shingle)
        current = minima[bin_of(value)]
        if current is None or value < current:
            minima[bin_of(value)] = value
    if all(value is None for value in minima):
        return [_MASK] * bins
    signature = []
    for i, value in enumerate(minima):
        attempt = 0
        while value is None:  # probe this bin's own sequence until a bin that holds a shingle
            value = minima[bin_of(_fmix64(((i << 32) + attempt) ^ int(dedup._PROBE_SEED)))]
            attempt += 1
        signature.append(value)
    return signature


def test_signature_equals_a_plain_one_permutation_minhash_of_the_shingles() -> None:
    assert minhash_signature(WIRE).tolist() == reference_signature(WIRE, 128)


@pytest.mark.parametrize("words", [0, 1, 4, 5, 6, 40, 196, 197, 1000])
@pytest.mark.parametrize("bins", [64, 100, 128])
def test_signature_equals_the_reference_for_any_length_and_bin_count(words: int, bins: int) -> None:
    rng = random.Random(words)
    text = " ".join(rng.choice(["quay", "ferry", "Velmora", "tide", "rope", "gull", "x1", "über"]) + str(rng.randint(0, 50))
                    for _ in range(words))
    assert minhash_signature(text, num_perm=bins).tolist() == reference_signature(text, bins)


def _edited_pairs(count: int, seed: int) -> list[tuple[str, str]]:
    """(original, copy) pairs of random texts, the copy with 0-60 words replaced, cut or added (fiction)."""
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(3000)]
    pairs = []
    for _ in range(count):
        words = rng.choices(vocabulary, k=rng.randint(100, 900))
        copy = list(words)
        for _ in range(rng.randint(0, 60)):
            edit, at = rng.random(), rng.randrange(len(copy))
            if edit < 0.5:
                copy[at] = rng.choice(vocabulary)
            elif edit < 0.75:
                del copy[at]
            else:
                copy.insert(at, rng.choice(vocabulary))
        pairs.append((" ".join(words), " ".join(copy)))
    return pairs


def test_estimated_jaccard_is_as_close_as_classic_minhash() -> None:
    """One permutation estimates the shingles' Jaccard as well as 128 permutations (datasketch's affine64)."""
    errors: dict[str, list[float]] = {"ours": [], "classic": []}
    for a, b in _edited_pairs(300, seed=3):
        ours = float(np.mean(minhash_signature(a) == minhash_signature(b)))
        sketches = []
        for text in (a, b):
            sketch = MinHash(num_perm=128, seed=1, scheme="affine64", hashfunc=int)
            sketch.update_batch(shingle_hashes(text).tolist())
            sketches.append(sketch)
        true = jaccard(a, b)
        errors["ours"].append(ours - true)
        errors["classic"].append(sketches[0].jaccard(sketches[1]) - true)
    rmse = {name: float(np.sqrt(np.mean(np.square(values)))) for name, values in errors.items()}
    assert rmse["ours"] < 0.04 and rmse["ours"] <= 1.15 * rmse["classic"], rmse
    assert abs(float(np.mean(errors["ours"]))) < 0.01  # unbiased


def test_shingles_ignore_case_and_punctuation_but_not_word_order() -> None:
    assert np.array_equal(shingle_hashes("The Bridge, opened!  today at noon"),
                          shingle_hashes("the bridge opened today at noon"))
    assert not np.array_equal(shingle_hashes("the bridge opened today at noon"),
                              shingle_hashes("noon at today opened bridge the"))
    assert len(shingle_hashes("only three words")) == 1  # shorter than a shingle: one shingle
    assert len(shingle_hashes("  ... ")) == 0


def test_wire_copy_with_edits_is_found() -> None:
    copy = republished(WIRE)
    assert 0.8 < jaccard(WIRE, copy) < 1.0  # really edited, really close
    index = NearDuplicateIndex()
    assert index.find_or_add("wire-original", minhash_signature(WIRE)) is None
    assert index.find_or_add("courier-copy", minhash_signature(copy)) == "wire-original"
    assert len(index) == 1  # a near copy is not indexed itself


def test_copy_framed_by_page_furniture_is_found_when_junk_is_left_out() -> None:
    framed = ("Sign up for the Courier morning briefing\nShare on Facebook | Twitter\n" + republished(WIRE)
              + "\nAdvertisement\nSupport the Courier or become our patron!\nLoading comments...\n"
                "Copyright 2024 Velmora Courier. All rights reserved.")
    junk = mark_junk(framed)
    assert len(junk) == 6
    assert jaccard(WIRE, framed) < 0.8  # the furniture alone pushes it under the threshold
    index = NearDuplicateIndex()
    index.add("wire", minhash_signature(WIRE, junk=mark_junk(WIRE)))
    assert index.find_or_add("framed", minhash_signature(framed, junk=junk)) == "wire"
    assert np.array_equal(minhash_signature(framed, junk=junk),
                          minhash_signature(without_spans(framed, junk)))


def test_different_articles_on_the_same_event_are_not_duplicates() -> None:
    assert jaccard(WIRE, OTHER_OUTLET) < 0.2  # they share a quote, not their text
    index = NearDuplicateIndex()
    assert index.find_or_add("wire", minhash_signature(WIRE)) is None
    assert index.find_or_add("other", minhash_signature(OTHER_OUTLET)) is None
    assert len(index) == 2


def test_identical_text_finds_itself_only_under_another_id() -> None:
    index = NearDuplicateIndex()
    sig = minhash_signature(WIRE)
    assert index.find_or_add("a", sig) is None
    assert index.find_or_add("a", sig) is None  # the same article again: nothing to report
    assert index.find_or_add("b", sig) == "a"
    assert len(index) == 1


def test_first_inserted_copy_wins() -> None:
    copy = republished(WIRE)
    index = NearDuplicateIndex()
    index.add("first", minhash_signature(copy))
    index.add("second", minhash_signature(WIRE))
    assert index.find_or_add("third", minhash_signature(WIRE)) == "first"


def test_add_is_idempotent_and_rebuilds_the_same_answers() -> None:
    texts = {f"doc{i}": f"{WIRE}\nFictional follow-up paragraph number {i} about something else entirely."
             for i in range(3)}
    texts["other"] = OTHER_OUTLET
    first = NearDuplicateIndex()
    answers = {aid: first.find_or_add(aid, minhash_signature(t)) for aid, t in texts.items()}
    assert answers == {"doc0": None, "doc1": "doc0", "doc2": "doc0", "other": None}
    rebuilt = NearDuplicateIndex()
    for aid in ("doc0", "other", "doc0"):
        rebuilt.add(aid, minhash_signature(texts[aid]))
    assert len(rebuilt) == 2
    assert rebuilt.find_or_add("doc2", minhash_signature(texts["doc2"])) == "doc0"


def test_wrong_signature_size_is_refused() -> None:
    with pytest.raises(ValueError):
        NearDuplicateIndex(num_perm=128).add("x", minhash_signature(WIRE, num_perm=64))
    with pytest.raises(ValueError):
        NearDuplicateIndex(threshold=0.0)


def test_two_thousand_random_documents_index_quickly() -> None:
    rng = random.Random(7)
    vocabulary = [f"word{i}" for i in range(5000)]
    docs = [" ".join(rng.choices(vocabulary, k=300)) for _ in range(2000)]
    start = time.perf_counter()
    signatures = [minhash_signature(d) for d in docs]
    signed = time.perf_counter()
    index = NearDuplicateIndex()
    found = [index.find_or_add(f"r{i}", sig) for i, sig in enumerate(signatures)]
    done = time.perf_counter()
    print(f"\n2000 random docs: {2000 / (signed - start):.0f} signatures/s, "
          f"{2000 / (done - signed):.0f} index ops/s")
    assert found == [None] * 2000  # random texts share no shingles
    assert len(index) == 2000
    # A copy of one of them, lightly edited, is still found among the 2,000.
    words = docs[1234].split()
    words[150] = "edited"
    assert index.find_or_add("copy", minhash_signature(" ".join(words))) == "r1234"


def test_index_answers_as_datasketch_minhashlsh_with_jaccard_verification(datasketch_answers) -> None:
    """The compact banding gives datasketch MinHashLSH's answers (same bands; candidates verified, oldest first)."""
    rng = random.Random(11)
    vocabulary = [f"w{i}" for i in range(400)]
    bases = [[rng.choice(vocabulary) for _ in range(300)] for _ in range(60)]
    docs = []
    for i in range(400):  # copies with 0-8 edited words: some within the threshold, some not
        words = list(bases[rng.randrange(len(bases))])
        for _ in range(rng.randint(0, 8)):
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
        docs.append((f"d{i}", minhash_signature(" ".join(words))))
    expected = datasketch_answers(docs)
    index = NearDuplicateIndex()
    assert [index.find_or_add(key, sig) for key, sig in docs] == expected
    assert 50 < sum(m is not None for m in expected) < 390  # both outcomes are exercised
    assert len(index) == sum(m is None for m in expected)  # one entry per canonical copy


@pytest.mark.parametrize("piece", [16, 1 << 16])
def test_word_hashes_are_each_words_own_hash_wherever_it_sits(piece: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from quotetrace.ingest import dedup

    monkeypatch.setattr(dedup, "_PIECE", piece)  # 16: long texts cut into many pieces, some words longer than one
    texts = [WIRE, OTHER_OUTLET, "Straße ÜBER café_au-lait ½ 東京で会見した。 " + "x" * 40 + " end",
             " ".join(["bridge"] * 30), ""]
    for text in texts:
        words = words_utf8(text)
        assert dedup.word_hashes(text).tolist() == [dedup.word_hash(word) for word in words]
    assert dedup.word_hash(b"bridge") != dedup.word_hash(b"bridgf") != dedup.word_hash(b"bridge\xc3\xa9")
    assert dedup.word_hash(b"ab") != dedup.word_hash(b"ba")


def test_index_blocks_keep_every_rank(monkeypatch: pytest.MonkeyPatch) -> None:
    from quotetrace.ingest import dedup

    monkeypatch.setattr(dedup, "_BLOCK_ROWS", 3)  # many block boundaries among a few articles
    rng = random.Random(5)
    vocabulary = [f"v{i}" for i in range(3000)]
    docs = [" ".join(rng.choices(vocabulary, k=120)) for _ in range(10)]
    index = NearDuplicateIndex()
    assert [index.find_or_add(f"o{i}", minhash_signature(d)) for i, d in enumerate(docs)] == [None] * 10
    for i, doc in enumerate(docs):  # an exact copy of each finds its original, in whichever block it sits
        assert index.find_or_add(f"c{i}", minhash_signature(doc)) == f"o{i}"
    assert len(index._blocks) == 4 and len(index) == 10


_WORDS = __import__("re").compile(r"\w+")


@pytest.mark.parametrize("text", ["", "  ... ", WIRE, OTHER_OUTLET, "Straße ÜBER café_au-lait 1,5 ½ ٣٤ x\u00a0y\u2009z",
                                  "\u201cQuoted,\u201d she said \u2014 twice\u2026 \ud800 e\u0301 ǅ ﬁne",
                                  "Мэр сказал: «Мост откроют весной». 東京で会見した。"])
def test_words_are_those_the_word_regex_finds(text: str) -> None:
    assert words_utf8(text) == [w.encode("utf-8") for w in _WORDS.findall(text.casefold())]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80) | st.text(max_size=80))
def test_words_are_those_the_word_regex_finds_on_any_text(text: str) -> None:
    expected = [w for w in _WORDS.findall(text.casefold())]
    assert [w.decode("utf-8") for w in words_utf8(text)] == expected
