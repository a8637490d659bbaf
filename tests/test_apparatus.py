"""The editors' apparatus around each document: its number in date order (TEI/@n), its
standard heading in FRUS style (title type standard) and its source note generated from the
header, shown first on the web page, in the book and in the EPUB."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree, html

from conftest import TEI, pdftotext

NS = {"tei": "http://www.tei-c.org/ns/1.0", "h": "http://www.w3.org/1999/xhtml"}
LETTER = "1. Letter From Massoud Rajavi to General Secretary Gorbachev, [place not given], 26 December 1985"


def texts() -> list[etree._Element]:
    return [etree.parse(str(path)).getroot() for path in sorted((TEI / "texts").glob("*.xml"))]


def date_of(tei: etree._Element) -> str:
    date = tei.xpath("tei:teiHeader/tei:profileDesc/tei:creation//tei:date", namespaces=NS)[0]
    return date.get("when") or date.get("notBefore") or date.get("from")


def words(text: str) -> str:
    return " ".join(text.split())


def test_documents_are_numbered_one_to_five_in_the_order_of_their_dates():
    by_date = sorted(texts(), key=date_of)
    assert [tei.get("n") for tei in by_date] == [str(i) for i in range(1, len(by_date) + 1)]


def test_the_contents_list_the_documents_in_the_order_of_their_numbers():
    front = etree.parse(str(TEI / "edition.xml"))
    contents = [c.removeprefix("doc:") for c in front.xpath("//tei:listBibl[@type = 'contents']/tei:bibl/@corresp", namespaces=NS)]
    numbered = [tei.get("{http://www.w3.org/XML/1998/namespace}id") for tei in sorted(texts(), key=lambda t: int(t.get("n")))]
    assert contents == numbered


def test_every_standard_heading_names_the_kind_the_parties_the_place_and_the_date():
    frus = re.compile(r"^(Letter|Memorandum|Telegram|Article) (From|by) .+, (\[place not given\]|\[(Moscow|London)\]?|Published by [^,]+), ?(.*\d{4}|.*\d{4}\??\])$")
    for tei in texts():
        heading = words("".join(tei.xpath("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'standard']//text()", namespaces=NS)))
        assert frus.match(heading), heading


def test_a_heading_brackets_a_date_supplied_from_outside_the_document_and_only_such_a_date():
    """Review 16d #6, #7: the message's date is the Wilson Center's, the article's the editors' inference;
    the principles bracket a supplied date, with a question mark where it is inferred."""
    for tei in texts():
        heading = words("".join(tei.xpath("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'standard']//text()", namespaces=NS)))
        date = tei.xpath("tei:teiHeader/tei:profileDesc/tei:creation//tei:date", namespaces=NS)[0]
        supplied = date.get("cert") is not None or date.get("resp") is not None
        assert heading.endswith("]") == supplied, heading
        assert heading.endswith("?]") == (date.get("notBefore") is not None), heading


def test_the_web_page_opens_with_the_number_the_heading_and_the_source_note(site):
    page = html.parse(str(site / "rajavi-letter.html"))
    header = page.find(".//header[@class='document-header']")
    assert header[0].get("class") == "standard-heading" and words(header[0].text_content()) == LETTER
    note = words(header.find("p[@class='source-note']").text_content())
    assert note.startswith("Source: Russian State Archive of Contemporary History (RGANI), Moscow, fond 89, opis' 15, delo 24, ll. 11–38")
    for fact in ("Special Folder", "Translated from Farsi into Russian by V. Gudimenko", "record 134554", "accessed before 23 November 2026 (the day was not recorded)"):
        assert fact in note


def test_a_document_pages_level_one_heading_is_its_numbered_standard_heading(site):
    """Review 18i #1: the heading every citation uses is the page's h1; the source's title is its subtitle."""
    page = html.parse(str(site / "rajavi-letter.html"))
    (heading,) = page.xpath("//h1")
    assert heading.get("id") == "document-title" and words(heading.text_content()) == LETTER
    assert page.xpath("string(//header//p[@class = 'source-title'])").startswith("Letter from the Leader of the Organization")


def test_a_documents_full_description_follows_its_text_on_the_web_in_the_epub_and_in_the_book(site, pdfs: Path):
    # the source note heads the document; the description ("About this document") comes after the text
    page = html.parse(str(site / "rajavi-letter.html"))
    order = [element.get("id") for element in page.iter() if element.get("id") in ("rajavi-letter-source-note", "text", "about")]
    assert order == ["rajavi-letter-source-note", "text", "about"]
    chapter = etree.fromstring(zipfile.ZipFile(site / "downloads" / "edition.epub").read("OEBPS/rajavi-letter.xhtml"))
    assert [element.get("id") for element in chapter.iter() if element.get("id") in ("text", "about")] == ["text", "about"]
    book = words(pdftotext(pdfs / "edition.pdf"))
    letter = book.index("1. Letter From Massoud Rajavi")
    assert letter < book.index("Source: Russian State Archive", letter) < book.index("In the name of God", letter) < book.index("About this document", letter)


def test_a_documents_first_note_is_note_one_and_stands_in_its_text(site):
    for slug in ("rajavi-letter", "ulianovskii-memo", "kgb-message"):
        page = html.parse(str(site / f"{slug}.html"))
        first = page.xpath("(//a[contains(concat(' ', @class, ' '), ' note-ref ')][starts-with(@aria-label, 'Editors')])[1]")[0]
        assert first.get("aria-label").endswith(" 1") and first.xpath("ancestor::*[@id = 'text']"), slug


def test_the_source_note_of_the_essay_says_that_its_address_is_not_known(site):
    note = html.parse(str(site / "mojahedin-ws-essay.html")).find(".//header/p[@class='source-note']")
    assert "The address of the page is not known." in note.text_content()


def test_the_message_source_note_says_its_date_is_the_archives(site):
    note = html.parse(str(site / "kgb-message.html")).find(".//header/p[@class='source-note']")
    assert "The date is the one the Wilson Center Digital Archive gives" in note.text_content()


def test_the_epub_chapter_opens_with_the_number_and_the_source_note(site):
    chapter = etree.fromstring(zipfile.ZipFile(site / "downloads" / "edition.epub").read("OEBPS/rajavi-letter.xhtml"))
    heading = chapter.xpath("//h:header//h:h1[@class = 'standard-heading']", namespaces=NS)
    assert heading and words("".join(heading[0].itertext())) == LETTER
    assert chapter.xpath("//h:header//h:p[@class = 'source-note'][contains(., 'record 134554')]", namespaces=NS)


def test_the_book_opens_each_document_with_its_number_and_source_note(pdfs: Path):
    text = words(pdftotext(pdfs / "edition.pdf"))
    for number, start in enumerate(("Letter From Massoud Rajavi", "Memorandum From the Deputy Head", "Telegram From the CPSU Central Committee",
                                    "Article by Bahar Irani", "Article by Pavel Stroilov"), start=1):
        assert f"{number}. {start}" in text
    assert text.count("Source: Russian State Archive of Contemporary History (RGANI)") >= 3


def cell(element: html.HtmlElement) -> str:
    """An element's words as a reader sees them: a line break separates words."""
    for br in element.iter("br"):
        br.tail = " " + (br.tail or "")
    return words(element.text_content())


def rows(site: Path, table: str) -> list[list[str]]:
    page = html.parse(str(site / "apparatus.html"))
    return [[cell(td) for td in tr.findall("td")] for tr in page.findall(f".//table[@id='{table}']/tbody/tr")]


def test_the_concordance_gives_each_document_its_signature_leaves_microfilm_and_record(site):
    table = rows(site, "concordance-table")
    assert [row[0] for row in table] == ["1", "2", "3", "4", "5"]
    assert table[0][2:6] == ["fond 89, opis' 15, delo 24", "ll. 11–38", "reel 1.993, file 24", "134554"]
    assert table[0][6].startswith("https://digitalarchive.wilsoncenter.org/document/134554 copy edited: https://wilson-center")
    assert table[3][2:] == ["—", "—", "—", "—", "not known republished: https://www.nejatngo.org/en/posts/791"]


def test_the_concordance_says_the_memorandums_address_is_inferred_and_names_the_copy_edited(site):
    memo = rows(site, "concordance-table")[1]
    assert memo[5] == "134553 (address inferred, not confirmed)"
    assert memo[6] == "https://digitalarchive.wilsoncenter.org/document/134553 copy edited: https://digitalarchive.umd.edu/document/134553"


def test_the_source_notes_say_the_hoover_microfilm_is_known_only_from_its_finding_aid_as_quoted(site):
    for slug in ("rajavi-letter", "ulianovskii-memo", "kgb-message"):
        note = words(html.parse(str(site / f"{slug}.html")).find(".//header/p[@class='source-note']").text_content())
        assert "reel 1.993, file 24 (known to the editors only from the finding aid of fond 89 as quoted on nejatngo.org; the microfilm has not been seen)." in note, slug


def test_the_chronology_lists_the_events_of_1979_to_1989_in_date_order_each_named_in_a_document(site):
    register = etree.parse(str(TEI / "registers" / "events.xml"))
    spans = [((e.get("when") or e.get("from") or e.get("notBefore"))[:4], (e.get("to") or e.get("notAfter") or e.get("when") or e.get("from"))[:4])
             for e in register.iterfind(".//tei:event", NS)]
    page = html.parse(str(site / "apparatus.html"))
    table = [[words(td.text_content()) for td in tr.findall("td")]
             for tr in page.xpath("//table[@id='chronology-table']/tbody/tr[not(@class='document-row')]")]
    assert len(table) == len([1 for start, end in spans if end >= "1979" and start <= "1989"])
    assert all(row[2] for row in table), [row[1] for row in table if not row[2]]


def test_the_chronology_lists_the_editions_documents_of_1979_to_1989_among_the_events_each_linking_to_it(site):
    page = html.parse(str(site / "apparatus.html"))
    documents = page.findall(".//table[@id='chronology-table']/tbody/tr[@class='document-row']")
    assert [words(tr.findall("td")[1].text_content()) for tr in documents] == [
        "1. Rajavi to Gorbachev, 26 December 1985 (Letter)", "2. Ul'ianovskii, memorandum, 12 February 1986 (Memorandum)",
        "3. Message to Rajavi, 16 February 1986 (Telegram)"]
    assert [tr.find(".//a").get("href") for tr in documents] == ["rajavi-letter.html", "ulianovskii-memo.html", "kgb-message.html"]
    events = [words(tr.findall("td")[1].text_content()) for tr in page.findall(".//table[@id='chronology-table']/tbody/tr")]
    assert events.index("3. Message to Rajavi, 16 February 1986 (Telegram)") < events.index("The 27th Congress of the CPSU, 25 February – 6 March 1986")


def test_the_chronology_begins_with_the_revolution_it_starts_from(site):
    assert rows(site, "chronology-table")[0][1] == "The Iranian revolution of 1978–1979"


def test_the_chronology_puts_the_politburo_discussion_after_the_delivery_of_khomeinis_letter(site):
    events = [row[1] for row in rows(site, "chronology-table")]
    letter = events.index("Khomeini's letter to Gorbachev, January 1989")
    assert events.index("The Politburo's discussion of Khomeini's message, January 1989") == letter + 1


def interventions(site: Path) -> list[list[str]]:
    page = html.parse(str(site / "apparatus.html"))
    return [[words(td.text_content()) for td in tr.findall("td")] for tr in page.xpath("//table[contains(concat(' ', @class, ' '), ' interventions ')]/tbody/tr")]


def test_the_interventions_list_every_correction_and_regularisation_with_its_reason(site):
    choices = sum(len(tei.xpath(".//tei:choice[(tei:sic and tei:corr) or (tei:orig and tei:reg)] | .//tei:note[@subtype = 'intervention']", namespaces=NS)) for tei in texts())
    found = interventions(site)
    assert len(found) == choices
    pants = next(row for row in found if row[1] == "Pants")
    assert pants[2] == "Paris" and pants[3] == "correction, certainty high" and "misreading" in pants[4]


def test_the_interventions_list_the_changes_of_form_their_notes_record(site):
    """Review 16b #3: the stamp label, the restored paragraph boundary and the dropped bracket are listed."""
    found = interventions(site)
    for source, note in (('[Stamp: "', "stamp"), ("(Footnote: Attached Documents Collection, part 7]", "round bracket"), ("the pressure from the West. “‘Khomeini’s", "paragraph")):
        row = next(row for row in found if source in row[1])
        assert row[3] == "change of form" and note in row[4], source
    page = html.parse(str(site / "apparatus.html"))
    assert "No intervention." not in words(page.getroot().text_content())


def test_an_intervention_inside_a_word_is_listed_with_its_whole_word(site):
    """Review 16b #10: "MKO’ / MKO’s", not "’ / ’s"."""
    row = next(row for row in interventions(site) if row[2].endswith("’s"))
    assert row[1] == "MKO’" and row[2] == "MKO’s"


def test_the_interventions_list_the_corrections_of_the_headers_too(site):
    leaves = next(row for row in interventions(site) if row[1] == "II.")
    assert leaves[0] == "about the document" and leaves[2] == "ll." and "listy" in leaves[4]


def test_the_congress_ordinals_stand_as_published_with_a_note(site):
    """Review 16h #3: a congress ordinal is a figure, and figures are annotated, never emended. The
    four ordinals of the letter stand as published, are not listed as interventions, and each has a
    textual note right after it that names the congress its date identifies."""
    assert not [row for row in interventions(site) if re.search(r"XXVII", row[1] + row[2])]
    letter = etree.parse(str(TEI / "texts" / "rajavi-letter.xml"))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    ordinals = [name for name in letter.iterfind(".//t:body//t:name[@type='event']", ns)
                if re.match(r"XXVIII?(nd|rd) ", name.xpath("string()"))]
    assert [name.xpath("string()").split()[0] for name in ordinals] == ["XXVIIInd", "XXVIIInd", "XXVIIIrd", "XXVIIInd"]
    for name in ordinals:
        assert name.find("t:choice", ns) is None
        note = name.getnext()
        assert note.tag == "{http://www.tei-c.org/ns/1.0}note" and note.get("type") == "textual"
        congress = "27th" if name.get("ref") == "evt:cpsu27" else "28th"
        assert f"The {congress} Congress" in note.xpath("string()")
        assert "stands as published" in note.xpath("string()")


def test_the_book_prints_the_concordance_and_the_chronology(pdfs: Path):
    text = words(pdftotext(pdfs / "edition.pdf"))
    assert "Concordance of identifiers" in text and "reel 1.993, file 24" in text and "Chronology, 1979–1989" in text


def test_the_requests_of_the_memorandum_stand_beside_the_answers_of_the_message(site):
    page = html.parse(str(site / "apparatus.html"))
    table = page.find(".//table[@id='requests-answers-table']")
    loan = next(tr for tr in table.iterfind("tbody/tr") if "loan" in tr[0].text_content())
    request, answer = (words(td.text_content()) for td in loan.findall("td"))
    assert request.startswith("2. ") and "To provide funds in the form of a loan" in request
    assert answer.startswith("3. ") and "unsubstantiated" in answer
    assert [a.get("href") for a in loan.iter("a")] == ["ulianovskii-memo.html#p-memo-loan", "kgb-message.html#p-message-loan"]


def test_the_letters_two_requests_share_one_request_cell_and_cite_the_letters_passages(site):
    table = html.parse(str(site / "apparatus.html")).find(".//table[@id='requests-answers-table']")
    first, second = list(table.iterfind("tbody/tr"))[:2]
    assert first.find("td").get("rowspan") == "2" and len(second.findall("td")) == 1
    assert [a.get("href") for a in first.find("th").iter("a")] == ["rajavi-letter.html#p-letter-new-year-wishes"]
    assert [a.get("href") for a in second.find("th").iter("a")] == ["rajavi-letter.html#p-letter-peace-plan"]


def test_the_handwritten_sum_of_the_loan_is_marked_as_an_addition_in_the_requests(site):
    table = html.parse(str(site / "apparatus.html")).find(".//table[@id='requests-answers-table']")
    added = table.findall(".//span[@class='tei-add']")
    assert [words(a.find("span[@class='added']").text_content()) for a in added] == ["100 million"]


def test_the_essay_points_to_the_republication_that_confirms_its_text(site):
    """Review 16b #4: the essay's own page is not located, but a republication is; the source note and the concordance give it."""
    copy = "https://www.nejatngo.org/en/posts/791"
    essay = words(html.parse(str(site / "mojahedin-ws-essay.html")).getroot().text_content())
    assert f"The address of the page is not known. Republished at {copy}." in essay
    page = html.parse(str(site / "apparatus.html"))
    row = next(tr for tr in page.iter("tr") if "A Revolutionary Diplomacy" in tr.text_content() and tr.find("td") is not None)
    assert row.xpath(f".//a[@href = '{copy}']") and "not known republished:" in cell(row)


def test_a_standard_heading_writes_its_date_day_month_year_as_the_edition_does():
    """Review 18j #2: the heading said "February 16, 1986" above a date line saying "16 February 1986"."""
    for tei in texts():
        heading = words("".join(tei.xpath("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'standard']//text()", namespaces=NS)))
        assert not re.search(r"[A-Z][a-z]+ \d{1,2}, \d{4}", heading), heading


def test_a_heading_brackets_a_place_the_document_does_not_name():
    """Review 16e #1: the memorandum, the message and the article name no place; their headings
    supply their authors' seats in brackets, as the principles say."""
    headings = {tei.get("{http://www.w3.org/XML/1998/namespace}id"): words("".join(tei.xpath("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'standard']//text()", namespaces=NS)))
                for tei in texts()}
    assert "[Moscow]," in headings["ulianovskii-memo"] and "[Moscow, " in headings["kgb-message"] and "[London, " in headings["exaro-article"]
    assert not re.search(r"(?<!\[)\b(Moscow|London),", " ".join(headings.values()))


def test_requests_and_answers_mark_each_correction_of_the_passages_they_quote(site):
    answers = " ".join(cell for row in rows(site, "requests-answers-table") for cell in row)
    assert "A letter from M. Rajavi [Rajavai in the source]" in answers
    assert "to come to Paris [Pants in the source]" in answers


def test_the_principles_explain_how_the_series_of_notes_are_numbered(pdfs: Path):
    # review 17c #5: "[*2]" was explained nowhere in the book
    assert "([*2]), which claims no number of the source’s" in words(pdftotext(pdfs / "edition.pdf"))


def test_a_documents_number_in_the_chronology_names_the_document_to_a_screen_reader(site):
    # review 18e #4: the links read "1", "2"… with no accessible name of their own
    page = html.parse(str(site / "chronology.html"))
    numbers = [link for link in page.iter("a") if link.text_content().strip().isdigit()]
    assert numbers and all(link.get("aria-label", "").startswith(link.text_content().strip() + ". ") for link in numbers)
    assert "1. Rajavi to Gorbachev, 26 December 1985" in [link.get("aria-label") for link in numbers]
    # review 18f #5: and nothing told a sighted reader on hover
    assert all(link.get("title") == link.get("aria-label") for link in numbers)


def test_a_document_row_of_the_chronology_leaves_the_documents_column_empty(site):
    # review 18f #5: the genre ("Letter") stood under the heading "Documents"
    page = html.parse(str(site / "chronology.html"))
    rows = page.xpath("//table[contains(@class, 'chronology')]/tbody/tr[@class='document-row']")
    assert rows and all(not row.xpath("string(td[3])").strip() for row in rows)
    assert rows[0].xpath("string(td[2])").endswith("(Letter)")


def test_olfats_letter_is_quoted_as_the_archives_translation_reads_it():
    # review 16f #2: "even one third" stood in quotation marks for "(even if it is one third of the mentioned amount)"
    tei = " ".join(path.read_text(encoding="utf-8") for path in TEI.rglob("*.xml"))
    assert '"even one third"' not in tei
    assert tei.count("(even if it is one third of the mentioned amount)") >= 3


def test_the_books_chronology_separates_the_documents_it_lists(pdfs: Path):
    """Review 17i #2: "1 [p. 30]2 [p. 48]3 [p. 54]": the web's hidden comma was hidden in print too."""
    text = pdftotext(pdfs / "edition.pdf")
    assert "[p. " in text and not re.search(r"\[p\. \d+\]\d", text)
