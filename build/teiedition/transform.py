"""Run the edition's XSLT 3.0 stylesheets through saxonche: compiled once, applied per page.

The stylesheets own what TEI means; this module only hands them the edition and collects
what they return (a JSON description of each page) and what they say (xsl:message)."""

from __future__ import annotations

import json
import re
import threading
import urllib.parse
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from .edition import Edition, Source, safe_parser
from .exceptions import BuildError
from .problems import WARNING, Problem, display_path
from .validation import corpus_text

#: The stylesheets' own namespace, in which their entry points are named.
TE_NS = "https://teiedition.org/ns"

#: A message from the stylesheets: "rule-id: text", optionally "@ node-id" to locate it.
MESSAGE = re.compile(r"^(?P<rule>[a-z][a-z0-9-]*): (?P<text>.*?)(?: @ (?P<node>[A-Za-z_][\w.-]*)?(?: (?P<path>/\S*))?)?$", re.S)
#: A step of an XPath 3.1 path() of an element: Q{namespace}name[position].
STEP = re.compile(r"Q\{([^}]*)\}([^\[/]+)\[(\d+)\]")


#: Saxon's XML parser, unlike lxml's, expands external entities and fetches DTDs by default.
PARSER_FEATURES_OFF = (
    "http://xml.org/sax/features/external-general-entities",
    "http://xml.org/sax/features/external-parameter-entities",
    "http://apache.org/xml/features/nonvalidating/load-external-dtd",
)

#: How deep Saxon's parser lets elements nest. Its default (100, the JDK's jdk.xml.maxElementDepth)
#: refuses valid TEI that lxml has read (lxml allows 256 levels, and the corpus wraps every file
#: in one more), so lxml's limit is the one a user meets, with a located message.
MAX_ELEMENT_DEPTH = "1000"


def confine(processor: Any) -> None:
    """Keep Saxon from the network and from entities: documents it reads (the edition's own
    schemas, for the guidelines page) load no DTD and expand no external entity, and
    doc(), unparsed-text() and includes may use file: addresses only. Its parser takes the
    nesting lxml has already allowed."""
    processor.set_configuration_property("http://saxon.sf.net/feature/allowedProtocols", "file")
    processor.set_configuration_property(
        "http://saxon.sf.net/feature/parserProperty?uri="
        + urllib.parse.quote("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", safe=""), MAX_ELEMENT_DEPTH)
    for feature in PARSER_FEATURES_OFF:
        processor.set_configuration_property(
            "http://saxon.sf.net/feature/parserFeature?uri=" + urllib.parse.quote(feature, safe=""), "false")


class Saxon:
    """One Saxon processor for a build, holding the edition parsed once (all files in a
    teiCorpus); every stylesheet of the build is compiled in it and runs on that document."""

    #: The Saxon that shared each corpus, by thread and corpus key: a job run in the thread of
    #: the build (--jobs 1) uses the build's own, where a second one parsed the whole edition again.
    _sharing: "weakref.WeakValueDictionary[tuple[int, str], Saxon]" = weakref.WeakValueDictionary()

    def __init__(self, edition: Edition, interface: str = "{}", text: str | None = None,
                 places: dict[str, tuple[str, int, int]] | None = None, keep_text: bool = False):
        from saxonche import PySaxonProcessor

        self.edition = edition
        #: The interface's language, strings and date formats, as JSON (i18n.Interface.for_saxon).
        self.interface = interface
        self.processor = PySaxonProcessor(license=False)
        confine(self.processor)
        if text is None:
            text, owners = corpus_text(edition)
            places = id_index(owners)
        self.places = places or {}
        #: The corpus as text, kept only when a pool of workers is to be given it (share()).
        self.text = text if keep_text else None
        try:
            self.document = self.processor.parse_xml(xml_text=text)
        except Exception as err:  # the edition passed validation: say so, with Saxon's words
            raise BuildError(f"the stylesheets cannot read the edition: {err}") from err
        self.edition = edition.without_trees()

    @classmethod
    def from_corpus(cls, corpus: Any) -> "Saxon":
        """A Saxon for a worker's job, from what the build's own Saxon read (parallel.Corpus):
        that Saxon itself when the job runs in the thread that made it."""
        return cls._sharing.get((threading.get_ident(), corpus.key)) or cls(corpus.edition, corpus.interface, corpus.text, corpus.places)

    def share(self) -> Any:
        """The edition as this Saxon read it, for the jobs of a pool (parallel.Corpus)."""
        from .parallel import Corpus

        assert self.text is not None, "Saxon(keep_text=True) keeps the corpus for a pool"
        corpus = Corpus.of(self.edition, self.text, self.places, self.interface)
        self._sharing[(threading.get_ident(), corpus.key)] = self
        return corpus

    def compile(self, path: Path) -> "Stylesheet":
        return Stylesheet(path, self)


@dataclass
class Stylesheet:
    """One compiled stylesheet, run on the edition its Saxon holds."""

    path: Path
    saxon: Saxon = field(repr=False)
    _executable: Any = field(repr=False, default=None)
    #: The files that messages were about, parsed again to place them (by name).
    _parsed: dict[str, etree._Element] = field(repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        compiler = self.saxon.processor.new_xslt30_processor()
        try:
            self._executable = compiler.compile_stylesheet(stylesheet_file=str(self.path))
        except Exception as err:  # saxonche raises PySaxonApiError with Saxon's own message
            raise BuildError(f"{display_path(self.path)}: the stylesheet does not compile: {err}") from err
        self._executable.set_save_xsl_message(True)

    def call(self, template: str, **params: str) -> Any:
        """Call the stylesheet's template te:`template` on the edition; it returns JSON."""
        executable = self._executable
        executable.clear_parameters()  # also forgets the context item: set it afterwards
        executable.set_global_context_item(xdm_item=self.saxon.document)
        # a corpus without front matter is named after its folder
        for name, value in {"edition-name": self.saxon.edition.root.resolve().name,
                            "interface": self.saxon.interface, **params}.items():
            executable.set_parameter(name, self.saxon.processor.make_string_value(value))
        try:
            result = executable.call_template_returning_string(f"{{{TE_NS}}}{template}")
        except Exception as err:
            raise BuildError(f"{display_path(self.path)}: {template} failed: {err}") from err
        return json.loads(result)

    def messages(self) -> list[Problem]:
        """What the stylesheet said since the last call, as warnings located where possible."""
        said = self._executable.get_xsl_messages()
        self._executable.clear_xsl_messages()
        if said is None:
            return []
        problems = []
        ids = self.saxon.places
        for item in said:
            text = " ".join(item.string_value.split())
            match = MESSAGE.match(text)
            rule, body, node, path = (match["rule"], match["text"], match["node"], match["path"]) if match else ("xslt", text, None, None)
            place = self.locate(path) or ids.get(node or "", (display_path(self.path), 1, 1))
            problems.append(Problem(place[0], place[1], place[2], rule, body, WARNING))
        return problems


    def locate(self, path: str | None) -> tuple[str, int, int] | None:
        """The file, line and column of the element at `path` (its path() in the edition's
        corpus: the corpus's n-th TEI is the edition's n-th file), read again from the file's
        bytes, or None for an element the stylesheets made."""
        steps = STEP.findall(path or "")
        sources = self.saxon.edition.sources
        if len(steps) < 2 or steps[0][1] != "teiCorpus" or not 0 < int(steps[1][2]) <= len(sources):
            return None
        source = sources[int(steps[1][2]) - 1]
        if source.name not in self._parsed:
            self._parsed[source.name] = etree.fromstring(source.text, safe_parser())
        element = self._parsed[source.name]
        for namespace, name, position in steps[2:]:
            same = [child for child in element if child.tag == (f"{{{namespace}}}{name}" if namespace else name)]
            if int(position) > len(same):
                return None
            element = same[int(position) - 1]
        line = element.sourceline or 1
        return source.name, line, source.column(line, element)


def id_index(owners: dict[etree._Element, Source]) -> dict[str, tuple[str, int, int]]:
    """Where each xml:id of the edition's corpus stands (file, line, column), including the
    ids the corpus gives to files that have none."""
    index = {}
    for root, source in owners.items():
        name = source.name  # a display path, made once a file, not once an id
        for element in root.iter():
            ident = element.get("{http://www.w3.org/XML/1998/namespace}id")
            if ident:
                line = element.sourceline or 1
                index[ident] = (name, line, source.column(line, element))
    return index
