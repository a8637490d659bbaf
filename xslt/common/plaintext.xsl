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
    <xd:desc>Plain text of a document, one line per paragraph-like block, in two views: the
      reading text (corrections and regularisations applied) and the diplomatic text (the
      source as it stands). The editors' notes are left out; the source's own notes follow
      the text, numbered as in the source.
      Modes: "plain" (reading, shared with page titles and tooltips) and "plain-source".</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>The source's reading of an intervention, for the diplomatic text.</xd:desc></xd:doc>
  <xsl:mode name="plain-source" on-no-match="text-only-copy" on-multiple-match="fail"/>

  <xd:doc><xd:desc>The diplomatic text leaves out the editors' side of a choice and every note.</xd:desc></xd:doc>
  <xsl:template match="tei:note | tei:corr | tei:reg | tei:choice/tei:expan" mode="plain-source"/>

  <xd:doc><xd:desc>Line and page breaks separate words in both views.</xd:desc></xd:doc>
  <xsl:template match="tei:lb | tei:pb" mode="plain plain-source"><xsl:text> </xsl:text></xsl:template>

  <xd:doc><xd:desc>Elements whose text is one line of the plain text: blocks that hold no other block.</xd:desc></xd:doc>
  <xsl:function name="te:lines" as="element()*">
    <xsl:param name="text" as="element()"/>
    <xsl:variable name="blocks" select="$text//(tei:p | tei:ab | tei:head | tei:fw | tei:item | tei:salute | tei:signed
      | tei:dateline | tei:byline | tei:docDate | tei:addrLine | tei:trailer | tei:l | tei:seg[parent::tei:opener]
      | tei:quote[not(te:in-phrase(.))] | tei:bibl[parent::tei:cit])[not(ancestor::tei:note)]"/>
    <xsl:sequence select="$blocks[not(descendant::* intersect $blocks)]"/>
  </xsl:function>

  <xd:doc><xd:desc>A document's plain text in both views, as a map for the build to write.</xd:desc></xd:doc>
  <xsl:template name="te:text">
    <xsl:variable name="tei" select="$corpus/tei:TEI[@xml:id = $page]"/>
    <xsl:variable name="lines" select="te:lines($tei/tei:text)"/>
    <xsl:variable name="notes" select="$tei/tei:text//tei:note[@type = 'authorial']"/>
    <xsl:variable name="endnotes" select="for $i in 1 to count($notes) return '[' || ($notes[$i]/@n, $i)[1] || '] ' || te:plain($notes[$i])"/>
    <xsl:variable name="reading" as="xs:string*">
      <xsl:for-each select="$lines"><xsl:sequence select="te:plain(.)"/></xsl:for-each>
    </xsl:variable>
    <xsl:variable name="source" as="xs:string*">
      <xsl:for-each select="$lines">
        <xsl:variable name="text"><xsl:apply-templates mode="plain-source"/></xsl:variable>
        <xsl:sequence select="normalize-space($text)"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="map{
      'reading': string-join(($reading[.], $endnotes), '&#10;') || '&#10;',
      'diplomatic': string-join(($source[.], $endnotes), '&#10;') || '&#10;'}"/>
  </xsl:template>
</xsl:stylesheet>
