<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xd="http://www.oxygenxml.com/ns/doc/xsl"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://teiedition.org/ns"
  exclude-result-prefixes="#all">

  <xd:doc scope="stylesheet">
    <xd:desc>The editors' apparatus around a document, shared by the web page, the book and the
      EPUB: its number in the edition (TEI/@n), its standard heading in the style of Foreign
      Relations of the United States (titleStmt/title type standard), and its source note,
      generated from the header (archive and signature with leaves and other identifiers,
      classification, transmission, language and translation chain, where published, when
      accessed). Every output calls these, so the three say the same.</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>The document's number in the edition ("1"…), or "" for a file without one.</xd:desc></xd:doc>
  <xsl:function name="te:doc-number" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="normalize-space($tei/@n)"/>
  </xsl:function>

  <xd:doc><xd:desc>The document's standard heading, without its number; "" when it has none.</xd:desc></xd:doc>
  <xsl:function name="te:standard-heading" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="te:text-of($tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'standard'][1])"/>
  </xsl:function>

  <xd:doc><xd:desc>Number and heading as one line: "1. Letter From …"; the heading alone without a number.</xd:desc></xd:doc>
  <xsl:function name="te:numbered-heading" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="n" select="te:doc-number($tei)"/>
    <xsl:sequence select="string-join(((if ($n) then $n || '.' else ()), te:standard-heading($tei)[.]), ' ')"/>
  </xsl:function>

  <xd:doc><xd:desc>The title by which lists of documents (contents, calendar) name a document: its
    numbered standard heading, or its own title where it has no standard heading (foreign TEI).</xd:desc></xd:doc>
  <xsl:function name="te:listed-title" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="if (te:standard-heading($tei)) then te:numbered-heading($tei) else te:title($tei)"/>
  </xsl:function>

  <xd:doc><xd:desc>An element's words, without the notes and the source side of the choices inside it (the words of a sic or orig itself are kept).</xd:desc></xd:doc>
  <xsl:function name="te:text-of" as="xs:string">
    <xsl:param name="element" as="element()?"/>
    <xsl:sequence select="normalize-space(string-join($element//text()[not((ancestor::tei:note | ancestor::tei:sic | ancestor::tei:orig) intersect $element/descendant::*)], ''))"/>
  </xsl:function>

  <xd:doc><xd:desc>A reading of a choice as the reader finds it: with the rest of its word where the
    choice stands inside one ("MKO" + "’s"), so that a list of interventions shows "MKO’" and "MKO’s", not "’" and "’s".</xd:desc></xd:doc>
  <xsl:function name="te:reading-in-word" as="xs:string">
    <xsl:param name="choice" as="element(tei:choice)"/>
    <xsl:param name="reading" as="element()?"/>
    <xsl:variable name="before" select="$choice/preceding::text()[not(ancestor::tei:note)][1]"/>
    <xsl:variable name="after" select="$choice/following::text()[not(ancestor::tei:note)][1]"/>
    <xsl:sequence select="tokenize(string($before), '[^\p{L}\p{N}]')[last()] || te:text-of($reading) || tokenize(string($after), '[^\p{L}\p{N}]')[1]"/>
  </xsl:function>

  <xd:doc><xd:desc>"SPECIAL FOLDER" as a heading word would be written: "Special Folder".</xd:desc></xd:doc>
  <xsl:function name="te:title-case" as="xs:string">
    <xsl:param name="words" as="xs:string"/>
    <xsl:sequence select="string-join(tokenize(lower-case($words), '\s+')[.] ! (upper-case(substring(., 1, 1)) || substring(., 2)), ' ')"/>
  </xsl:function>

  <xd:doc><xd:desc>The archive that holds a document's original, as its header names it ("" without one).</xd:desc></xd:doc>
  <xsl:function name="te:archive" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="te:text-of($tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:msDesc[1]/tei:msIdentifier/tei:repository)"/>
  </xsl:function>

  <xd:doc><xd:desc>Where in its archive the original is: collection, file and leaves ("fond 89, opis' 15, delo 24, ll. 2–4").</xd:desc></xd:doc>
  <xsl:function name="te:archive-location" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="ms" select="$tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:msDesc[1]"/>
    <xsl:sequence select="string-join((($ms/tei:msIdentifier/(tei:collection, tei:idno)), ($ms/tei:msContents/tei:msItem/tei:locus)[1]) ! te:text-of(.), ', ')"/>
  </xsl:function>

  <xd:doc><xd:desc>Who translated a document, each translation as its phrase ("translated from Russian
    into English by Richard Iserman"), in the order of the language chain from the original to the
    English (a translation into Russian first): the respStmts of its titleStmt whose responsibility is
    a translation. The source note and the offprint's citation both name them from here.</xd:desc></xd:doc>
  <xsl:function name="te:translations" as="xs:string*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="te:translation-statements($tei) ! te:responsibility(.)"/>
  </xsl:function>

  <xd:doc><xd:desc>A document's statements of translation (the respStmts of its titleStmt whose
    responsibility is a translation), in the order of the language chain: into Russian first.</xd:desc></xd:doc>
  <xsl:function name="te:translation-statements" as="element(tei:respStmt)*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="translations" select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:respStmt[tei:resp[starts-with(normalize-space(.), 'translated')]]"/>
    <xsl:sequence select="$translations[not(tei:resp[contains(., 'into English')])], $translations[tei:resp[contains(., 'into English')]]"/>
  </xsl:function>

  <xd:doc><xd:desc>A document's statements of responsibility that a citation of its words names after
    its title: its translations (te:translations), then any other share in the words ("additional
    reporting by Fiona O’Cleirigh"). Not who gave a copy to an archive ("contributed to the Wilson
    Center Digital Archive by"): that is the copy's provenance, which the source note tells.</xd:desc></xd:doc>
  <xsl:function name="te:cited-responsibilities" as="xs:string*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="te:translations($tei),
      ($tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:respStmt[not(tei:resp[starts-with(normalize-space(.), 'contributed to')])]
       except te:translation-statements($tei)) ! te:responsibility(.)"/>
  </xsl:function>

  <xd:doc><xd:desc>A statement of responsibility as a phrase: what was done, then by whom. A respStmt
    may hold several resp (TEI allows it: "transcribed", "proofread"): each is read.</xd:desc></xd:doc>
  <xsl:function name="te:responsibility" as="xs:string">
    <xsl:param name="resp" as="element(tei:respStmt)"/>
    <xsl:sequence select="string-join($resp/tei:resp ! te:text-of(.), ', ') || ' ' || string-join($resp/(tei:persName | tei:orgName | tei:name) ! te:text-of(.), ', ')"/>
  </xsl:function>

  <xd:doc><xd:desc>The sentences of a document's source note, each a string, in the order of a FRUS
    source note: where the original is, with its identifiers; its markings; who translated it;
    where the text edited was published and when it was seen.</xd:desc></xd:doc>
  <xsl:function name="te:source-note-sentences" as="xs:string*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="file" select="$tei/tei:teiHeader/tei:fileDesc"/>
    <xsl:variable name="ms" select="$file/tei:sourceDesc/tei:msDesc[1]"/>
    <xsl:variable name="id" select="$ms/tei:msIdentifier"/>
    <xsl:variable name="online" select="$file/tei:sourceDesc/tei:bibl[@type = 'online'][1]"/>
    <!-- the archive: repository, place, collection, file and leaves, then the other identifiers; an identifier the editors know only at
         second hand keeps the note that says so, in brackets -->
    <xsl:if test="$ms">
      <xsl:sequence select="te:t('Source:') || ' ' || string-join((
        ($id/tei:repository, $id/tei:settlement) ! te:text-of(.), te:archive-location($tei)[.]), ', ')
        || string-join($id/tei:altIdentifier ! ('; ' || string-join(*[not(self::tei:note)] ! te:text-of(.), ', ')
             || tei:note[1] ! (' (' || lower-case(substring(te:text-of(.), 1, 1)) || replace(substring(te:text-of(.), 2), '\.$', '') || ')'))) || '.'"/>
    </xsl:if>
    <xsl:variable name="marks" select="distinct-values($tei/tei:text//tei:fw[@type = 'classification'] ! te:title-case(te:text-of(.)))"/>
    <xsl:if test="exists($marks)"><xsl:sequence select="string-join($marks, '; ') || '.'"/></xsl:if>
    <xsl:for-each select="$tei/tei:text//tei:fw[@type = 'transmission'][1]">
      <xsl:sequence select="te:t('Transmission:') || ' ' || te:text-of(.) || '.'"/>
    </xsl:for-each>
    <xsl:variable name="translations" select="te:translations($tei)"/>
    <xsl:if test="exists($translations)">
      <xsl:sequence select="string-join($translations, '; ') ! (upper-case(substring(., 1, 1)) || substring(., 2)) || '.'"/>
    </xsl:if>
    <!-- where the text edited was published: the archive's web record, or the article itself -->
    <xsl:if test="$online">
      <xsl:variable name="where" select="string-join((
        if ($ms) then () else (
          string-join($online/tei:author ! te:text-of(.), ', '),
          $online/tei:title[1] ! ('&#x201C;' || te:text-of(.) || '&#x201D;'),
          $online/tei:publisher ! te:text-of(.),
          $online/tei:date[@type = 'published'] ! te:text-of(.)),
        if ($ms) then $online/tei:publisher ! te:text-of(.) else (),
        $online/tei:idno[@type = 'wcda'] ! replace(te:t('record {n}'), '{n}', te:text-of(.), 'q'),
        ($online/tei:ref[not(@type)])[1] ! (string(@target) || (if (@cert = ('medium', 'low')) then ' (' || te:t('address inferred, not confirmed') || ')' else ''))), ', ')"/>
      <xsl:variable name="accessed" select="$online/tei:date[@type = 'accessed'][1]"/>
      <xsl:sequence select="(if ($ms) then te:t('Published in English:') else te:t('Published:')) || ' ' || $where
        || (if ($accessed/@when) then '; ' || replace(te:t('accessed {date}'), '{date}', te:format-date($accessed/@when), 'q')
            (: the day is not known, only the date of the version for which the editors consulted the page :)
            else if ($accessed/@notAfter) then '; ' || replace(te:t('accessed before {date} (the day was not recorded)'), '{date}', te:format-date($accessed/@notAfter), 'q') else '') || '.'"/>
    </xsl:if>
    <!-- the copy the text was taken from, where it is not the page's own address -->
    <xsl:for-each select="($online//tei:ref[@type = 'copy']/@target)[1]">
      <xsl:sequence select="replace(te:t('The text edited was taken from a copy at {url}.'), '{url}', string(.), 'q')"/>
    </xsl:for-each>
    <xsl:if test="$online and not($ms) and not($online/tei:ref[not(@type)])">
      <xsl:sequence select="te:t('The address of the page is not known.')"/>
    </xsl:if>
    <xsl:for-each select="($online/tei:ref[@type = 'republished']/@target)[1]">
      <xsl:sequence select="replace(te:t('Republished at {url}.'), '{url}', string(.), 'q')"/>
    </xsl:for-each>
    <xsl:for-each select="($tei/tei:teiHeader/tei:profileDesc/tei:creation//tei:date[@resp = 'org:wcda'])[1]">
      <xsl:sequence select="te:t('The date is the one the Wilson Center Digital Archive gives; the text itself is undated.')"/>
    </xsl:for-each>
    <xsl:if test="not($online) and $file/tei:sourceDesc/tei:bibl">
      <xsl:variable name="bibl" select="$file/tei:sourceDesc/tei:bibl[1]"/>
      <xsl:variable name="where" select="string-join((
        string-join($bibl/tei:author ! te:text-of(.), ', '),
        $bibl/tei:title[1] ! ('&#x201C;' || te:text-of(.) || '&#x201D;'),
        $bibl/tei:publisher ! te:text-of(.),
        $bibl/tei:date[@type = 'published' or not(@type)][1] ! te:text-of(.))[.], ', ')"/>
      <!-- a plain citation (text only, as `init`'s sample has it) is given as it is written, as the source;
           "Published: ." said nothing -->
      <xsl:sequence select="if ($where) then te:t('Published:') || ' ' || $where || '.'
                            else (te:text-of($bibl)[.] ! (te:t('Source:') || ' ' || replace(., '\.$', '') || '.'))"/>
    </xsl:if>
  </xsl:function>

  <xd:doc><xd:desc>A link from a generated list (on the page `$from`) to an element of the edition:
    a page link on the web and in the EPUB; the book overrides it with a page reference.</xd:desc></xd:doc>
  <xsl:template name="te:apparatus-link">
    <xsl:param name="target" as="element()"/>
    <xsl:param name="from" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <!-- what the link leads to, where its words alone do not say it (a document's number) -->
    <xsl:param name="name" as="xs:string?" select="()"/>
    <!-- where it leads, where that is not the target's own place (a document's description) -->
    <xsl:param name="href" as="xs:string" select="te:link($target, $from)"/>
    <a href="{$href}">
      <!-- named for a screen reader, and for the eye on hover -->
      <xsl:if test="$name"><xsl:attribute name="aria-label" select="$name"/><xsl:attribute name="title" select="$name"/></xsl:if>
      <xsl:sequence select="$content"/>
    </a>
  </xsl:template>

  <xd:doc><xd:desc>A table of the apparatus whose every cell names its column (data-label, from the
    head's cells), so that on a phone a row reads as a card of labelled lines instead of a table
    cut at the screen's edge (pages.css, table.cards).</xd:desc></xd:doc>
  <xsl:function name="te:card-table" as="element()">
    <xsl:param name="table" as="element()"/>
    <xsl:apply-templates select="$table" mode="te:card-table">
      <xsl:with-param name="labels" select="$table/*:thead/*:tr[1]/* ! normalize-space(.)" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:function>
  <xsl:mode name="te:card-table" on-no-match="shallow-copy"/>
  <xsl:template match="*:tbody/*:tr/*:td" mode="te:card-table">
    <xsl:param name="labels" as="xs:string*" tunnel="yes"/>
    <xsl:copy>
      <xsl:attribute name="data-label" select="$labels[count(current()/preceding-sibling::*) + 1]"/>
      <xsl:apply-templates select="@*, node()" mode="#current"/>
    </xsl:copy>
  </xsl:template>

  <xd:doc><xd:desc>A part of an archival item (the letter, its Persian original, the statement on its
    enclosures), wherever the header is shown: its number, title and language.</xd:desc></xd:doc>
  <xsl:template match="tei:msItem/tei:msItem">
    <span class="msitem-part"><xsl:value-of select="'(' || @n || ') '"/><xsl:apply-templates select="tei:title/node()"/><xsl:value-of select="tei:textLang ! (' [' || te:text-of(.) || ']')"/></span>
  </xsl:template>

  <xd:doc><xd:desc>A document's titles, as the first lines of its page or chapter: the number and standard
    heading, the kind of document, then the source's own title. The edition's heading, which every
    citation uses, is the level-one heading; the source's title follows as a subtitle, in its own direction
    (a Persian title reads right to left). A file without a standard heading keeps its own title as the
    heading (review 18i #1: a reader navigating by headings heard the source's title and never the number).</xd:desc></xd:doc>
  <xsl:template name="te:document-titles">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <!-- the web page's heading labels its article; the book holds every document, so no id there -->
    <xsl:param name="id" as="xs:string" select="''"/>
    <xsl:param name="title" as="xs:string" select="te:title($tei)"/>
    <xsl:param name="heading" as="xs:string" select="te:standard-heading($tei)"/>
    <xsl:if test="$heading">
      <h1 class="standard-heading">
        <xsl:if test="$id"><xsl:attribute name="id" select="$id"/></xsl:if>
        <xsl:if test="te:doc-number($tei)"><span class="doc-number"><xsl:value-of select="te:doc-number($tei)"/>.</span><xsl:text> </xsl:text></xsl:if>
        <xsl:value-of select="$heading"/>
      </h1>
    </xsl:if>
    <p class="doc-type"><xsl:value-of select="te:doc-type($tei)"/></p>
    <xsl:element name="{if ($heading) then 'p' else 'h1'}">
      <xsl:attribute name="class" select="'source-title'"/>
      <xsl:if test="$id and not($heading)"><xsl:attribute name="id" select="$id"/></xsl:if>
      <xsl:attribute name="dir" select="'auto'"/>
      <xsl:value-of select="$title"/>
    </xsl:element>
  </xsl:template>

  <xd:doc><xd:desc>The source note of a document, one paragraph, as FRUS prints it under the heading.</xd:desc></xd:doc>
  <xsl:template name="te:source-note">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="sentences" select="te:source-note-sentences($tei)"/>
    <xsl:if test="exists($sentences)">
      <!-- in a left-to-right sentence, the right-to-left names of a source ("کتابخانهٔ ملی, تهران") are
           kept in the sentence's order, each comma after its name: a left-to-right mark follows each
           comma of a note that has such names -->
      <xsl:variable name="note" select="string-join($sentences, ' ')"/>
      <!-- its addresses are links, on the web and in the book (an address ends before the
           punctuation of the sentence that holds it) -->
      <p class="source-note" id="{$tei/@xml:id}-source-note">
        <xsl:analyze-string select="if (te:has-rtl($note)) then replace($note, ', ', ',&#x200E; ') else $note" regex="{$te:web-address}">
          <xsl:matching-substring><a href="{.}"><xsl:value-of select="."/></a></xsl:matching-substring>
          <xsl:non-matching-substring><xsl:value-of select="."/></xsl:non-matching-substring>
        </xsl:analyze-string>
      </p>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
