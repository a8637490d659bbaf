"""Synthetic editions for the benchmarks: `n` documents made from the edition's own five.

    uv run python -m benchmarks.corpus N DEST [--seed S] [--source tei]

writes a complete edition folder at DEST (edition.xml, texts/, registers/, schema/ copied
from the source edition) that passes `edition validate DEST`. Document `i` (from 0) is a
copy of the source's document `i mod 5` (in the order of the contents list), with

- a new slug, `<source slug>-<i+1>` (zero-padded), and a new id key, `<source key><i+1>`,
  so that every identifier keeps the scheme (`p-memo17-loan`, `n-memo17-olfat`…) and is
  unique across the corpus;
- every pointer kept consistent: `#id` fragments (`@target`, `@next`/`@prev`, `@hand`,
  `@corresp`…) follow the renamed ids, and `doc:` pointers go to the copy of the document
  they named in the same group of five (or, where the group is incomplete, to the first
  copy there is);
- its text varied: the paragraphs of each division shuffled, words swapped between
  paragraphs, every date of the document (but for the edition's own publication dates)
  shifted by one offset, the titles numbered;
- and some of its names (persons, places, organisations) pointed at new register entries:
  each register of persons, places and organisations gains about n/5 entries.

`edition.xml` lists every document, in order, in its `listBibl type="contents"`.
Everything is decided by a `random.Random` seeded from `seed` (and the document's number),
so one seed gives the same bytes every time."""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import random
import re
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedition.validation import unique

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tei"

TEI_NS = "http://www.tei-c.org/ns/1.0"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NS = {"t": TEI_NS}


def T(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


#: The pointer attributes of the edition (those edition.sch checks).
POINTER_ATTRIBUTES = ("ref", "target", "resp", "hand", "corresp", "who", "active", "passive", "mutual",
                      "source", "scheme", "sameAs", "where", "next", "prev", "scribeRef")
#: Date attributes; on these elements @from/@to are leaves or pages, not dates.
DATE_ATTRIBUTES = ("when", "notBefore", "notAfter", "from", "to")
NOT_DATES = {T("locus"), T("citedRange"), T("biblScope")}
#: Dates of the edition itself (its version, publication, revisions): never shifted.
FIXED_DATES = {T("editionStmt"), T("publicationStmt"), T("revisionDesc")}
#: Names whose text may be replaced by a new register entry's: element → register kind.
NAME_KINDS = {T("persName"): "person", T("placeName"): "place", T("orgName"): "org"}
PREFIX = {"person": "psn", "place": "plc", "org": "org"}
#: Elements whose own words stay as they are: names, titles, dates and the editors' interventions.
KEEP_TEXT = {T(name) for name in ("persName", "placeName", "orgName", "name", "rs", "title", "date", "sic", "corr",
                                  "orig", "reg", "forename", "surname", "roleName", "addName", "foreign", "idno")}
#: A word that may change places with another: letters only, so punctuation stays put.
WORD = re.compile(r"[A-Za-z]{3,}")
ID_KEY = re.compile(r"^[a-z]-([a-z0-9]+)-")
WITH_ID = etree.XPath("descendant-or-self::*[@xml:id]")
WITH_DATE = etree.XPath("descendant-or-self::*[@when or @notBefore or @notAfter or @from or @to]")
WITH_LOCAL_POINTER = etree.XPath("descendant-or-self::*[@*[contains(., '#') or contains(., 'doc:')]]")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
MONTH = "|".join(MONTHS)
DAY_MONTH_YEAR = re.compile(rf"^(\d{{1,2}}) ({MONTH}) (\d{{4}})$")
MONTH_DAY_YEAR = re.compile(rf"^({MONTH}) (\d{{1,2}}), (\d{{4}})$")

FORENAMES = ("Ali", "Anna", "Boris", "Dariush", "Elena", "Farid", "Galina", "Hassan", "Irina", "Javad",
             "Karim", "Leila", "Maryam", "Nikolai", "Olga", "Parviz", "Reza", "Sergei", "Shirin",
             "Tatiana", "Viktor", "Yuri", "Zahra", "Mehdi", "Nadia", "Omid", "Pavel", "Roya", "Saeed",
             "Vera")
SURNAMES = ("Abbasi", "Antonov", "Bagheri", "Belov", "Davoudi", "Egorov", "Farahani", "Golubev",
            "Hosseini", "Ivanov", "Jafari", "Kazemi", "Kuznetsov", "Lebedev", "Mahmoudi", "Morozov",
            "Nazari", "Orlov", "Pakravan", "Petrov", "Rahimi", "Romanov", "Sadeghi", "Sokolov", "Tabrizi",
            "Tarasov", "Vaziri", "Volkov", "Yazdani", "Zaitsev")
SYLLABLES = ("ab", "an", "bar", "dar", "esh", "gol", "kan", "kir", "lov", "mar", "nov", "or", "pol", "rud",
             "sar", "shah", "tov", "van", "zar", "grad", "abad", "sk")
ORG_WORDS = (("Committee", "for"), ("Society", "of"), ("Union", "of"), ("Council", "for"), ("League", "of"),
             ("Institute", "of"), ("Front", "for"), ("Association", "of"))
ORG_TOPICS = ("Friendship", "Peace", "Solidarity", "Liberation", "Progress", "Oriental Studies", "Labour",
              "the Press", "Cooperation", "Reconstruction")


@dataclass
class Template:
    """One document of the source edition, parsed once."""

    slug: str
    key: str
    head: bytes  # the XML declaration and the xml-model processing instructions
    root: etree._Element
    bibl: etree._Element  # its entry of the contents list


@dataclass
class Entity:
    """A new register entry: its kind, id and main name."""

    kind: str
    id: str
    name: str
    element: etree._Element = field(repr=False)


@dataclass
class Plan:
    """What every document of the corpus will be: slugs and keys by number, and the new entries."""

    n: int
    templates: list[Template]
    slugs: list[str]
    keys: list[str]
    entities: dict[str, list[Entity]]
    pinned: set[str]  # ids the schema names by value: kept by the first copy, dropped by the others

    def template(self, i: int) -> Template:
        return self.templates[i % len(self.templates)]

    def document(self, slug: str, group: int) -> str:
        """The generated document standing for the source's `slug` in group `group`."""
        index = next((t for t, template in enumerate(self.templates) if template.slug == slug), None)
        if index is None:
            return slug
        size = len(self.templates)
        for candidate in (group * size + index, index):
            if candidate < self.n:
                return self.slugs[candidate]
        return self.slugs[0]


# ----------------------------------------------------------------------------------------------
# Reading the source


def parse(path: Path) -> tuple[bytes, etree._Element]:
    data = path.read_bytes()
    parser = etree.XMLParser(remove_blank_text=False, resolve_entities=False, no_network=True)
    root = etree.fromstring(data, parser)
    start = data.find(b"<TEI")
    return data[:start] if start > 0 else b'<?xml version="1.0" encoding="UTF-8"?>\n', root


def id_key(root: etree._Element) -> str:
    """The document's id key: the commonest `{key}` of its `x-{key}-words` identifiers."""
    keys = Counter(m.group(1) for ident in root.iter() if (m := ID_KEY.match(ident.get(XML_ID) or "")))
    if not keys:
        raise ValueError(f"document {root.get(XML_ID)!r} has no identifiers of the form p-{{key}}-{{words}}")
    return keys.most_common(1)[0][0]


def templates(source: Path) -> tuple[bytes, etree._Element, list[Template]]:
    head, edition = parse(source / "edition.xml")
    contents = edition.find(".//t:listBibl[@type='contents']", NS)
    if contents is None:
        raise ValueError(f"{source / 'edition.xml'} has no listBibl type='contents'")
    found = []
    for bibl in contents.findall("t:bibl", NS):
        slug = (bibl.get("corresp") or "").removeprefix("doc:")
        text_head, root = parse(source / "texts" / f"{slug}.xml")
        found.append(Template(slug, id_key(root), text_head, root, bibl))
    if not found:
        raise ValueError(f"the contents list of {source / 'edition.xml'} names no document")
    return head, edition, found


def pinned_ids(schema: Path) -> set[str]:
    """Identifiers the schema allows as the value of a pointer attribute (e.g. add/@hand =
    '#h-memo-figure'): a renamed copy could not point to them, so only one copy keeps them."""
    rng = etree.parse(str(schema / "edition.rng"))
    values: list[str] = []
    for attribute in rng.iter(f"{{{RNG_NS}}}attribute"):
        if attribute.get("name") in POINTER_ATTRIBUTES:
            values += [v.text for v in attribute.iter(f"{{{RNG_NS}}}value") if v.text]
    return {v[1:] for v in values if v.startswith("#")}


# ----------------------------------------------------------------------------------------------
# New register entries


def new_entities(n: int, rng: random.Random, taken: set[str]) -> dict[str, list[Entity]]:
    """About n/5 (at least one) new persons, places and organisations, with fresh ids."""
    count = max(1, n // 5)
    entities: dict[str, list[Entity]] = {"person": [], "place": [], "org": []}

    def fresh(base: str) -> str:
        return unique(re.sub(r"[^a-z0-9_]", "", base.lower().replace(" ", "_").replace("-", "_")), taken)

    for j in range(count):
        fore, sur = rng.choice(FORENAMES), rng.choice(SURNAMES)
        ident = fresh(f"{sur}_{fore}")
        year = rng.randint(1900, 1990)
        person = etree.Element(T("person"), {XML_ID: ident})
        main = etree.SubElement(person, T("persName"), type="main")
        etree.SubElement(main, T("forename")).text = fore
        etree.SubElement(main, T("surname")).text = sur
        main[0].tail = " "
        etree.SubElement(person, T("persName"), type="variant").text = f"{fore[0]}. {sur}"
        etree.SubElement(person, T("floruit"), when=str(year))
        etree.SubElement(person, T("note"), type="identification").text = (
            f"A person of the synthetic benchmark corpus (entry {j + 1}), active in {year}.")
        entities["person"].append(Entity("person", ident, f"{fore} {sur}", person))

        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        ident = fresh(name)
        place = etree.Element(T("place"), {XML_ID: ident, "type": rng.choice(("city", "town"))})
        etree.SubElement(place, T("placeName"), type="main").text = name
        etree.SubElement(place, T("desc")).text = f"A place of the synthetic benchmark corpus (entry {j + 1})."
        entities["place"].append(Entity("place", ident, name, place))

        kind, link = rng.choice(ORG_WORDS)
        topic = rng.choice(ORG_TOPICS)
        label = f"{kind} {link} {topic}"
        ident = fresh(f"{kind}_{topic}")
        org = etree.Element(T("org"), {XML_ID: ident})
        etree.SubElement(org, T("orgName"), type="main").text = label
        etree.SubElement(org, T("orgName"), type="variant").text = "".join(w[0] for w in label.split() if w[0].isupper())
        etree.SubElement(org, T("desc")).text = f"An organisation of the synthetic benchmark corpus (entry {j + 1})."
        entities["org"].append(Entity("org", ident, label, org))
    return entities


def indent_into(parent: etree._Element, elements: list[etree._Element], level: int) -> None:
    """Append `elements` to `parent`, one per line, indented as the registers are."""
    inner = "\n" + "  " * level
    if len(parent):
        parent[-1].tail = inner
    else:
        parent.text = inner
    for element in elements:
        for child in element:
            child.tail = inner + "  "
        element.text = inner + "  "
        element[-1].tail = inner
        element.tail = inner
        parent.append(element)
    if len(parent):
        parent[-1].tail = "\n" + "  " * (level - 1)


# ----------------------------------------------------------------------------------------------
# One document


def shift(value: str, days: int) -> str:
    """An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) moved by about `days`, at its own precision."""
    parts = value.split("-")
    if not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        return value
    if len(parts) == 1:
        return f"{int(parts[0]) + round(days / 365):04d}"
    if len(parts) == 2:
        months = int(parts[0]) * 12 + int(parts[1]) - 1 + round(days / 30.44)
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    try:
        return (dt.date(int(parts[0]), int(parts[1]), int(parts[2])) + dt.timedelta(days=days)).isoformat()
    except ValueError:
        return value


def retell(element: etree._Element, when: str) -> None:
    """A date's text made to agree with its shifted @when, where the text is a plain full date."""
    if len(element) or not element.text or len(when) != 10:
        return
    day = dt.date.fromisoformat(when)
    text = element.text.strip()
    if DAY_MONTH_YEAR.match(text):
        element.text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    elif MONTH_DAY_YEAR.match(text):
        element.text = f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def shift_dates(root: etree._Element, days: int) -> None:
    for element in WITH_DATE(root):
        if element.tag in NOT_DATES:
            continue
        if any(a.tag in FIXED_DATES for a in element.iterancestors()):
            continue
        for name in DATE_ATTRIBUTES:
            value = element.get(name)
            if value:
                element.set(name, shift(value, days))
        if element.tag == T("date") and element.get("when"):
            retell(element, element.get("when"))


def number_title(element: etree._Element, suffix: str) -> None:
    """Append `suffix` to the text of a title, after its last child if it has any."""
    if len(element):
        element[-1].tail = (element[-1].tail or "") + suffix
    else:
        element.text = (element.text or "") + suffix


def unwrap(element: etree._Element) -> None:
    """Replace `element` by its content (text, children and tail stay where they were)."""
    parent = element.getparent()
    at = parent.index(element)
    before = parent[at - 1] if at else None
    text = (element.text or "")
    if before is None:
        parent.text = (parent.text or "") + text
    else:
        before.tail = (before.tail or "") + text
    children = list(element)
    for offset, child in enumerate(children):
        parent.insert(at + offset, child)
    last = children[-1] if children else (parent[at - 1] if at else None)
    tail = element.tail or ""
    if last is None:
        parent.text = (parent.text or "") + tail
    else:
        last.tail = (last.tail or "") + tail
    parent.remove(element)


def shuffle_paragraphs(body: etree._Element, rng: random.Random) -> None:
    """The paragraphs of each division in a new order (other children keep their places)."""
    for div in body.iter(T("div")):
        children = list(div)
        slots = [k for k, child in enumerate(children) if child.tag == T("p")]
        if len(slots) < 2:
            continue
        tails = [child.tail for child in children]
        moved = [children[k] for k in slots]
        rng.shuffle(moved)
        for k, paragraph in zip(slots, moved):
            children[k] = paragraph
        div[:] = children
        for child, tail in zip(children, tails):
            child.tail = tail


def text_slots(paragraph: etree._Element) -> list[tuple[etree._Element, str]]:
    """The text nodes of a paragraph that hold movable words: (element, 'text' or 'tail')."""
    slots = []
    for element in paragraph.iter():
        if not isinstance(element.tag, str):
            continue
        if element.text and element.tag not in KEEP_TEXT and WORD.search(element.text):
            slots.append((element, "text"))
        if element is not paragraph and element.tail and WORD.search(element.tail):
            slots.append((element, "tail"))
    return slots


def swap_words(body: etree._Element, rng: random.Random) -> None:
    """As many swaps as there are paragraphs, each of one word of a paragraph with one of another."""
    paragraphs = [(p, slots) for p in body.iter(T("p")) if (slots := text_slots(p))]
    if len(paragraphs) < 2:
        return
    for _ in range(len(paragraphs)):
        (_, a_slots), (_, b_slots) = rng.sample(paragraphs, 2)
        a_el, a_where = rng.choice(a_slots)
        b_el, b_where = rng.choice(b_slots)
        a_text, b_text = getattr(a_el, a_where), getattr(b_el, b_where)
        a_word = rng.choice(list(WORD.finditer(a_text)))
        b_word = rng.choice(list(WORD.finditer(b_text)))
        if a_el is b_el and a_where == b_where:
            continue
        setattr(a_el, a_where, a_text[:a_word.start()] + b_word.group() + a_text[a_word.end():])
        b_text = getattr(b_el, b_where)
        setattr(b_el, b_where, b_text[:b_word.start()] + a_word.group() + b_text[b_word.end():])


def repoint_names(text: etree._Element, i: int, plan: Plan, rng: random.Random) -> None:
    """Up to two persons, a place and an organisation of the text renamed as new register entries."""
    wanted = {"person": 2, "place": 1, "org": 1}
    candidates: dict[str, list[etree._Element]] = {"person": [], "place": [], "org": []}
    for element in text.iter(*NAME_KINDS):
        if element.get("ref") and not len(element) and element.text and element.get("type") != "region":
            candidates[NAME_KINDS[element.tag]].append(element)
    for kind, elements in candidates.items():
        pool = plan.entities[kind]
        for element in rng.sample(elements, min(wanted[kind], len(elements))):
            entity = pool[(i + rng.randrange(len(pool))) % len(pool)]
            element.set("ref", f"{PREFIX[kind]}:{entity.id}")
            element.text = entity.name


def make_document(i: int, plan: Plan, seed: int) -> tuple[str, bytes, dict]:
    """Document `i` of the corpus: its slug, its bytes, and what its contents entry needs."""
    rng = random.Random(seed * 1_000_003 + i)
    template = plan.template(i)
    slug, key = plan.slugs[i], plan.keys[i]
    group = i // len(plan.templates)
    first_copy = i < len(plan.templates)
    root = copy.deepcopy(template.root)

    # identifiers
    ids: dict[str, str] = {}
    old_prefix = f"-{template.key}-"
    for element in WITH_ID(root):
        old = element.get(XML_ID)
        if old == template.slug:
            new = slug
        elif old in plan.pinned and first_copy:
            new = old
        elif old[1:2] == "-" and old[1:].startswith(old_prefix):
            new = f"{old[0]}-{key}-{old[len(old_prefix) + 1:]}"
        else:
            new = f"{old}-{key}"
        ids[old] = new
        element.set(XML_ID, new)

    # groups of links between documents (requests and answers) point at ids of another document's
    # text, which its copies rename their own way: a synthetic corpus does without them
    for group_of_links in root.iterfind(".//t:standOff/t:linkGrp", NS):
        stand_off = group_of_links.getparent()
        stand_off.remove(group_of_links)
        if not len(stand_off):
            stand_off.getparent().remove(stand_off)

    # pointers
    dropped = []
    for element in WITH_LOCAL_POINTER(root):
        for name in POINTER_ATTRIBUTES:
            value = element.get(name)
            if not value or ("#" not in value and "doc:" not in value):
                continue
            tokens = []
            for token in value.split():
                if token.startswith("#"):
                    target = token[1:]
                    if target in plan.pinned and ids.get(target) != target:
                        dropped.append(element)
                    token = "#" + ids.get(target, target)
                elif token.startswith("doc:"):
                    token = "doc:" + plan.document(token[4:], group)
                tokens.append(token)
            element.set(name, " ".join(tokens))
    for element in dropped:  # e.g. add hand="#h-memo-figure" in a copy that renamed the hand
        unwrap(element)

    # header: slug, titles, dates
    for idno in root.iterfind(".//t:publicationStmt/t:idno[@type='slug']", NS):
        idno.text = slug
    number = f" [{i + 1}]"
    for title in root.iterfind("t:teiHeader/t:fileDesc/t:titleStmt/t:title", NS):
        number_title(title, number)
    days = rng.randint(-720, 720)
    shift_dates(root, days)

    # text
    text = root.find("t:text", NS)
    body = text.find("t:body", NS) if text is not None else None
    if body is not None:
        shuffle_paragraphs(body, rng)
        swap_words(body, rng)
        repoint_names(text, i, plan, rng)

    data = template.head + etree.tostring(root, encoding="utf-8") + b"\n"
    return slug, data, {"days": days, "number": number}


def contents_entry(i: int, plan: Plan, made: dict) -> etree._Element:
    """The document's bibl for the contents list: the source's, renumbered and re-dated."""
    bibl = copy.deepcopy(plan.template(i).bibl)
    bibl.set("corresp", f"doc:{plan.slugs[i]}")
    title = bibl.find("t:title[@level='a']", NS)
    if title is not None:
        number_title(title, made["number"])
    shift_dates(bibl, made["days"])
    for element in bibl.iter(T("*")):  # pointers inside the entry, if any
        for name in ("ref", "target", "corresp"):
            value = element.get(name)
            if value and element is not bibl and value.startswith("doc:"):
                element.set(name, "doc:" + plan.document(value[4:], i // len(plan.templates)))
    return bibl


# ----------------------------------------------------------------------------------------------
# The whole edition


def generate(n: int, dest: Path, seed: int = 0, source: Path = SOURCE) -> Path:
    """Write a synthetic edition of `n` documents into `dest` (created; must be empty if it
    exists) and return `dest`. Deterministic: the same `n`, `seed` and source give the same bytes."""
    if n < 1:
        raise ValueError("a corpus needs at least one document")
    dest = Path(dest)
    if dest.exists() and any(dest.iterdir()):
        raise FileExistsError(f"{dest} is not empty")
    head, edition, found = templates(Path(source))
    rng = random.Random(seed)

    width = max(4, len(str(n)))
    slugs = [f"{found[i % len(found)].slug}-{i + 1:0{width}d}" for i in range(n)]
    keys = [f"{found[i % len(found)].key}{i + 1}" for i in range(n)]

    registers = {path.stem: parse(path) for path in sorted((Path(source) / "registers").glob("*.xml"))}
    taken = {e.get(XML_ID) for _, root in registers.values() for e in root.iter() if isinstance(e.tag, str) and e.get(XML_ID)}
    entities = new_entities(n, rng, taken)
    plan = Plan(n, found, slugs, keys, entities, pinned_ids(Path(source) / "schema"))

    (dest / "texts").mkdir(parents=True)
    (dest / "registers").mkdir()
    shutil.copytree(Path(source) / "schema", dest / "schema")

    entries = []
    for i in range(n):
        slug, data, made = make_document(i, plan, seed)
        (dest / "texts" / f"{slug}.xml").write_bytes(data)
        entries.append(contents_entry(i, plan, made))

    # registers: the new entries at the end of their lists
    lists = {"person": "listPerson", "place": "listPlace", "org": "listOrg"}
    for stem, (register_head, root) in registers.items():
        for kind, list_name in lists.items():
            found_list = root.find(f".//t:{list_name}", NS)
            if found_list is not None:
                indent_into(found_list, [e.element for e in entities[kind]], 3)
        retarget(root.iter(T("*")), plan)  # the events' sources name documents too
        (dest / "registers" / f"{stem}.xml").write_bytes(register_head + etree.tostring(root, encoding="utf-8") + b"\n")

    # edition.xml: the contents, the sub-title, and its own doc: pointers
    contents = edition.find(".//t:listBibl[@type='contents']", NS)
    for bibl in contents.findall("t:bibl", NS):
        contents.remove(bibl)
    indent = contents[-1].tail if len(contents) else contents.text
    for bibl in entries:
        bibl.tail = indent
        contents.append(bibl)
    contents[-1].tail = (indent or "\n").removesuffix("  ")
    for title in edition.iterfind(".//t:titleStmt/t:title[@type='sub']", NS):
        title.text = f"A synthetic edition of {n} documents, for benchmarks"
    retarget((e for e in edition.iter(T("*")) if e.getparent() is not contents and e is not contents), plan)
    (dest / "edition.xml").write_bytes(head + etree.tostring(edition, encoding="utf-8") + b"\n")
    return dest


def retarget(elements, plan: Plan) -> None:
    """The `doc:` pointers of `elements` (of edition.xml or a register) sent to the first copy of
    the document they name."""
    for element in elements:
        for name in POINTER_ATTRIBUTES:
            value = element.get(name)
            if value and "doc:" in value:
                element.set(name, " ".join("doc:" + plan.document(t[4:], 0) if t.startswith("doc:") else t
                                           for t in value.split()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corpus",
                                     description="Write a synthetic edition of N documents made from the edition's own.")
    parser.add_argument("n", type=int, metavar="N", help="how many documents")
    parser.add_argument("dest", type=Path, metavar="DEST", help="the new edition folder (created; must be empty)")
    parser.add_argument("--seed", type=int, default=0, help="the random seed (default 0)")
    parser.add_argument("--source", type=Path, default=SOURCE, help="the edition to copy from (default: tei/)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        generate(args.n, args.dest, args.seed, args.source)
    except (FileExistsError, ValueError, OSError) as err:
        print(f"benchmarks.corpus: {err}", file=sys.stderr)
        return 2
    print(f"{args.n} documents written to {args.dest} in {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
