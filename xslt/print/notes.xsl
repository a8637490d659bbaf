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
    <xd:desc>Notes on paper: footnotes at the foot of the page where they are called, in three
      visibly different series — the source's own notes in brackets ([1], or *2 where the
      source gives no number), the editors' notes numbered as on the web page (1, 2, 3), and
      the textual notes of the interventions lettered (a, b, c: "Paris] Pants in the source").
      CSS floats each footnote element (float: footnote) and prints its data-call.</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>A note becomes a footnote element at its call, carrying the note's id (its PDF destination).</xd:desc></xd:doc>
  <xsl:template name="te:note-marker">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:param name="number" as="xs:string"/>
    <xsl:call-template name="te:footnote">
      <xsl:with-param name="id" select="string($note/@xml:id)"/>
      <xsl:with-param name="series" select="if (te:is-ours($note)) then 'editors' else 'source'"/>
      <xsl:with-param name="call" select="$number"/>
      <xsl:with-param name="content" as="item()*"><xsl:apply-templates select="$note/node()"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>A footnote: the call, a link to the note whose id marks the call's place (so that the
    note's page and its call's can be compared), and the note, which CSS floats to the foot of the page.</xd:desc></xd:doc>
  <xsl:template name="te:footnote">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="series" as="xs:string"/>
    <xsl:param name="call" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <a class="call call-{$series}" id="call-{$id}" href="#{$id}"><xsl:value-of select="$call"/></a>
    <span class="footnote fn-{$series}" id="{$id}" data-call="{$call}"><xsl:sequence select="$content"/></span>
  </xsl:template>

  <xd:doc><xd:desc>A note inside a note cannot float a second time: it is set in brackets inside its footnote.</xd:desc></xd:doc>
  <xsl:template match="tei:note[ancestor::tei:note]" priority="2">
    <span class="inner-note" id="{@xml:id}"> [<xsl:apply-templates/>]</span>
  </xsl:template>

  <xd:doc><xd:desc>There is no apparatus at the end of a document: its notes are at the foot of the pages.</xd:desc></xd:doc>
  <xsl:template name="te:apparatus">
    <xsl:param name="notes" as="element(tei:note)*"/>
  </xsl:template>

  <xd:doc><xd:desc>The letter of a textual footnote: its place among the document's interventions, as a, b, … z, aa, ab…</xd:desc></xd:doc>
  <xsl:function name="te:textual-letter" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="tei" select="te:document($element)"/>
    <xsl:variable name="n" select="count(($tei//*[te:is-textual-note-point(.)][. &lt;&lt; $element]) except $element/ancestor::*) + 1"/>
    <xsl:number value="$n" format="a"/>
  </xsl:function>

  <xd:doc><xd:desc>True for an element that prints a lettered textual footnote: a paired choice, an addition, an apparatus entry.</xd:desc></xd:doc>
  <xsl:function name="te:is-textual-note-point" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element/self::tei:choice[count(*) = 2][(tei:sic and tei:corr) or (tei:orig and tei:reg) or (tei:abbr and tei:expan)]
                                 | $element/self::tei:add | $element/self::tei:app)"/>
  </xsl:function>

  <xd:doc><xd:desc>An intervention on paper: the reading text, with a lettered footnote giving the source's reading.</xd:desc></xd:doc>
  <xsl:template name="te:intervention">
    <xsl:param name="source" as="element()"/>
    <xsl:param name="edited" as="element()"/>
    <span class="reading"><xsl:apply-templates select="$edited/node()"/></span>
    <xsl:call-template name="te:footnote">
      <xsl:with-param name="id" select="te:id('fn', .)"/>
      <xsl:with-param name="series" select="'textual'"/>
      <xsl:with-param name="call" select="te:textual-letter(.)"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:apply-templates select="$edited/node()"/>] <xsl:apply-templates select="$source/node()"/>
        <xsl:text> </xsl:text><i><xsl:value-of select="if ($edited/self::tei:corr) then 'in the source' else 'in the source; regularised'"/></i>.</xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>An apparatus entry on paper: the lemma in the text, the readings in a lettered footnote
    ("sweete] Hg: swete. Ha4: softe.").</xd:desc></xd:doc>
  <xsl:template match="tei:app">
    <xsl:variable name="lemma" select="(tei:lem, .//tei:lem[ancestor::tei:app[1] is current()], .//tei:rdg[ancestor::tei:app[1] is current()])[1]"/>
    <span class="reading"><xsl:apply-templates select="$lemma/node()"/></span>
    <xsl:call-template name="te:footnote">
      <xsl:with-param name="id" select="te:id('fn', .)"/>
      <xsl:with-param name="series" select="'textual'"/>
      <xsl:with-param name="call" select="te:textual-letter(.)"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:apply-templates select="$lemma/node()"/>]<xsl:for-each select=".//(tei:lem | tei:rdg | tei:witDetail | tei:wit)[ancestor::tei:app[1] is current()] except $lemma">
          <xsl:text> </xsl:text><i><xsl:value-of select="normalize-space(@wit)"/>:</i><xsl:text> </xsl:text><xsl:apply-templates select="node()"/>.</xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
    <!-- notes on the entry keep their own calls and footnotes -->
    <xsl:apply-templates select="tei:note | tei:noteGrp"/>
  </xsl:template>
</xsl:stylesheet>
