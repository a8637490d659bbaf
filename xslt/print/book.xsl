<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xd="http://www.oxygenxml.com/ns/doc/xsl"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://teiedition.org/ns"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all">

  <xd:doc scope="stylesheet">
    <xd:desc>The book: half-title, title page, imprint, contents, the front matter of
      edition.xml, each document opening on a recto with its headnote, and the data of the
      indices of persons, organisations and places (every place each entry is named, by the
      id the book gives that place). Returned by te:book as a map: "html" (the body of the
      book), "documents", "indices" and the book's metadata.</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>The build date for the imprint (from SOURCE_DATE_EPOCH when set), as YYYY-MM-DD.</xd:desc></xd:doc>
  <xsl:param name="build-date" as="xs:string" select="''"/>

  <xd:doc><xd:desc>The registers printed as indices, in this order.</xd:desc></xd:doc>
  <xsl:variable name="te:indices" as="xs:string+" select="('persons', 'organisations', 'places')"/>

  <xd:doc><xd:desc>The divisions of the front matter in a press's order, by their @type (others follow,
    in the edition's order): acknowledgements or preface, abbreviations, introduction, principles.</xd:desc></xd:doc>
  <xsl:variable name="te:front-order" as="xs:string+" select="('preface', 'acknowledgements', 'abbreviations', 'introduction', 'principles')"/>

  <xd:doc><xd:desc>The divisions of edition.xml the book prints after the documents, by their @type, before
    the register of works and the indices: the apparatus (interventions, requests and answers,
    concordance, chronology) concerns texts the reader has not yet met when it stands before them,
    and a press puts it after them (review 17d #3). The website keeps the edition's order.</xd:desc></xd:doc>
  <xsl:variable name="te:back-types" as="xs:string+" select="('apparatus')"/>

  <xd:doc><xd:desc>The whole book as a map for the build.</xd:desc></xd:doc>
  <xsl:template name="te:book">
    <xsl:variable name="title-stmt" select="$front/tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
    <xsl:variable name="edition" as="map(*)"><xsl:call-template name="te:edition"/></xsl:variable>
    <!-- the edition's titles are the editors' prose: typographic quotes -->
    <xsl:variable name="info" select="map:merge((map{'title': te:educate($edition?title), 'subtitle': te:educate($edition?subtitle)}, $edition), map{'duplicates': 'use-first'})"/>
    <xsl:variable name="divisions" as="element(tei:div)*">
      <xsl:perform-sort select="$front/tei:text/tei:body/tei:div[not(@type = $te:back-types)]">
        <xsl:sort select="(index-of($te:front-order, string(@type)), count($te:front-order) + 1)[1]"/>
      </xsl:perform-sort>
    </xsl:variable>
    <xsl:variable name="back" select="te:back-divisions()"/>
    <xsl:variable name="publication" select="$front/tei:teiHeader/tei:fileDesc/tei:publicationStmt"/>
    <!-- the editors as named mid-sentence ("Edited by the editorial team of Moscow and the Mojahedin") -->
    <xsl:variable name="editors" select="string-join($info?editors_in_sentence?*, ', ')"/>
    <!-- a publisher who is the editors (publisher/ref to edn:ed) is named once, as the editors: "edited by X
         (X, 2026)" was circular (review 17e #11) -->
    <xsl:variable name="publisher" select="string($publication/tei:publisher[1][not(tei:ref/@target = 'edn:ed')] ! normalize-space(.))"/>
    <xsl:variable name="place" select="normalize-space($publication/tei:pubPlace[1])"/>
    <xsl:variable name="year" select="substring(($publication/tei:date/@when, $info?date)[1], 1, 4)"/>
    <xsl:variable name="short-title" select="(normalize-space($title-stmt/tei:title[@type = 'short'])[.], $info?title)[1]"/>
    <xsl:variable name="registers" select="for $r in $te:indices return $corpus/tei:TEI[@xml:id = $r]"/>
    <xsl:variable name="body" as="element()*">
      <section class="half-title">
        <p class="book-title"><xsl:value-of select="$short-title"/></p>
      </section>
      <section class="title-page">
        <!-- broken by sense: the main title, then what follows its colon -->
        <p class="book-title"><xsl:value-of select="if (contains($info?title, ': ')) then substring-before($info?title, ': ') else $info?title"/></p>
        <xsl:if test="contains($info?title, ': ')">
          <p class="book-title-rest"><xsl:value-of select="substring-after($info?title, ': ')"/></p>
        </xsl:if>
        <p class="book-subtitle"><xsl:value-of select="$info?subtitle"/></p>
        <p class="book-editors"><xsl:value-of select="te:t('Edited by')"/><xsl:text> </xsl:text><xsl:value-of select="$editors"/></p>
        <p class="book-publisher"><xsl:value-of select="string-join(($publisher, $place, $year)[.], ' · ')"/></p>
      </section>
      <section class="imprint">
        <p class="imprint-title"><cite><xsl:value-of select="$info?title"/></cite>. <xsl:value-of select="$info?subtitle"/>.
          <xsl:value-of select="te:t('Edited by')"/><xsl:text> </xsl:text><xsl:value-of select="$editors"/>.</p>
        <xsl:if test="$publisher"><p><xsl:value-of select="te:t('Published by')"/><xsl:text> </xsl:text><xsl:value-of select="string-join(($publisher, $place, $year)[.], ', ')"/>.</p></xsl:if>
        <!-- the book's identifiers: an ISBN or a DOI where the edition has one, and where it has none, that it has none -->
        <xsl:variable name="identifiers" select="$publication/tei:idno[upper-case(@type) = ('ISBN', 'DOI')]"/>
        <p><xsl:value-of select="if ($identifiers) then string-join($identifiers ! (upper-case(@type) || ' ' || normalize-space(.)), '; ') || '.' else te:t('No ISBN or DOI has been assigned.')"/></p>
        <p><xsl:value-of select="replace(replace(replace(te:t('Version {version} of {date}; this copy built on {built}.'), '{version}', $info?version, 'q'), '{date}', te:format-date($info?date), 'q'), '{built}', te:format-date($build-date), 'q')"/></p>
        <!-- with their ids: the documents' headers point to the edition's rights paragraphs -->
        <xsl:for-each select="$front/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:availability/*">
          <p><xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if><xsl:apply-templates/></p>
        </xsl:for-each>
        <!-- a document with a source note is described there, once; the imprint lists only the others' sources -->
        <xsl:variable name="unnoted" select="$documents[empty(te:source-note-sentences(.))]"/>
        <xsl:if test="count($unnoted) lt count($documents)">
          <p><xsl:value-of select="te:t('The source of each document is given in the source note at its head.')"/></p>
        </xsl:if>
        <xsl:if test="exists($unnoted)">
          <p><xsl:value-of select="te:t('Sources:')"/></p>
          <ul class="sources">
            <xsl:for-each select="$unnoted">
              <xsl:variable name="ms" select="tei:teiHeader//tei:sourceDesc/tei:msDesc/tei:msIdentifier"/>
              <li><xsl:value-of select="te:educate(te:short-title(.))"/>: <xsl:value-of select="if ($ms) then string-join($ms/* ! te:plain(.), ', ') else te:plain((tei:teiHeader//tei:sourceDesc/tei:bibl)[1])"/></li>
            </xsl:for-each>
          </ul>
        </xsl:if>
      </section>
      <nav class="toc" id="contents">
        <h1><xsl:value-of select="te:t('Contents')"/></h1>
        <ul>
          <li class="toc-front"><xsl:sequence select="te:toc-link('#calendar', te:t('List of documents'))"/></li>
          <xsl:for-each select="$divisions">
            <li class="toc-front"><xsl:sequence select="te:toc-link('#' || @xml:id, te:plain(tei:head[1]))"/></li>
          </xsl:for-each>
          <li class="toc-part"><xsl:value-of select="te:t('Documents')"/></li>
          <xsl:for-each select="$documents">
            <li class="toc-document"><xsl:sequence select="te:toc-link('#' || @xml:id, te:educate(te:listed-title(.)))"/></li>
          </xsl:for-each>
          <xsl:for-each select="$back">
            <li class="toc-back"><xsl:sequence select="te:toc-link('#' || @xml:id, te:plain(tei:head[1]))"/></li>
          </xsl:for-each>
          <xsl:for-each select="$te:works">
            <li class="toc-index"><xsl:sequence select="te:toc-link('#' || @xml:id, te:title(.))"/></li>
          </xsl:for-each>
          <xsl:for-each select="$registers">
            <li class="toc-index"><xsl:sequence select="te:toc-link('#index-' || @xml:id, te:t('Index of ' || @xml:id))"/></li>
          </xsl:for-each>
        </ul>
      </nav>
      <section class="calendar chapter" id="calendar" data-running-head="{te:t('List of documents')}">
        <h1><xsl:value-of select="te:t('List of documents')"/></h1>
        <xsl:for-each select="$documents">
          <div class="calendar-entry">
            <p class="calendar-title"><a href="#{@xml:id}" data-p="{te:t('p.')}" title="{te:educate(te:listed-title(.))}"><xsl:value-of select="te:educate(te:listed-title(.))"/></a></p>
            <p class="calendar-date"><xsl:value-of select="te:document-date-label(.)"/></p>
            <p class="calendar-summary"><xsl:value-of select="te:educate(te:whole-first-sentence(te:plain((.//tei:abstract/tei:p)[1])))"/></p>
          </div>
        </xsl:for-each>
      </section>
      <xsl:for-each select="$divisions">
        <xsl:call-template name="te:book-front"><xsl:with-param name="div" select="."/></xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$documents">
        <xsl:call-template name="te:book-document"><xsl:with-param name="tei" select="."/></xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$back">
        <xsl:call-template name="te:book-front"><xsl:with-param name="div" select="."/></xsl:call-template>
      </xsl:for-each>
      <xsl:call-template name="te:book-bibliography"/>
    </xsl:variable>
    <xsl:sequence select="map{
      'title': $info?title, 'short_title': $short-title, 'subtitle': $info?subtitle, 'editors': $info?editors, 'lang': $info?lang,
      'imprint': map{'editors': $editors, 'publisher': $publisher, 'place': $place, 'year': $year, 'version': $info?version, 'licence': $info?licence_label,
                   'rights': array{ $publication/tei:availability/tei:p ! te:educate(te:plain(.)) }},
      'keywords': array{ distinct-values(($front, $documents)//tei:textClass//tei:term ! normalize-space(.)) },
      'html': te:html(te:finish($body)),
      'documents': array{ $documents ! map{'id': string(@xml:id), 'title': te:educate(te:title(.)), 'short_title': te:educate(te:short-title(.)),
                                           'authors': array{ te:authors(.) }, 'contributors': array{ te:cited-responsibilities(.) ! te:educate(.) }, 'date': te:document-date(.),
                                           'description': te:whole-first-sentence(te:plain((.//tei:abstract/tei:p)[1]))} },
      'indices': array{ $registers ! te:index-data(.) },
      (: the chapters after the documents: an offprint's last document ends before them :)
      'back': array{ ($back, $te:works)/@xml:id ! string(.) }
    }"/>
  </xsl:template>

  <xd:doc><xd:desc>The register of works, printed after the documents as the book's bibliography, so
    that a short citation in a note ("Rezai", "Time, 22 February 1982") can be looked up and
    followed: each work's reference under its id, its first author's name inverted ("Rezai, Hamid"),
    filed by the words it begins with as printed, so that a reader finds it where it is read. The
    identifications stay on the web page of the register.</xd:desc></xd:doc>
  <xsl:variable name="te:works" as="element(tei:TEI)?" select="$corpus/tei:TEI[@xml:id = 'works'][tei:standOff//tei:bibl[@xml:id]]"/>
  <xsl:template name="te:book-bibliography">
    <xsl:for-each select="$te:works">
      <section class="bibliography chapter" id="{@xml:id}" data-running-head="{te:title(.)}">
        <h1><xsl:value-of select="te:title(.)"/></h1>
        <xsl:for-each select="tei:standOff//tei:bibl[@xml:id]">
          <xsl:sort select="lower-case(te:filing-form(te:bibliography-lead(.) || ' ' || te:plain(.)))"/>
          <xsl:variable name="lead" select="te:bibliography-lead(.)"/>
          <p class="bibl" id="{@xml:id}">
            <xsl:value-of select="$lead"/>
            <xsl:apply-templates select="(if ($lead) then tei:author[1]/following-sibling::node() else node()) except tei:note"/>
          </p>
        </xsl:for-each>
      </section>
    </xsl:for-each>
  </xsl:template>

  <xd:doc><xd:desc>The first author of a work as a bibliography files it, surname first ("Rezai,
    Hamid"; the last word of a name not marked up), when it is a person; none otherwise, and the
    reference is printed as written.</xd:desc></xd:doc>
  <xsl:function name="te:bibliography-lead" as="xs:string?">
    <xsl:param name="bibl" as="element(tei:bibl)"/>
    <!-- an author who opens the reference: nothing but space before it -->
    <xsl:variable name="person" select="$bibl/tei:author[1][count(*) = 1][not(preceding-sibling::node()[normalize-space()])]/tei:persName"/>
    <xsl:variable name="words" select="tokenize(te:plain($person))"/>
    <xsl:sequence select="
      if ($person/tei:surname) then te:plain($person/tei:surname[1]) || ', ' || normalize-space(string-join($person/(* except tei:surname[1]) ! te:plain(.), ' '))
      else if (count($words) gt 1) then $words[last()] || ', ' || string-join($words[position() lt last()], ' ')
      else ()"/>
  </xsl:function>

  <xd:doc><xd:desc>A division of the front matter as a chapter of the book.</xd:desc></xd:doc>
  <xsl:template name="te:book-front">
    <xsl:param name="div" as="element(tei:div)"/>
    <section class="front chapter" id="{$div/@xml:id}" data-running-head="{te:plain($div/tei:head[1])}">
      <h1><xsl:apply-templates select="$div/tei:head[1]/node()"/></h1>
      <xsl:apply-templates select="$div/node() except $div/tei:head[1]">
        <xsl:with-param name="notes" select="te:page-notes($div)" tunnel="yes"/>
        <xsl:with-param name="heading-offset" select="-1" tunnel="yes"/>
      </xsl:apply-templates>
    </section>
  </xsl:template>

  <xd:doc><xd:desc>A document as a chapter: it opens on a recto with its heading and its source note, then
    the text, as a volume of FRUS prints it; the full description (the web page's "About this document":
    contents, hands, languages, contributors, the source's citation, licence and summary) follows the text
    and the source's endnotes, where it no longer holds the text three pages from its heading; the
    textual notes, lettered for the text and then the description, close the chapter.</xd:desc></xd:doc>
  <xsl:template name="te:book-document">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="notes" select="te:page-notes($tei)"/>
    <section class="document chapter" id="{$tei/@xml:id}" data-running-head="{te:educate(te:short-title($tei))}">
      <header class="document-header">
        <!-- tagged and bookmarked by the numbered heading the contents use, not the source's title (review 17e #10) -->
        <xsl:call-template name="te:document-titles">
          <xsl:with-param name="tei" select="$tei"/>
          <xsl:with-param name="title" select="te:educate(te:title($tei))"/>
          <xsl:with-param name="heading" select="te:educate(te:standard-heading($tei))"/>
        </xsl:call-template>
        <p class="doc-date"><xsl:value-of select="te:document-date-label($tei)"/> · <xsl:value-of select="te:parties($tei)"/></p>
        <xsl:call-template name="te:source-note"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
      </header>
      <section class="text">
        <xsl:sequence select="te:lang-attributes($tei)"/>
        <xsl:apply-templates select="$tei/tei:text, $tei/tei:TEI">
          <xsl:with-param name="notes" select="$notes" tunnel="yes"/>
        </xsl:apply-templates>
      </section>
      <xsl:call-template name="te:source-endnotes">
        <xsl:with-param name="tei" select="$tei"/>
        <xsl:with-param name="notes" select="$notes" tunnel="yes"/>
      </xsl:call-template>
      <xsl:call-template name="te:metadata-panel">
        <xsl:with-param name="tei" select="$tei"/>
        <xsl:with-param name="notes" select="$notes" tunnel="yes"/>
      </xsl:call-template>
      <xsl:call-template name="te:textual-notes">
        <xsl:with-param name="tei" select="$tei"/>
        <xsl:with-param name="notes" select="$notes" tunnel="yes"/>
      </xsl:call-template>
      <xsl:call-template name="te:document-registers"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
    </section>
  </xsl:template>

  <xd:doc><xd:desc>A source given as a structured citation (elements only, no punctuation of its own)
    is printed as one: its parts separated by commas, an article's title in quotation marks,
    each responsibility as "translated by Richard Iserman", a full stop at the end.</xd:desc></xd:doc>
  <xsl:template match="tei:sourceDesc/tei:bibl[not(text()[normalize-space()])]/*[not(self::tei:note)]" priority="3">
    <!-- the commas between the parts are the description list's (mode te:inline-list) -->
    <xsl:choose>
      <xsl:when test="self::tei:title[@level = 'a']">“<xsl:apply-templates/>”</xsl:when>
      <xsl:when test="self::tei:respStmt"><xsl:value-of select="normalize-space(tei:resp)"/><xsl:text> </xsl:text><xsl:apply-templates select="tei:resp/following-sibling::node()"/></xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="not(following-sibling::*[not(self::tei:note)])">.</xsl:if>
  </xsl:template>
  <xsl:template match="tei:sourceDesc/tei:bibl[not(text()[normalize-space()])]/text()" priority="3"/>

  <xd:doc><xd:desc>Each citable passage of a document's text (a paragraph, an opener, a salutation, a
    quotation, a list and each of its items: every id beginning p-) carries its number, as "¶ 22": the
    number the website cites it by (te:citable-label), so that a citation by paragraph works in both,
    and none is skipped. The number stands in the margin beside the passage's first line, as critical
    editions print their line numbers (book.css): never on a line of its own above a heading, a list or
    a signature, nor inside a stamp's box. Where two passages begin on one line (a list and its first
    item), their numbers stand there as one range ("¶ 30–31"). A block without an id of its own (the salutation
    of the letter's opener) has no number: it is cited by its passage's.</xd:desc></xd:doc>
  <xsl:template match="*[starts-with(@xml:id, 'p-')][ancestor::tei:text][not(ancestor::tei:note)][not(te:document(.)/@xml:id = 'edition')]" priority="5">
    <xsl:variable name="block" as="item()*"><xsl:next-match/></xsl:variable>
    <xsl:variable name="label" select="te:citable-label(.)"/>
    <xsl:variable name="number" as="element()"><te-lbl class="para-number" title="{$label}"><xsl:value-of select="replace($label, ' ', '&#160;')"/></te-lbl></xsl:variable>
    <xsl:variable name="first" select="$block[. instance of element()][1]"/>
    <xsl:for-each select="$block">
      <xsl:choose>
        <xsl:when test=". is $first"><xsl:sequence select="te:numbered(., $number)"/></xsl:when>
        <xsl:otherwise><xsl:sequence select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xd:doc><xd:desc>The HTML elements that begin a line of their own: a passage's number goes into the
    first of them that holds its first line.</xd:desc></xd:doc>
  <xsl:variable name="te:line-blocks" as="xs:string+" select="('p', 'div', 'section', 'blockquote', 'aside', 'header', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6')"/>

  <xd:doc><xd:desc>A block with a passage's number at the head of its first line, in that line's
    marginal box (span.para-margin), before the numbers of passages it holds that begin there too.</xd:desc></xd:doc>
  <xsl:function name="te:numbered" as="element()">
    <xsl:param name="block" as="element()"/>
    <xsl:param name="number" as="element()"/>
    <xsl:variable name="lead" select="$block/node()[self::* or normalize-space()][1]"/>
    <xsl:element name="{local-name($block)}" namespace="{namespace-uri($block)}">
      <xsl:copy-of select="$block/@*"/>
      <!-- a heading's bookmark is its own words, without the number (book.css) -->
      <xsl:if test="matches(local-name($block), '^h\d$')">
        <xsl:attribute name="data-bookmark" select="normalize-space(string-join($block//text()[not(ancestor::*[tokenize(@class) = ('permalink', 'footnote', 'call', 'para-margin')])]))"/>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$lead[self::*:span[tokenize(@class) = 'para-margin']]">
          <xsl:copy-of select="$lead/preceding-sibling::node()"/>
          <!-- passages that begin on one line (a list and its first item) share one number, a range
               ("¶ 30–31"): two numbers side by side reached the trim (review 17e #3) -->
          <xsl:variable name="last" select="($lead//*[tokenize(@class) = 'para-number'])[last()]"/>
          <xsl:variable name="range" select="string($number) || '–' || replace(string($last), '^¶[\s&#160;]*', '')"/>
          <span class="para-margin"><te-lbl class="para-number" title="{$number/@title}–{replace(string($last/@title), '^¶\s*', '')}"><xsl:value-of select="$range"/></te-lbl></span>
          <xsl:copy-of select="$lead/following-sibling::node()"/>
        </xsl:when>
        <xsl:when test="$lead[self::*][local-name() = $te:line-blocks]">
          <xsl:copy-of select="$lead/preceding-sibling::node()"/>
          <xsl:sequence select="te:numbered($lead, $number)"/>
          <xsl:copy-of select="$lead/following-sibling::node()"/>
        </xsl:when>
        <xsl:otherwise>
          <span class="para-margin"><xsl:sequence select="$number"/></span>
          <xsl:copy-of select="$block/node()"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:function>

  <xd:doc><xd:desc>A passage's permalink (the website's "¶" to copy its address) is not printed, nor the
    space before it: a block ending in a space before a hidden element made WeasyPrint set the word
    before its last line's hyphen on a line of its own ("significantly / dam- / aged").</xd:desc></xd:doc>
  <xsl:template match="*:a[tokenize(@class) = 'permalink']" mode="te:finish"/>
  <xsl:template match="text()[following-sibling::node()[1][self::*:a[tokenize(@class) = 'permalink']]]" mode="te:finish" priority="0.45">
    <xsl:sequence select="te:with-addresses(replace(., '[\s&#160;]+$', ''))"/>
  </xsl:template>

  <xd:doc><xd:desc>The book has no view switch: it prints the reading text.</xd:desc></xd:doc>
  <xsl:template name="te:view-switch"/>

  <xd:doc><xd:desc>The first sentence of a text, whole: it ends at a full stop after a small letter,
    a figure or a closing bracket or quote, before a capital; the full stop of an initial ("M. S.
    Gorbachev") or of an abbreviation ("U.S.S.R.") ends none.</xd:desc></xd:doc>
  <xsl:function name="te:whole-first-sentence" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="replace($text, '^(.*?[\p{Ll}\d\)\]”’&quot;][.!?])\s+[\p{Lu}“‘&quot;].*$', '$1', 's')"/>
  </xsl:function>

  <xd:doc><xd:desc>How an entry heads the index: a person surname first ("Gorbachev, Mikhail Sergeyevich"),
    anything else by its main name.</xd:desc></xd:doc>
  <xsl:function name="te:index-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="main" select="($entry/tei:persName[@type = 'main'], $entry/tei:persName)[1]"/>
    <xsl:sequence select="if ($main/tei:surname) then normalize-space(te:plain($main/tei:surname[1]) || ', ' || string-join(($main/* except $main/tei:surname[1]) ! te:plain(.), ' '))
                          else te:label-of($entry)"/>
  </xsl:function>

  <xd:doc><xd:desc>An entry of the contents: its title, whose last word holds the leader and the folio,
    so that they never stand on a line of their own: a title that fills its last line takes its last
    word down with them (review 17e #8: "… 1986]" then a line of dots and "53").</xd:desc></xd:doc>
  <xsl:function name="te:toc-link" as="element()">
    <xsl:param name="href" as="xs:string"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:variable name="words" select="tokenize(normalize-space($title), ' ')"/>
    <a href="{$href}" title="{$title}">
      <xsl:value-of select="string-join($words[position() lt last()], ' ') || ' '[count($words) gt 1]"/>
      <span class="toc-end" data-target="{$href}"><xsl:value-of select="$words[last()]"/></span>
    </a>
  </xsl:function>

  <xd:doc><xd:desc>The places of the document's opening that print a name of its header again: its
    heading or its parties line (the addressee "Sofia"), the chapter's own id; its source note (a
    translator, an archive's city), the note's id; each a place of its own.</xd:desc></xd:doc>
  <xsl:function name="te:headnote-refs" as="array(xs:string)*">
    <xsl:param name="mention" as="element()"/>
    <xsl:variable name="tei" select="te:document($mention)"/>
    <xsl:variable name="name" select="normalize-space(te:text-of($mention))"/>
    <xsl:if test="$mention/ancestor::tei:teiHeader and $name">
      <xsl:if test="contains(te:standard-heading($tei) || ' ' || te:parties($tei), $name)">
        <xsl:sequence select="array{ string($tei/@xml:id) }"/>
      </xsl:if>
      <xsl:if test="contains(string-join(te:source-note-sentences($tei), ' '), $name)">
        <xsl:sequence select="array{ $tei/@xml:id || '-source-note' }"/>
      </xsl:if>
    </xsl:if>
  </xsl:function>

  <xd:doc><xd:desc>An index: its entries, each with its name, its identification, and for each place it
    is named (in the documents, their headnotes, source notes and notes, and the front matter) the book's ids
    of that place: the name's own, and the paragraph's or note's it stands in, should the name
    not be printed with an id of its own (a header field printed as plain text). The build turns
    them into page numbers. A name used in many parts of the book is given subentries, one for each
    part (the front matter, each document), each an entry of its own ("sub": its heading) that
    follows its main entry; and each other name the texts use for an entry (the register's variants)
    is a cross-reference to it ("MEK, see People's Mojahedin Organization of Iran"), unless it differs only by a leading article, in its place in
    the alphabet.</xd:desc></xd:doc>
  <xsl:function name="te:index-data" as="map(*)">
    <xsl:param name="register" as="element(tei:TEI)"/>
    <xsl:variable name="prefix" select="map{'persons': 'psn:', 'organisations': 'org:', 'places': 'plc:'}($register/@xml:id)"/>
    <xsl:variable name="printed" select="$register/tei:standOff//(tei:person | tei:org | tei:place)[exists(key('te:mentions', $prefix || @xml:id, $corpus)[te:in-book(.)])]"/>
    <xsl:variable name="headings" select="$printed ! te:index-form(te:index-name(.))"/>
    <!-- each group: an entry and its subentries, or a cross-reference; the groups in the order of the alphabet -->
    <xsl:variable name="groups" as="array(map(*))*">
      <xsl:for-each select="$printed">
        <xsl:variable name="entry" select="."/>
        <xsl:variable name="mentions" select="key('te:mentions', $prefix || @xml:id, $corpus)[te:in-book(.)]"/>
        <xsl:variable name="name" select="te:educate(te:index-name(.))"/>
        <xsl:variable name="parts" select="$mentions ! te:book-part(.)"/>
        <xsl:variable name="divided" select="count($mentions) ge $te:subentries-from and count($parts/.) ge 3"/>
        <xsl:sequence select="array{
          map{'id': string(@xml:id), 'name': $name, 'sort': te:sort-key(.),
              (: a range of years is not broken at its dash (a word joiner, which prints nothing) :)
              'identification': te:educate(replace(te:whole-first-sentence(normalize-space((tei:note[@type = 'identification'], tei:desc)[1] ! te:plain(.))), '\.$', ''))
                                => replace('(\d)–(\d)', '$1–&#x2060;$2'),
              'refs': if ($divided) then array{} else te:index-refs($mentions)},
          if ($divided) then
            for $part in ($front, $documents, te:back-divisions())[some $p in $parts satisfies $p is .]
            return map{'id': @xml:id || '~' || $part/@xml:id,
                       'sub': if ($part is $front) then te:t('front matter') else if ($part/self::tei:div) then te:plain($part/tei:head[1]) else te:educate(te:short-title($part)),
                       'refs': te:index-refs($mentions[te:book-part(.) is $part])}
          else ()}"/>
        <xsl:for-each select="distinct-values(te:index-variants(.)[not(te:index-form(te:filing-form(.)) = $headings ! te:filing-form(.))] ! te:educate(.))">
          <xsl:sequence select="array{ map{'id': 'see-' || $entry/@xml:id || '-' || position(), 'name': ., 'sort': te:filing-form(.), 'see': $name, 'see_id': string($entry/@xml:id), 'refs': array{}} }"/>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <!-- a name that is a variant of two entries leads to the first -->
    <xsl:variable name="entries" as="map(*)*">
      <xsl:for-each-group select="$groups" group-by="te:index-form(?1?name) || (if (?1?see) then '' else ?1?id)">
        <xsl:sort select="lower-case(?1?sort)"/>
        <xsl:sequence select="?*"/>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:sequence select="map{'id': 'index-' || $register/@xml:id, 'title': te:t('Index of ' || $register/@xml:id), 'entries': array{ $entries }}"/>
  </xsl:function>

  <xd:doc><xd:desc>The divisions of edition.xml the book prints after the documents (te:back-types).</xd:desc></xd:doc>
  <xsl:function name="te:back-divisions" as="element(tei:div)*">
    <xsl:sequence select="$front/tei:text/tei:body/tei:div[@type = $te:back-types]"/>
  </xsl:function>

  <xd:doc><xd:desc>The part of the book a mention stands in, as an index's subentries divide an entry:
    its document, or for edition.xml the front matter, or the division printed after the documents
    (the apparatus) it is in: "front matter" would send a reader to the wrong end of the book.</xd:desc></xd:doc>
  <xsl:function name="te:book-part" as="element()">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="(te:back-divisions()[some $d in $mention/ancestor::tei:div satisfies $d is .], te:document($mention))[1]"/>
  </xsl:function>

  <xd:doc><xd:desc>A name as the index compares names: in small letters, its apostrophes straight
    ("O'Cleirigh" is "O’Cleirigh", "RAJAVI" is "Rajavi").</xd:desc></xd:doc>
  <xsl:function name="te:index-form" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="lower-case(translate(normalize-space($name), '’‘ʼ', &quot;'''&quot;))"/>
  </xsl:function>

  <xd:doc><xd:desc>The number of places from which an entry used in three parts of the book or more is given subentries.</xd:desc></xd:doc>
  <xsl:variable name="te:subentries-from" as="xs:integer" select="12"/>

  <xd:doc><xd:desc>The places of an entry's mentions, as te:index-data gives them.</xd:desc></xd:doc>
  <xsl:function name="te:index-refs" as="array(*)">
    <xsl:param name="mentions" as="element()*"/>
    <xsl:sequence select="array{ $mentions ! array{ te:mention-id(.), te:book-id(te:citable(.)) }, $mentions ! te:headnote-refs(.) }"/>
  </xsl:function>

  <xd:doc><xd:desc>The other names of a register entry under which a reader may look it up: an
    organisation's or a place's variants as they are; of a person's, the surname the variant gives
    (the word that is none of the main name's forenames), where it is spelt otherwise ("Nyabati").</xd:desc></xd:doc>
  <xsl:function name="te:index-variants" as="xs:string*">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="main" select="($entry/*[@type = 'main'], $entry/(tei:persName | tei:orgName | tei:placeName))[1]"/>
    <xsl:variable name="variants" select="($entry/(tei:persName | tei:orgName | tei:placeName) except $main) ! normalize-space(te:plain(.))"/>
    <xsl:choose>
      <xsl:when test="$entry/self::tei:person">
        <xsl:variable name="forenames" select="$main/tei:forename ! tokenize(normalize-space(te:plain(.)))"/>
        <xsl:variable name="surname" select="normalize-space(te:plain(($main/tei:surname, $main)[1]))"/>
        <xsl:sequence select="for $v in $variants return (tokenize($v)[not(. = $forenames)][string-length(.) gt 2][not(ends-with(., '.'))])[last()][not(te:index-form(.) = te:index-form($surname))][$main/tei:surname]"/>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="$variants"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>
</xsl:stylesheet>
