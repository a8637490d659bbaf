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
    <!-- an empty anchor marks the call, so that the footnote's page and its call's can be compared -->
    <a class="call" id="call-{$note/@xml:id}"></a>
    <span class="footnote {if (te:is-ours($note)) then 'fn-editors' else 'fn-source'}" id="{$note/@xml:id}" data-call="{$number}">
      <xsl:apply-templates select="$note/node()"/>
    </span>
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
    <xsl:variable name="n" select="count($element/preceding::*[te:is-textual-note-point(.)][te:document(.) is $tei]) + 1"/>
    <xsl:number value="$n" format="a"/>
  </xsl:function>

  <xd:doc><xd:desc>True for an element that prints a lettered textual footnote: a paired choice, an addition.</xd:desc></xd:doc>
  <xsl:function name="te:is-textual-note-point" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element/self::tei:choice[(tei:sic and tei:corr) or (tei:orig and tei:reg) or (tei:abbr and tei:expan)]
                                 | $element/self::tei:add)"/>
  </xsl:function>

  <xd:doc><xd:desc>An intervention on paper: the reading text, with a lettered footnote giving the source's reading.</xd:desc></xd:doc>
  <xsl:template name="te:intervention">
    <xsl:param name="source" as="element()"/>
    <xsl:param name="edited" as="element()"/>
    <span class="reading"><xsl:apply-templates select="$edited/node()"/></span>
    <span class="footnote fn-textual" data-call="{te:textual-letter(.)}">
      <xsl:apply-templates select="$edited/node()"/>] <xsl:apply-templates select="$source/node()"/>
      <xsl:text> </xsl:text><i><xsl:value-of select="if ($edited/self::tei:corr) then 'in the source' else 'in the source; regularised'"/></i>.</span>
  </xsl:template>
</xsl:stylesheet>
