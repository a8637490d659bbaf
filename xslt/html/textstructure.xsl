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
    <xd:desc>Default text structure (Guidelines ch. 4): text, front, body, back, div, head,
      opener and closer with their salutes, signatures, datelines and bylines, trailers.
      Hook: te:block, which every block element uses, so that each one with an xml:id carries
      that id and a permalink.</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>A block of the text: the HTML element `$name` with the TEI element's id, a class
    naming the TEI element (and its type), its content, and a permalink when it has an id.</xd:desc></xd:doc>
  <xsl:template name="te:block">
    <xsl:param name="name" as="xs:string" select="'div'"/>
    <xsl:param name="class" as="xs:string?" select="()"/>
    <xsl:param name="content" as="item()*">
      <xsl:apply-templates/>
    </xsl:param>
    <xsl:element name="{$name}">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:attribute name="class" select="string-join(('tei-' || local-name(), tokenize(@type) ! ('type-' || .), tokenize(@rend) ! ('rend-' || .), $class), ' ')"/>
      <xsl:sequence select="te:lang-attributes(.)"/>
      <xsl:sequence select="$content"/>
      <!-- notes standing between blocks (an endnote call after a block quotation) belong to the block before them -->
      <xsl:apply-templates select="te:notes-after(.)[te:is-between-blocks(.)]" mode="te:after-block"/>
      <xsl:if test="@xml:id and ancestor::tei:text">
        <!-- a no-break space: the ¶ never wraps alone onto a line of its own (review 18f #9); after a
             block (an address in an opener) a space that collapses, as a no-break space made a line
             of its own, an empty row under the address (review 18i #12) -->
        <xsl:variable name="last" select="$content[not(. instance of text() and not(normalize-space(.)))][last()]"/>
        <xsl:value-of select="if ($last instance of element() and local-name($last) = ('div', 'p', 'ul', 'ol', 'dl', 'table', 'blockquote', 'aside', 'section', 'figure', 'pre')) then ' ' else '&#160;'"/>
        <!-- its name ("Permalink to this passage") the script gives it from the page's one copy -->
        <a class="permalink" href="#{@xml:id}">¶</a>
      </xsl:if>
    </xsl:element>
  </xsl:template>

  <xd:doc><xd:desc>True for a note that stands between blocks, not inside one.</xd:desc></xd:doc>
  <xsl:function name="te:is-between-blocks" as="xs:boolean">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="exists($note/parent::*[self::tei:div or self::tei:body or self::tei:back or self::tei:front])
                          and exists($note/preceding-sibling::*[not(self::tei:note)])"/>
  </xsl:function>

  <xd:doc><xd:desc>A note between blocks is drawn at the end of the block before it (mode te:after-block), not on a line of its own.</xd:desc></xd:doc>
  <xsl:mode name="te:after-block" on-no-match="fail" on-multiple-match="fail"/>
  <xsl:template match="tei:note[te:is-between-blocks(.)]" priority="1"/>
  <xsl:template match="tei:note" mode="te:after-block">
    <xsl:call-template name="te:note-marker">
      <xsl:with-param name="note" select="."/>
      <xsl:with-param name="number" select="te:note-number(.)"/>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>The text and its parts become sections; notes are rendered at their markers.</xd:desc></xd:doc>
  <xsl:template match="tei:text | tei:body">
    <xsl:apply-templates/>
  </xsl:template>

  <xd:doc><xd:desc>A TEI document inside another (TEI P5 lets a TEI hold others, as a corpus does): a
    section with its title and its text, after the text of the document holding it.</xd:desc></xd:doc>
  <xsl:template match="tei:TEI">
    <section class="tei-TEI">
      <h2><xsl:value-of select="te:title(.)"/></h2>
      <xsl:apply-templates select="tei:text, tei:TEI"/>
    </section>
  </xsl:template>

  <xd:doc><xd:desc>Front and back matter of a text: sections of their own.</xd:desc></xd:doc>
  <xsl:template match="tei:front | tei:back">
    <xsl:call-template name="te:block"><xsl:with-param name="name" select="'section'"/></xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>A division: a section; nested divisions stay nested.</xd:desc></xd:doc>
  <xsl:template match="tei:div">
    <xsl:call-template name="te:block"><xsl:with-param name="name" select="'section'"/></xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>A heading: h2 for a division of the text, one level deeper for each nesting.</xd:desc></xd:doc>
  <xsl:template match="tei:head">
    <xsl:param name="heading-offset" as="xs:integer" tunnel="yes" select="0"/>
    <xsl:variable name="level" select="min((6, 1 + count(ancestor::tei:div) + $heading-offset))"/>
    <xsl:call-template name="te:block">
      <xsl:with-param name="name" select="if (parent::tei:div or parent::tei:body or parent::tei:front or parent::tei:back) then 'h' || max((2, $level)) else 'p'"/>
      <xsl:with-param name="class" select="'head'"/>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>Openers and closers: blocks holding salutations, addresses and signatures.</xd:desc></xd:doc>
  <xsl:template match="tei:opener | tei:closer | tei:postscript | tei:trailer | tei:argument | tei:epigraph">
    <xsl:call-template name="te:block"/>
  </xsl:template>

  <xd:doc><xd:desc>Parts of openers and closers: a line each (a span in a paragraph, a paragraph in a division).</xd:desc></xd:doc>
  <xsl:template match="tei:salute | tei:dateline | tei:byline | tei:docDate | tei:docAuthor | tei:addrLine">
    <xsl:call-template name="te:block">
      <xsl:with-param name="name" select="if (te:in-phrase(.)) then 'span' else 'p'"/>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>An address: a block of lines (a span in running text).</xd:desc></xd:doc>
  <xsl:template match="tei:address">
    <xsl:call-template name="te:block">
      <xsl:with-param name="name" select="if (te:in-phrase(.)) then 'span' else 'div'"/>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>A signature: a labelled block (the label read by screen readers and shown on hover).</xd:desc></xd:doc>
  <xsl:template match="tei:signed">
    <xsl:call-template name="te:block">
      <xsl:with-param name="name" select="if (te:in-phrase(.)) then 'span' else 'p'"/>
      <xsl:with-param name="content" as="item()*">
        <span class="label"><xsl:value-of select="te:t('Signature')"/></span>
        <xsl:apply-templates/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
