"""The edition as data for reuse: the registers as JSON and CSV, the whole edition as one
TEI corpus file with the schemas beside it, and every download in one zip with a manifest
of SHA-256 checksums. Bytes are deterministic, so that two builds give the same files."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from pathlib import Path

#: Columns of registers.csv; lists are joined with " | ".
COLUMNS = ["register", "id", "name", "variants", "type", "identification", "dates", "authority_uris", "occurrences", "uri"]


def registers(records: list[dict]) -> dict[str, bytes]:
    """registers.json (the records as the stylesheets give them) and registers.csv (one row an entry)."""
    text = json.dumps(records, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    table = io.StringIO()
    writer = csv.DictWriter(table, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({
            **{key: record[key] for key in ("register", "id", "name", "type", "identification", "dates", "uri")},
            "variants": " | ".join(record["variants"]),
            "authority_uris": " | ".join(a["uri"] for a in record["authorities"]),
            "occurrences": " | ".join(f"{o['document']}#{place}" for o in record["occurrences"] for place in o["places"]),
        })
    return {"downloads/registers.json": text.encode("utf-8"), "downloads/registers.csv": table.getvalue().encode("utf-8")}


def corpus(xml: str, schema_dir: Path | None) -> dict[str, bytes]:
    """The corpus file and, beside it and at the site's root, the schemas its files point to
    (the documents' xml-model links are relative: ../schema/ from texts/ and registers/)."""
    files = {"downloads/edition-corpus.xml": xml.encode("utf-8")}
    for name in ("edition.rng", "edition.sch") if schema_dir else ():
        data = (schema_dir / name).read_bytes()
        files[f"downloads/schema/{name}"] = data
        files[f"schema/{name}"] = data
    return files


def bundle(files: dict[str, bytes], date: str) -> dict[str, bytes]:
    """downloads/edition-data.zip: every download, and MANIFEST-SHA256.txt listing their checksums."""
    downloads = {name.removeprefix("downloads/"): data for name, data in sorted(files.items()) if name.startswith("downloads/")}
    manifest = "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in downloads.items())
    stamp = tuple(int(part) for part in date.split("-")) + (0, 0, 0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in [("MANIFEST-SHA256.txt", manifest.encode("utf-8")), *downloads.items()]:
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data)
    return {"downloads/edition-data.zip": buffer.getvalue()}
