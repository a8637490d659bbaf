"""The interface in the edition's language: gettext catalogues (locale/LANG/LC_MESSAGES/
messages.po, read with Babel) for the Jinja templates and, as one JSON map, for the
stylesheets (te:t); dates written the locale's way (Babel's CLDR data); the edition's own
[labels] of edition.toml over both."""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton
from babel.messages.pofile import read_po

from .edition import Edition
from .resources import resource

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: The language of the interface when neither edition.toml nor the edition names one.
DEFAULT = "en"
#: The gettext domain of the interface's catalogues; `edition init`'s starter files have
#: their own ("init"), since their prose is an edition's, not the interface's.
DOMAIN = "messages"
INIT = "init"


def catalogues() -> Path:
    """The folder of the message catalogues, one folder per language."""
    return resource("locale")


def languages(domain: str = DOMAIN) -> list[str]:
    """The languages the interface (or `init`'s starter) is translated into, English included."""
    return sorted([DEFAULT, *(p.parent.parent.name for p in catalogues().glob(f"*/LC_MESSAGES/{domain}.po"))])


def language_of(edition: Edition, configured: str | None) -> str:
    """The interface language: edition.toml's (or --language), else the front matter's
    xml:lang, else the language most of the documents are in, else English."""
    if configured:
        return configured
    front = next((s for s in edition.sources if s.path.name == "edition.xml" and s.tree is not None), None)
    if front is not None and front.tree.getroot().get(XML_LANG):
        return front.tree.getroot().get(XML_LANG)
    found = Counter(s.tree.getroot().get(XML_LANG) for s in edition.sources
                    if s.tree is not None and s.tree.getroot().get(XML_LANG))
    return found.most_common(1)[0][0] if found else DEFAULT


def base(language: str) -> str:
    """The catalogue for a language tag: de-AT → de; a language without one → English."""
    primary = language.replace("_", "-").split("-")[0].lower()
    return primary if primary in languages() else DEFAULT


def locale(language: str) -> Locale:
    """Babel's locale for the tag (English as a British edition writes dates: 12 March 1921)."""
    try:
        return Locale.parse("en_GB" if base(language) == DEFAULT else base(language))
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en_GB")


@cache
def messages(language: str, domain: str = DOMAIN) -> dict[str, str]:
    """msgid → translation of the language's catalogue (empty for English, the source)."""
    path = catalogues() / base(language) / "LC_MESSAGES" / f"{domain}.po"
    if base(language) == DEFAULT or not path.is_file():
        return {}
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=base(language))
    return {m.id: m.string for m in catalogue if m.id and m.string and not m.fuzzy and isinstance(m.id, str)}


#: The messages the site's scripts show (assets/edition.js, search.js), handed to them in the page.
SCRIPT_MESSAGES = (
    "Search cannot run on a page opened from a file: browsers do not let it load its index. Serve the edition instead (edition serve) and open the address it prints.",
    "The search index could not be read.",
    "Loading the search index…",
    "The search index could not be loaded. Serve the edition (edition serve) and try again.",
    "1 page found for “{query}”.",
    "{n} pages found for “{query}”.",
    "Note {n}",
    "Close the note",
    "Menu",
    "Whole source note",
    "Shorter",
    "Copied",
    "Shown in the diplomatic view, as you chose on an earlier page: the source’s own readings.",
    "Shown in the diplomatic view: the words found are the source’s reading, which the editors corrected.",
    "Shown in the reading view: the words found are the editors’ reading.",
    "This passage",
    "Copy link",
    "Copy citation ({style})",
    "All {n} passages, marked on the page",
    "Nothing found for “{query}”.",
    "Nothing found for “{query}” with these filters.",
    "“{word}” in the register →",
    "Correction",
    "Regularisation",
    "(diplomatic view: the source’s reading)",
    "1 passage",
    "{n} passages",
    "Document",
    "Person named",
    "Kind of page",
    "The numbers count the pages found.",
)


class Interface:
    """The interface strings and date formats of one build: a language's catalogue with the
    edition's own labels over it."""

    def __init__(self, language: str, labels: dict[str, str] | None = None, domain: str = DOMAIN):
        # a language without a catalogue gets the English interface, and says so in lang
        translated = base(language) == language.replace("_", "-").split("-")[0].lower()
        self.language = language if translated else DEFAULT
        self.locale = locale(language)
        self.strings = {**messages(language, domain), **(labels or {})}
        self.direction = "rtl" if self.locale.character_order == "right-to-left" else "ltr"

    def gettext(self, message: str) -> str:
        return self.strings.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)

    def for_scripts(self) -> dict[str, str]:
        """The scripts' messages that differ from their English (none for an English site)."""
        return {m: self.gettext(m) for m in SCRIPT_MESSAGES if self.gettext(m) != m}

    def date(self, iso: str) -> str:
        """An ISO date (YYYY, YYYY-MM, YYYY-MM-DD) as the locale writes it."""
        from datetime import date

        parts = [int(p) for p in iso.split("-") if p.isdigit()]
        if len(parts) == 3:
            return format_date(date(*parts), "long", locale=self.locale)
        if len(parts) == 2:
            return format_skeleton("yMMMM", date(parts[0], parts[1], 1), locale=self.locale)
        return iso

    def for_saxon(self) -> str:
        """The JSON map the stylesheets read (te:t, te:format-date): the language, the
        strings, and the locale's month names and date patterns."""
        months = self.locale.months["format"]["wide"]
        standalone = self.locale.months["stand-alone"]["wide"]
        return json.dumps({
            "language": self.language,
            "direction": self.direction,
            "labels": self.strings,
            "months": [months[m] for m in range(1, 13)],
            "months-standalone": [standalone[m] for m in range(1, 13)],
            "date": self.locale.date_formats["long"].pattern,
            "year-month": str(self.locale.datetime_skeletons.get("yMMMM", "MMMM y")),
        }, ensure_ascii=False, sort_keys=True)
