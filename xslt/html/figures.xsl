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
    <xd:desc>Tables, formulae, figures and graphics (TEI Guidelines, chapter 14). Images are not
      copied into the site: a graphic is shown as a labelled reference, a link when its
      address is a web address, so the page never loads anything from another host.</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>A table: an HTML table, its head as the caption; a row of labels (role="label") as header cells.</xd:desc></xd:doc>
  <xsl:template match="tei:table">
    <xsl:call-template name="te:block">
      <xsl:with-param name="content" as="item()*">
        <table>
          <xsl:for-each select="tei:head"><caption><xsl:apply-templates/></caption></xsl:for-each>
          <tbody><xsl:apply-templates select="node() except tei:head"/></tbody>
        </table>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>A row of a table.</xd:desc></xd:doc>
  <xsl:template match="tei:row">
    <tr class="tei-row"><xsl:apply-templates/></tr>
  </xsl:template>

  <xd:doc><xd:desc>A cell: a header cell when it or its row is a label; spans kept.</xd:desc></xd:doc>
  <xsl:template match="tei:cell">
    <xsl:element name="{if ((@role, ../@role) = 'label') then 'th' else 'td'}">
      <xsl:if test="@cols"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
      <xsl:if test="@rows"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xd:doc><xd:desc>A figure: its heading, its graphic and its description, set apart.</xd:desc></xd:doc>
  <xsl:template match="tei:figure">
    <xsl:call-template name="te:block">
      <xsl:with-param name="name" select="if (te:in-phrase(.)) then 'span' else 'figure'"/>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>The description of a figure (what it shows, for those who cannot see it).</xd:desc></xd:doc>
  <xsl:template match="tei:figDesc">
    <xsl:call-template name="te:inline"/>
  </xsl:template>

  <xd:doc><xd:desc>A graphic: "[image: file]", a link for a web address; an address that could run code is dropped with a warning.</xd:desc></xd:doc>
  <xsl:template match="tei:graphic">
    <span class="tei-graphic">
      <xsl:value-of select="'[' || te:t('image:') || ' '"/>
      <xsl:choose>
        <xsl:when test="te:is-unsafe(@url)">
          <xsl:call-template name="te:unsafe-warning"><xsl:with-param name="pointer" select="@url"/></xsl:call-template>
          <xsl:value-of select="te:t('address removed')"/>
        </xsl:when>
        <xsl:when test="matches(@url, '^https?://')"><a href="{@url}"><xsl:value-of select="@url"/></a></xsl:when>
        <xsl:otherwise><xsl:value-of select="tokenize(@url, '/')[last()]"/></xsl:otherwise>
      </xsl:choose>
      <!-- what the image shows, when the encoder says -->
      <xsl:for-each select="tei:desc">: <xsl:apply-templates/></xsl:for-each>
      <xsl:text>]</xsl:text>
    </span>
  </xsl:template>

  <xd:doc><xd:desc>A formula: its notation shown as written, in a block of its own outside running text.</xd:desc></xd:doc>
  <xsl:template match="tei:formula">
    <xsl:call-template name="te:inline">
      <xsl:with-param name="name" select="if (te:in-phrase(.)) then 'code' else 'pre'"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
