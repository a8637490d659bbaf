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
    <xd:desc>Notes on paper, in three series kept apart: the editors' notes, numbered as on the
      web page (1, 2, 3), are footnotes; the source's own notes keep the source's place — a
      footnote in brackets ([1], or *2 where the source gives no number) where the source has
      footnotes, and at the end of the document where it has endnotes (place="end"); the textual
      notes of the interventions, lettered without i, l and o (a, b, c … ("Paris] Pants in the
      source"), form the textual apparatus at the end of each document. A call that follows
      another call is separated from it by a comma, and one that follows a figure is set apart,
      so that no call reads as part of a number.
      CSS floats each footnote element (float: footnote) and prints its data-call. Every note is a
      te-note element and its label a te-lbl, which the screen book tags as Note and Lbl (screen.py).</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>A note becomes a footnote element at its call, carrying the note's id (its PDF
    destination); an endnote of the source, only its call (its text is at the end of the document).</xd:desc></xd:doc>
  <xsl:template name="te:note-marker">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:param name="number" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="te:is-endnote($note)">
        <xsl:call-template name="te:call">
          <xsl:with-param name="id" select="te:note-id($note)"/>
          <xsl:with-param name="series" select="'source'"/>
          <xsl:with-param name="call" select="$number"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="te:footnote">
          <xsl:with-param name="id" select="te:note-id($note)"/>
          <xsl:with-param name="series" select="if (te:is-ours($note)) then 'editors' else 'source'"/>
          <xsl:with-param name="call" select="$number"/>
          <xsl:with-param name="content" as="item()*"><xsl:apply-templates select="$note/node()"/></xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xd:doc><xd:desc>A note's id in the book: its own, or, for a note of a foreign corpus that has none,
    one made from its place, so that its call links to it and no two notes share the empty one.</xd:desc></xd:doc>
  <xsl:function name="te:note-id" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="if ($note/@xml:id) then string($note/@xml:id) else te:id('n', $note)"/>
  </xsl:function>

  <xd:doc><xd:desc>True for a note of the source that the source prints at its end.</xd:desc></xd:doc>
  <xsl:function name="te:is-endnote" as="xs:boolean">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="not(te:is-ours($note)) and $note/@place = 'end' and empty($note/ancestor::tei:note)"/>
  </xsl:function>

  <xd:doc><xd:desc>A call: a link to its note (its id marks the call's place, so that the note's page
    and its call's can be compared); te:finish sets it apart from a call before it.</xd:desc></xd:doc>
  <xsl:template name="te:call">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="series" as="xs:string"/>
    <xsl:param name="call" as="xs:string"/>
    <a class="{string-join(('call', 'call-' || $series), ' ')}" id="call-{$id}" href="#{$id}" title="{te:call-description($series, $call)}"><xsl:value-of select="$call"/></a>
  </xsl:template>

  <xd:doc><xd:desc>What a call's link says to a listener (the link's description in the PDF).</xd:desc></xd:doc>
  <xsl:function name="te:call-description" as="xs:string">
    <xsl:param name="series" as="xs:string"/>
    <xsl:param name="call" as="xs:string"/>
    <xsl:sequence select="te:t(map{'editors': 'Editors’ note', 'source': 'Note of the source', 'textual': 'Textual note'}($series)) || ' ' || $call"/>
  </xsl:function>

  <xd:doc><xd:desc>A footnote: its call, and the note, which CSS floats to the foot of the page.</xd:desc></xd:doc>
  <xsl:template name="te:footnote">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="series" as="xs:string"/>
    <xsl:param name="call" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:call-template name="te:call">
      <xsl:with-param name="id" select="$id"/>
      <xsl:with-param name="series" select="$series"/>
      <xsl:with-param name="call" select="$call"/>
    </xsl:call-template>
    <te-note class="footnote fn-{$series}" id="{$id}" data-call="{$call}"><xsl:sequence select="$content"/></te-note>
  </xsl:template>

  <xd:doc><xd:desc>The source's endnotes, at the end of its text, as the source numbers them.</xd:desc></xd:doc>
  <xsl:template name="te:source-endnotes">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="endnotes" select="$tei/tei:text//tei:note[te:is-endnote(.)]"/>
    <xsl:if test="$endnotes">
      <section class="endnotes">
        <h2><xsl:value-of select="te:t('Notes of the source')"/></h2>
        <xsl:for-each select="$endnotes">
          <te-note class="endnote" id="{te:note-id(.)}"><te-lbl class="note-label">[<xsl:value-of select="te:note-number(.)"/>]</te-lbl><xsl:text> </xsl:text><xsl:apply-templates/></te-note>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <xd:doc><xd:desc>The end of a document: the textual apparatus, by letter, for the text and the
    description before it.</xd:desc></xd:doc>
  <xsl:template name="te:textual-notes">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="points" select="te:textual-points-in-order($tei)"/>
    <xsl:if test="$points">
      <section class="apparatus">
        <h2><xsl:value-of select="te:t('Textual notes')"/></h2>
        <xsl:apply-templates select="$points" mode="te:textual-note"/>
      </section>
    </xsl:if>
  </xsl:template>

  <xd:doc><xd:desc>A document's lettered interventions in the order the book prints them: the text's,
    then the description's (the header's), which follows the text.</xd:desc></xd:doc>
  <xsl:function name="te:textual-points-in-order" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="points" select="$tei//*[te:is-textual-note-point(.)]"/>
    <xsl:sequence select="$points except $tei/tei:teiHeader//*, $points intersect $tei/tei:teiHeader//*"/>
  </xsl:function>

  <xd:doc><xd:desc>An entry of the textual apparatus: its letter, the passage it stands in, then what the template of its kind says.</xd:desc></xd:doc>
  <xsl:template name="te:textual-entry">
    <xsl:param name="content" as="item()*"/>
    <!-- keyed by letter and by the passage it stands in ("¶ 6", "note 3"), as a reader cites it -->
    <te-note class="textual-note" id="{te:id('fn', .)}"><te-lbl class="note-label"><xsl:value-of select="te:textual-letter(.)"/></te-lbl><xsl:text> </xsl:text><span class="note-place"><xsl:value-of select="replace(te:citable-label(te:citable(.)), ' ', '&#160;')"/></span><xsl:text> </xsl:text><xsl:sequence select="$content"/></te-note>
  </xsl:template>

  <xd:doc><xd:desc>A note inside a note cannot float a second time: it is set in brackets inside its footnote.</xd:desc></xd:doc>
  <xsl:template match="tei:note[ancestor::tei:note]" priority="2">
    <te-note class="inner-note" id="{te:note-id(.)}"> [<xsl:apply-templates/>]</te-note>
  </xsl:template>

  <xd:doc><xd:desc>There is no apparatus at the end of a document: its notes are at the foot of the pages.</xd:desc></xd:doc>
  <xsl:template name="te:apparatus">
    <xsl:param name="notes" as="element(tei:note)*"/>
  </xsl:template>

  <xd:doc><xd:desc>The letter of a textual footnote: its place among the document's interventions, as a, b, … z, aa, ab…</xd:desc></xd:doc>
  <xsl:function name="te:textual-letter" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="te:letters(te:textual-points(te:top($element))(generate-id($element)))"/>
  </xsl:function>

  <xd:doc><xd:desc>The place of each lettered intervention of a document among them, computed once per document.</xd:desc></xd:doc>
  <xsl:function name="te:textual-points" as="map(xs:string, xs:integer)" cache="yes">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="te:ordinals(te:textual-points-in-order($tei))"/>
  </xsl:function>

  <xd:doc><xd:desc>The letters of the textual series: the alphabet without i, l and o, which read as
    figures or as roman numerals ("XXVIIth" followed by l); after z, aa, ab….</xd:desc></xd:doc>
  <xsl:variable name="te:letters" select="string-to-codepoints('abcdefghjkmnpqrstuvwxyz') ! codepoints-to-string(.)"/>
  <xsl:function name="te:letters" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:variable name="base" select="count($te:letters)"/>
    <xsl:sequence select="(if ($n gt $base) then te:letters(($n - 1) idiv $base) else '') || $te:letters[($n - 1) mod $base + 1]"/>
  </xsl:function>

  <xd:doc><xd:desc>True for an element that prints a lettered textual footnote: a paired choice, an addition, an apparatus entry.</xd:desc></xd:doc>
  <xsl:function name="te:is-textual-note-point" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element/self::tei:choice[count(*) = 2][(tei:sic and tei:corr) or (tei:orig and tei:reg) or (tei:abbr and tei:expan)]
                                 | $element/self::tei:add | $element/self::tei:app)"/>
  </xsl:function>

  <xd:doc><xd:desc>An intervention on paper: the reading text and a lettered call to the apparatus.</xd:desc></xd:doc>
  <xsl:template name="te:intervention">
    <xsl:param name="source" as="element()"/>
    <xsl:param name="edited" as="element()"/>
    <span class="reading"><xsl:apply-templates select="$edited/node()"/></span>
    <xsl:call-template name="te:textual-call"/>
  </xsl:template>

  <xd:doc><xd:desc>The lettered call of a textual note, after the reading it is about.</xd:desc></xd:doc>
  <xsl:template name="te:textual-call">
    <xsl:call-template name="te:call">
      <xsl:with-param name="id" select="te:id('fn', .)"/>
      <xsl:with-param name="series" select="'textual'"/>
      <xsl:with-param name="call" select="te:textual-letter(.)"/>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>The apparatus entry of an intervention: "Paris] Pants <i>in the source</i>."</xd:desc></xd:doc>
  <xsl:template match="tei:choice" mode="te:textual-note">
    <xsl:variable name="edited" select="(tei:corr, tei:reg, tei:expan)[1]"/>
    <xsl:call-template name="te:textual-entry">
      <xsl:with-param name="content" as="item()*">
        <xsl:apply-templates select="$edited/node()"/>] <xsl:apply-templates select="(tei:sic, tei:orig, tei:abbr)[1]/node()"/>
        <xsl:text> </xsl:text><i><xsl:value-of select="te:t(if ($edited/self::tei:corr) then 'in the source' else 'in the source; regularised')"/></i>.</xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>An apparatus entry on paper: the lemma in the text with a lettered call; in the
    apparatus, the readings ("sweete] Hg: swete. Ha4: softe.").</xd:desc></xd:doc>
  <xsl:template match="tei:app">
    <xsl:variable name="lemma" select="(tei:lem, .//tei:lem[ancestor::tei:app[1] is current()], .//tei:rdg[ancestor::tei:app[1] is current()])[1]"/>
    <span class="reading"><xsl:apply-templates select="$lemma/node()"/></span>
    <xsl:call-template name="te:textual-call"/>
    <!-- notes on the entry keep their own calls and footnotes -->
    <xsl:apply-templates select="tei:note | tei:noteGrp"/>
  </xsl:template>

  <xsl:template match="tei:app" mode="te:textual-note">
    <xsl:variable name="lemma" select="(tei:lem, .//tei:rdg)[1]"/>
    <xsl:call-template name="te:textual-entry">
      <xsl:with-param name="content" as="item()*">
        <xsl:apply-templates select="$lemma/node()"/>]<xsl:for-each select=".//(tei:lem | tei:rdg | tei:witDetail | tei:wit)[ancestor::tei:app[1] is current()] except $lemma">
          <xsl:text> </xsl:text><i><xsl:value-of select="normalize-space(@wit)"/>:</i><xsl:text> </xsl:text><xsl:apply-templates select="node()"/>.</xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <xd:doc><xd:desc>The book's body as printed (mode te:finish; see also bidi.xsl), each note call told apart from what precedes it:
    a call that follows another call (of any series, also across a name's or a reading's boundary,
    and whatever the space between them) takes a comma ("¹,²", "ᵈ,⁵"), so that two calls never
    read as one; a call after a figure is set off by a hair space (a character of the text, so that a
    copied address or year keeps apart from the note's number), not a word space. The space
    a source has before a call is not printed: a call stands against its word.</xd:desc></xd:doc>
  <xsl:function name="te:finish" as="node()*">
    <xsl:param name="body" as="node()*"/>
    <xsl:apply-templates select="$body" mode="te:finish"/>
  </xsl:function>

  <xsl:mode name="te:finish" on-no-match="shallow-copy"/>

  <xsl:template match="*:a[tokenize(@class) = 'call']" mode="te:finish">
    <xsl:variable name="before" select="preceding::text()[normalize-space()][not(ancestor::*[tokenize(@class) = 'footnote'])][1]"/>
    <xsl:variable name="after" select="if ($before/parent::*:a[tokenize(@class) = 'call']) then 'after-call'
                                       else if (matches($before, '\d$') or (matches(normalize-space($before), '^\p{P}+$') and $before/preceding-sibling::node()[1][self::*:a[starts-with(@href, 'http')]])) then 'after-figure' else ()"/>
    <!-- after a figure, or an address and its full stop, a hair space, which the text layer keeps: copied, "document/134554 3" is not "…/1345543" -->
    <xsl:copy><xsl:copy-of select="@*"/><xsl:attribute name="class" select="string-join((@class, $after), ' ')"/><xsl:if test="$after = 'after-figure'">&#x200A;</xsl:if><xsl:apply-templates mode="te:finish"/></xsl:copy>
  </xsl:template>

  <xd:doc><xd:desc>White space before a call, or between two calls, is not printed.</xd:desc></xd:doc>
  <xsl:template match="text()[following-sibling::node()[1][self::*:a[tokenize(@class) = 'call']]][matches(., '\s$')]" mode="te:finish">
    <xsl:sequence select="te:with-addresses(replace(., '\s+$', ''))"/>
  </xsl:template>
</xsl:stylesheet>
