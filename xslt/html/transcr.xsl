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
    <xd:desc>Representation of primary sources (Guidelines ch. 11): additions in another hand,
      deletions, page breaks, forme work (classification marks, references, stamps), stamps,
      supplied and unclear text. Each carries a label a screen reader reads; CSS shows
      page breaks only in the diplomatic view.</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>An addition in another hand: marked by typeface and colour, with a label naming the hand.</xd:desc></xd:doc>
  <xsl:template match="tei:add">
    <xsl:variable name="hand" select="te:target(@hand, .)"/>
    <span class="tei-add place-{(@place, 'unknown')[1]}" title="{normalize-space((te:t('Added by hand.') || ' ' || te:plain($hand)))}">
      <span class="label"><xsl:value-of select="te:t('handwritten:')"/></span>
      <xsl:text> </xsl:text>
      <span class="added"><xsl:apply-templates/></span>
    </span>
  </xsl:template>

  <xd:doc><xd:desc>A deletion: struck through, labelled.</xd:desc></xd:doc>
  <xsl:template match="tei:del">
    <del class="tei-del"><xsl:apply-templates/></del>
  </xsl:template>

  <xd:doc><xd:desc>A page break of the source: a marker "[2]" (the page's number, or its place in the sequence
    when the number is not known), shown in the diplomatic view.</xd:desc></xd:doc>
  <xsl:template match="tei:pb">
    <span class="tei-pb" role="note"
          title="{if (@n) then replace(te:t('Page {n} of the source begins'), '{n}', @n, 'q') else te:t('Page break in the source (its leaf or page number is not known)')}">
      <!-- a rule, not a bracketed numeral: it must not look like a note call, and a number is
           shown only where the source gives one (the principles infer none) -->
      <span class="pb-sign" aria-hidden="true">|</span>
      <span class="pb-label"><xsl:value-of select="if (@n) then te:t('p.') || ' ' || @n else te:t('page break')"/></span>
    </span>
  </xsl:template>

  <xd:doc><xd:desc>A column break or a milestone of the source: a marker like a page break's.</xd:desc></xd:doc>
  <xsl:template match="tei:cb | tei:milestone">
    <span class="tei-{local-name()}" role="note" title="{if (self::tei:cb) then te:t('Column break in the source') else te:t('Milestone in the source:') || ' ' || (@unit, 'section')[1]}">
      <xsl:text>[</xsl:text><xsl:value-of select="(@n, if (self::tei:cb) then 'col.' else '§')[1]"/><xsl:text>]</xsl:text>
    </span>
  </xsl:template>

  <xd:doc><xd:desc>Abbreviation marks and the letters an expansion supplies: spans (the supplied letters in italics by CSS).</xd:desc></xd:doc>
  <xsl:template match="tei:am | tei:ex">
    <xsl:call-template name="te:inline"/>
  </xsl:template>

  <xd:doc><xd:desc>An anchor: an empty point others refer to.</xd:desc></xd:doc>
  <xsl:template match="tei:anchor">
    <span class="tei-anchor">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
    </span>
  </xsl:template>

  <xd:doc><xd:desc>Forme work (classification marks, references, transmission lines, stamps): a labelled
    block of its own before the text, or a span inside it.</xd:desc></xd:doc>
  <xsl:template match="tei:fw">
    <xsl:call-template name="te:block">
      <xsl:with-param name="name" select="if (te:in-phrase(.)) then 'span' else 'p'"/>
      <xsl:with-param name="content" as="item()*">
        <span class="label"><xsl:value-of select="te:fw-label(@type)"/></span>
        <xsl:text> </xsl:text>
        <xsl:apply-templates/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>A space left in the source: a space, so that the words around it stay apart (on the
    page, in the PDF's text and in search).</xd:desc></xd:doc>
  <xsl:template match="tei:space">
    <span class="tei-space"><xsl:text> </xsl:text><xsl:for-each select="*[normalize-space()]">[<xsl:apply-templates select="if (self::tei:desc) then node() else ."/>] </xsl:for-each></span>
  </xsl:template>

  <xd:doc><xd:desc>What a piece of forme work is, for its label.</xd:desc></xd:doc>
  <xsl:function name="te:fw-label" as="xs:string">
    <xsl:param name="type" as="xs:string?"/>
    <xsl:sequence select="te:t((map{'classification': 'Classification', 'reference': 'Reference', 'transmission': 'Transmission',
      'stamp': 'Stamp', 'translation': 'Translation note of the source', 'header': 'Running head', 'pageNum': 'Page number'}(string($type)), 'Marking')[1])"/>
  </xsl:function>

  <xd:doc><xd:desc>A stamp: a boxed span, labelled unless its forme work says so already.</xd:desc></xd:doc>
  <xsl:template match="tei:stamp">
    <span class="tei-stamp">
      <xsl:if test="not(parent::tei:fw[@type = 'stamp'])"><span class="label"><xsl:value-of select="te:t('Stamp')"/></span><xsl:text> </xsl:text></xsl:if>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xd:doc><xd:desc>Text supplied by the editors (in brackets by CSS) and text hard to read.</xd:desc></xd:doc>
  <xsl:template match="tei:supplied | tei:unclear | tei:damage | tei:surplus">
    <xsl:call-template name="te:inline"/>
  </xsl:template>

  <xd:doc><xd:desc>A change of hand: a marker with the hand's description.</xd:desc></xd:doc>
  <xsl:template match="tei:handShift">
    <span class="tei-handShift" title="{te:plain(te:target(@new, .))}"><xsl:value-of select="te:t('[hand]')"/></span>
  </xsl:template>
</xsl:stylesheet>
