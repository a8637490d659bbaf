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
    <xd:desc>Primary-source features on paper: the handwritten addition between insertion marks
      with a lettered textual note naming the hand; page breaks of the source as inline markers,
      "|" with the source's own page number where it gives one (no number is inferred).</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>An addition: in the text between insertion marks (‹100 million›), with a lettered
    call to the apparatus, which names the hand.</xd:desc></xd:doc>
  <xsl:template match="tei:add">
    <span class="tei-add">‹<xsl:apply-templates/>›</span>
    <xsl:call-template name="te:textual-call"/>
  </xsl:template>

  <xsl:template match="tei:add" mode="te:textual-note">
    <xsl:variable name="hand" select="te:target(@hand, .)"/>
    <xsl:call-template name="te:textual-entry">
      <xsl:with-param name="content" as="item()*">
        <xsl:apply-templates/>] <i><xsl:value-of select="te:t(if (@place = 'inline') then 'added by hand in the line' else 'added by hand')"/></i>
        <xsl:if test="$hand">: <xsl:value-of select="te:plain($hand)"/></xsl:if>
        <xsl:if test="not(ends-with(normalize-space(te:plain($hand)), '.'))">.</xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>A page break of the source: "|", and the page's number where the source gives one.</xd:desc></xd:doc>
  <xsl:template match="tei:pb">
    <span class="pb" title="{te:t('page break of the source')}">|<xsl:value-of select="@n"/></span>
  </xsl:template>
</xsl:stylesheet>
