<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xd="http://www.oxygenxml.com/ns/doc/xsl"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://teiedition.org/ns"
  exclude-result-prefixes="#all">

  <xd:doc scope="stylesheet">
    <xd:desc>Plain text of a document, one line per paragraph-like block, in two views: the
      reading text (corrections and regularisations applied) and the diplomatic text (the
      source as it stands). The editors' notes are left out; the source's own notes follow
      the text, numbered as in the source.
      Modes: "plain" (reading, shared with page titles and tooltips) and "plain-source".</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>The reading text and the source's text of a document, for its plain-text downloads.</xd:desc></xd:doc>
  <xsl:mode name="text-reading" on-no-match="text-only-copy" on-multiple-match="fail"/>
  <xsl:mode name="text-source" on-no-match="text-only-copy" on-multiple-match="fail"/>

  <xd:doc><xd:desc>Each text leaves out the other side of a choice, and the editors' notes.</xd:desc></xd:doc>
  <xsl:template match="tei:sic | tei:orig | tei:choice/tei:abbr" mode="text-reading"/>
  <xsl:template match="tei:corr | tei:reg | tei:choice/tei:expan" mode="text-source"/>
  <xsl:template match="tei:note" mode="text-reading text-source"/>

  <xd:doc><xd:desc>The source's own notes: an endnote leaves its call "[1]" (the note follows the text);
    any other stands where it is called, in brackets with its number, as the source prints it.</xd:desc></xd:doc>
  <xsl:template match="tei:note[not(te:is-ours(.))]" mode="text-reading text-source" priority="1">
    <xsl:variable name="number" select="te:source-note-number(.)"/>
    <xsl:choose>
      <xsl:when test="@place = 'end'"> [<xsl:value-of select="$number"/>]</xsl:when>
      <xsl:otherwise> [<xsl:value-of select="$number"/>: <xsl:apply-templates mode="#current"/>]</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xd:doc><xd:desc>Line and page breaks separate words.</xd:desc></xd:doc>
  <xsl:template match="tei:lb | tei:pb" mode="plain text-reading text-source"><xsl:text> </xsl:text></xsl:template>

  <xd:doc><xd:desc>The number of a source's note: its own, or "*" and its place among the document's unnumbered ones.</xd:desc></xd:doc>
  <xsl:function name="te:source-note-number" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="te:note-number($note)"/>
  </xsl:function>

  <xd:doc><xd:desc>Elements whose text is one line of the plain text: blocks that hold no other block.</xd:desc></xd:doc>
  <xsl:function name="te:lines" as="element()*">
    <xsl:param name="text" as="element()?"/>
    <xsl:variable name="blocks" select="$text//(tei:p | tei:ab | tei:head | tei:fw | tei:item | tei:salute | tei:signed
      | tei:dateline | tei:byline | tei:docDate | tei:addrLine | tei:trailer | tei:l | tei:seg[parent::tei:opener]
      | tei:quote[not(te:in-phrase(.))] | tei:bibl[parent::tei:cit])[not(ancestor::tei:note)]"/>
    <!-- membership by a map, not "descendant::* intersect $blocks": that compares with every block, for each block -->
    <xsl:variable name="members" select="map:merge($blocks ! map{generate-id(.): true()})"/>
    <xsl:sequence select="$blocks[not(descendant::*[map:contains($members, generate-id(.))])]"/>
  </xsl:function>

  <xd:doc><xd:desc>Documents' plain text in both views, as maps for the build to write (an array, one
    for each id of $page): one line per block (a list item with its label), then the source's endnotes.</xd:desc></xd:doc>
  <xsl:template name="te:text">
    <xsl:sequence select="array{ for $id in tokenize($page) return te:plain-text($te:files($id)) }"/>
  </xsl:template>

  <xsl:function name="te:plain-text" as="map(*)">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="lines" select="te:lines($tei/tei:text)"/>
    <xsl:variable name="endnotes" select="$tei/tei:text//tei:note[not(te:is-ours(.))][@place = 'end']"/>
    <xsl:sequence select="map{
      'reading': te:text-lines($lines, $endnotes, 'reading'),
      'diplomatic': te:text-lines($lines, $endnotes, 'source')}"/>
  </xsl:function>

  <xd:doc><xd:desc>The text of nodes in one view: 'reading' (the editors' readings) or 'source'.</xd:desc></xd:doc>
  <xsl:function name="te:in-view" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:variable name="text">
      <xsl:choose>
        <xsl:when test="$view = 'reading'"><xsl:apply-templates select="$nodes" mode="text-reading"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="$nodes" mode="text-source"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:sequence select="string($text)"/>
  </xsl:function>

  <xd:doc><xd:desc>The lines of a text in one view ('reading' or 'source'), endnotes last.</xd:desc></xd:doc>
  <xsl:function name="te:text-lines" as="xs:string">
    <xsl:param name="lines" as="element()*"/>
    <xsl:param name="endnotes" as="element(tei:note)*"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:variable name="text" as="xs:string*">
      <xsl:for-each select="$lines">
        <xsl:variable name="label" select="preceding-sibling::*[1][self::tei:label][current()/self::tei:item]"/>
        <!-- a note standing between blocks (an endnote call after a quotation) ends the block before it -->
        <xsl:variable name="after" select="te:notes-after(.)[te:is-between-blocks(.)]"/>
        <xsl:sequence select="normalize-space(string-join(($label ! te:in-view(node(), $view), te:in-view(node(), $view) || te:in-view($after, $view)), ' '))"/>
      </xsl:for-each>
      <xsl:for-each select="$endnotes">
        <xsl:sequence select="'[' || te:source-note-number(.) || '] ' || normalize-space(te:in-view(node(), $view))"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="string-join($text[.], '&#10;') || '&#10;'"/>
  </xsl:function>
</xsl:stylesheet>
