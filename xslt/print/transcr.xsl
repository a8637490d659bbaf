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
    <xd:desc>Primary-source features on paper: the handwritten addition in a distinct face with
      a lettered footnote naming the hand; page breaks of the source as inline markers "|2".</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>An addition: in the hand's face, with a textual footnote saying whose hand it is.</xd:desc></xd:doc>
  <xsl:template match="tei:add">
    <xsl:variable name="hand" select="te:target(@hand, .)"/>
    <span class="tei-add"><xsl:apply-templates/></span>
    <xsl:call-template name="te:footnote">
      <xsl:with-param name="id" select="te:id('fn', .)"/>
      <xsl:with-param name="series" select="'textual'"/>
      <xsl:with-param name="call" select="te:textual-letter(.)"/>
      <xsl:with-param name="content" as="item()*">
        <xsl:apply-templates/>] <i><xsl:value-of select="te:t(if (@place = 'inline') then 'added by hand in the line' else 'added by hand')"/></i>
        <xsl:if test="$hand">: <xsl:value-of select="te:plain($hand)"/></xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>A page break of the source: "|" and the page's number, or its place in the sequence.</xd:desc></xd:doc>
  <xsl:template match="tei:pb">
    <span class="pb" title="page break of the source">|<xsl:value-of select="te:page-number(.)"/></span>
  </xsl:template>
</xsl:stylesheet>
