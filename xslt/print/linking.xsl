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
    <xd:desc>Links on paper: a reference to another place in the book becomes a link with a page
      reference ("(p. 12)", set by CSS from the target's page); names, which the indices
      gather, are not links; addresses on the web stay links (and are printed in the text).</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>Content pointing to `$pointer`: a page reference inside the book, a web link outside it.</xd:desc></xd:doc>
  <xsl:template name="te:linked">
    <xsl:param name="pointer" as="attribute()?"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:param name="title" as="xs:string?" select="()"/>
    <xsl:param name="linked" as="item()*" select="$content"/>
    <xsl:param name="class" as="xs:string?" select="()"/>
    <xsl:variable name="p" select="tokenize(normalize-space($pointer))[1]"/>
    <xsl:variable name="target" select="te:target($p, .)"/>
    <xsl:choose>
      <xsl:when test="matches($p, '^https?://') and not(ancestor::*[te:is-link(.)])">
        <a href="{$p}" class="{$class}" title="{$p}">
          <!-- an address printed as itself is broken where an address may be (urls.xsl) -->
          <xsl:sequence select="$linked"/>
        </a>
      </xsl:when>
      <!-- a work: a link to its reference in the bibliography, without a page reference after
           each short citation -->
      <xsl:when test="$target/self::tei:bibl[@xml:id][te:document(.) is $te:works] and not(ancestor::*[te:is-link(.)])">
        <a class="{string-join(('bibref', $class), ' ')}" href="#{$target/@xml:id}"><xsl:sequence select="$linked"/></a>
      </xsl:when>
      <xsl:when test="$target and te:in-book($target) and not(ancestor::*[te:is-link(.)])">
        <a class="{string-join(('pageref', $class), ' ')}" href="#{te:book-id($target)}" data-p="{te:t('p.')}" title="{normalize-space(string-join($linked ! string(.)))}"><xsl:sequence select="$linked"/></a>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="$content"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xd:doc><xd:desc>A name the indices list carries an id of its own, so that its page is the page it
    is printed on, not that of the start of its paragraph. Names are not hyphenated.</xd:desc></xd:doc>
  <xsl:template match="tei:persName[@ref] | tei:orgName[@ref] | tei:placeName[@ref] | tei:name[@ref] | tei:rs[@ref]" priority="1">
    <span class="mention" id="{te:mention-id(.)}"><xsl:next-match/></span>
  </xsl:template>

  <xd:doc><xd:desc>The book's id of a name the indices list.</xd:desc></xd:doc>
  <xsl:function name="te:mention-id" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="'m-' || generate-id($name)"/>
  </xsl:function>

  <xd:doc><xd:desc>True for an element printed in the book (not a register entry, which the indices list by page).</xd:desc></xd:doc>
  <xsl:function name="te:in-book" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="empty($element/ancestor-or-self::tei:standOff) and not(map:contains($te:register-pages, string(te:document($element)/@xml:id)))"/>
  </xsl:function>

  <xd:doc><xd:desc>The id under which an element stands in the book: its own, or that of the nearest ancestor that has one.</xd:desc></xd:doc>
  <xsl:function name="te:book-id" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="string($element/ancestor-or-self::*[@xml:id][1]/@xml:id)"/>
  </xsl:function>
</xsl:stylesheet>
