"""The search index: Pagefind's files, the same to the byte on every run."""

from __future__ import annotations

import gzip
import hashlib
import json

import pytest

from teiedition import search
from teiedition.exceptions import BuildError

PEOPLE = ["Zoë Ward", "Adam Smith", "Émile Zola", "bob", "Mary Shelley", "Omar Khayyam", "Yuki Onna", "Chen Wei", "Ōe Kenzaburō"]


def page(number: int) -> bytes:
    people = "".join(f'<li data-pagefind-filter="person">{name}</li>' for name in PEOPLE[number % 4::3])
    kind = ["Letter", "Telegram", "Memorandum"][number % 3]
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Page {number}</title></head>'
            f'<body><main><h1 data-pagefind-meta="title">Page {number}</h1><p>A {kind.lower()} about the '
            f'embassy, number {number}.</p><p data-pagefind-filter="type">{kind}</p><ul>{people}</ul>'
            f'<p data-pagefind-filter="document">Document {number}</p></main></body></html>').encode()


@pytest.fixture(scope="module")
def pages() -> dict[str, bytes]:
    return {f"doc-{number}.html": page(number) for number in range(8)}


@pytest.fixture(scope="module")
def index(pages) -> dict[str, bytes]:
    return search.search_index(pages, "en")


def test_two_index_runs_on_the_same_pages_give_identical_files(pages, index):
    # each run is a new Pagefind process, with its HashMaps seeded afresh
    again = search.search_index(pages, "en")
    assert sorted(again) == sorted(index)
    assert [path for path in index if index[path] != again[path]] == []
    assert len([path for path in index if path.startswith("pagefind/filter/")]) == 3


def test_filter_values_are_in_order_and_files_named_after_their_content(index):
    entry = json.loads(index["pagefind/pagefind-entry.json"])
    meta_path = f"pagefind/pagefind.{entry['languages']['en']['hash']}.pf_meta"
    filters = search._unpack(index[meta_path])[3]
    assert [name for name, _ in filters] == ["document", "person", "type"]
    for name, hashed in filters:
        data = gzip.decompress(index[f"pagefind/filter/{hashed}.pf_filter"])
        assert data.startswith(b"pagefind_dcd")
        # Pagefind's own naming: SHA-1 of the CBOR, each byte in hex without a leading zero
        digest = "".join(f"{byte:x}" for byte in hashlib.sha1(data[12:]).digest())
        assert hashed == f"en_{digest[:7]}"
        filter_name, values = search._unpack(index[f"pagefind/filter/{hashed}.pf_filter"])
        assert filter_name == name
        assert [value for value, _ in values] == sorted(value for value, _ in values)
        assert all(pages == sorted(pages) for _, pages in values)
    people = dict(search._unpack(index[f"pagefind/filter/{dict(filters)['person']}.pf_filter"])[1])
    assert sorted(people) == sorted(PEOPLE)


def test_the_cbor_is_written_as_pagefind_writes_it():
    for value in [0, 23, 24, 255, 256, 65535, 65536, 2**32, -1, -25, "", "ü" * 30, [], [[1, "a"], [2**20]]]:
        data = search._cbor(value)
        assert search._uncbor(data, 0) == (value, len(data))
    assert search._cbor(24) == b"\x18\x18" and search._cbor(500) == b"\x19\x01\xf4"
    assert search._cbor(["ab", [1]]) == b"\x82\x62ab\x81\x01"


def test_an_index_file_cut_short_is_refused(index):
    for path in ["pagefind/pagefind-entry.json", next(p for p in index if p.endswith(".pf_fragment"))]:
        broken = dict(index, **{path: index[path][:-9]})
        with pytest.raises(BuildError, match="incomplete search index"):
            search._check(broken)
    search._check(index)
