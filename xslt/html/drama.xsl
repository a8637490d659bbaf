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
    <xd:desc>Performance texts (TEI Guidelines, chapter 7): the cast list, speeches with their
      speakers, stage directions. Verse lines and line groups are core (core.xsl). The print
      edition imports these templates as they are.</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>The cast list: a list of roles, groups nested.</xd:desc></xd:doc>
  <xsl:template match="tei:castList | tei:castGroup">
    <xsl:call-template name="te:block">
      <xsl:with-param name="content" as="item()*">
        <xsl:apply-templates select="tei:head"/>
        <ul class="cast">
          <xsl:apply-templates select="node() except tei:head"/>
        </ul>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>A cast group inside a list is an item holding its own list.</xd:desc></xd:doc>
  <xsl:template match="tei:castGroup[parent::tei:castList or parent::tei:castGroup]" priority="1">
    <li class="tei-castGroup">
      <xsl:apply-templates select="tei:head"/>
      <ul class="cast"><xsl:apply-templates select="node() except tei:head"/></ul>
      <xsl:apply-templates select="tei:roleDesc[preceding-sibling::*]"/>
    </li>
  </xsl:template>

  <xd:doc><xd:desc>One entry of the cast: the role, its description, the actor.</xd:desc></xd:doc>
  <xsl:template match="tei:castItem">
    <xsl:call-template name="te:block"><xsl:with-param name="name" select="'li'"/></xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>The name of a role, its description and who played it: phrases of the cast list.</xd:desc></xd:doc>
  <xsl:template match="tei:role | tei:roleDesc | tei:actor">
    <span class="tei-{local-name()}"><xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if><xsl:apply-templates/></span>
  </xsl:template>

  <xd:doc><xd:desc>A speech: its speaker, then what is said (lines, paragraphs, stage directions).</xd:desc></xd:doc>
  <xsl:template match="tei:sp">
    <xsl:call-template name="te:block"/>
  </xsl:template>

  <xd:doc><xd:desc>Who speaks: a heading line of the speech.</xd:desc></xd:doc>
  <xsl:template match="tei:speaker">
    <xsl:call-template name="te:block"><xsl:with-param name="name" select="if (te:in-phrase(.)) then 'span' else 'p'"/></xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>A stage direction: set apart in italics, inside a line when it stands in one.</xd:desc></xd:doc>
  <xsl:template match="tei:stage | tei:move | tei:set">
    <xsl:call-template name="te:block"><xsl:with-param name="name" select="if (te:in-phrase(.)) then 'span' else 'p'"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
