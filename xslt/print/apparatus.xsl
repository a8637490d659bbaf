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
    <xd:desc>The generated lists of the apparatus (concordance, chronology, interventions) on paper:
      a link to a place in the book becomes a page reference, as every link of the book does;
      a register entry, which the book prints only in its indices, is not linked.</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>A page reference to `$target` when the book prints it, its content alone otherwise.</xd:desc></xd:doc>
  <xsl:template name="te:apparatus-link">
    <xsl:param name="target" as="element()"/>
    <xsl:param name="from" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:choose>
      <xsl:when test="te:in-book($target)"><a class="pageref" href="#{te:book-id($target)}" data-p="{te:t('p.')}"><xsl:sequence select="$content"/></a></xsl:when>
      <xsl:otherwise><xsl:sequence select="$content"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
