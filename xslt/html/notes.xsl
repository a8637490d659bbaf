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
    <xd:desc>Notes (TEI Guidelines 3.9): a numbered marker where the note stands, and the
      apparatus at the end of the page, grouped by kind. The sources' own notes keep their
      numbers (@n) in a series of their own; the editors' notes (translation, editorial,
      textual) are numbered in one series in reading order, header first.
      Hooks for other formats: te:note-marker and te:apparatus.</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>Kinds of note, in the order the apparatus lists them, with their headings.</xd:desc></xd:doc>
  <xsl:variable name="te:note-kinds" as="map(xs:string, xs:string)" select="map{
    'authorial': 'Notes of the source', 'translation': 'Translation notes',
    'editorial': 'Editorial notes', 'textual': 'Textual notes'}"/>
  <xsl:variable name="te:note-order" as="xs:string+" select="('authorial', 'translation', 'editorial', 'textual')"/>

  <xd:doc><xd:desc>True for a note of the editors (as opposed to the source's own). Editors' notes of
    other types than the three (e.g. "chrome", on the web page's furniture) join the editorial ones.</xd:desc></xd:doc>
  <xsl:function name="te:is-ours" as="xs:boolean">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="not($note/@type = 'authorial')"/>
  </xsl:function>

  <xd:doc><xd:desc>The notes shown on the page of a document: those of the text, then those of the
    parts of the header its description shows, in reading order; then notes on notes.</xd:desc></xd:doc>
  <xsl:function name="te:page-notes" as="element(tei:note)*">
    <xsl:param name="root" as="element()"/>
    <!-- notes inside notes (the editors' note on a source's endnote) are read in the apparatus, after the text;
         the notes of the document's description come after the text's, since the book prints the
         description after the text, so that a document's first note is note 1 -->
    <xsl:variable name="parts" select="($root/tei:text, $root//tei:TEI/tei:text, $root[not(self::tei:TEI)], te:panel-parts($root))"/>
    <xsl:sequence select="(for $part in $parts return $part//tei:note[not(ancestor::tei:note)]),
                          (for $part in $parts return $part//tei:note[ancestor::tei:note])"/>
  </xsl:function>

  <xd:doc><xd:desc>The page whose apparatus lists a note: its document, or, in the front matter, the
    division of edition.xml that is its page (as te:page-of has it).</xd:desc></xd:doc>
  <xsl:function name="te:note-page" as="element()">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:variable name="tei" select="te:document($note)"/>
    <xsl:sequence select="($note/ancestor::tei:div[parent::tei:body][$tei/@xml:id = 'edition'][last()], $tei, $note/ancestor::*[last()])[1]"/>
  </xsl:function>

  <xd:doc><xd:desc>The numbers of all the notes of a page (the model of its notes), by generate-id: the
    source's own @n, or a note's place in its series (the editors', the source's), in the order of
    te:page-notes. Computed once per page (cache): numbering each note by counting the notes
    before it made a document of 10,000 notes take minutes.</xd:desc></xd:doc>
  <xsl:function name="te:note-numbers" as="map(xs:string, xs:string)" cache="yes">
    <xsl:param name="page" as="element()"/>
    <xsl:variable name="notes" select="te:page-notes($page)"/>
    <xsl:variable name="ours" select="$notes[te:is-ours(.)]"/>
    <xsl:variable name="source" select="$notes[not(te:is-ours(.))]"/>
    <!-- a note the source does not number gets its place in the series, starred: "*2" claims no number of the source's -->
    <xsl:sequence select="map:merge((
      for-each-pair($ours, 1 to count($ours), function($note, $i) { map{generate-id($note): string($i)} }),
      for-each-pair($source, 1 to count($source), function($note, $i) {
        map{generate-id($note): if ($note/@n) then string($note/@n) else '*' || $i} })
      ), map{'duplicates': 'use-first'})"/>
  </xsl:function>

  <xd:doc><xd:desc>The number of a note on its page: the source's own @n, or its place in the editors' series
    (0 for a note no page lists).</xd:desc></xd:doc>
  <xsl:function name="te:note-number" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="(te:note-numbers(te:note-page($note))(generate-id($note)),
      if (te:is-ours($note)) then '0' else if ($note/@n) then string($note/@n) else '*0')[1]"/>
  </xsl:function>

  <xd:doc><xd:desc>The notes right after an element (only notes between them): a chain of next
    siblings, not a scan of all following siblings for each element.</xd:desc></xd:doc>
  <xsl:function name="te:notes-after" as="element(tei:note)*">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="$element/following-sibling::*[1][self::tei:note] ! (., te:notes-after(.))"/>
  </xsl:function>

  <xd:doc><xd:desc>A note where it stands: a numbered link to the note in the apparatus.</xd:desc></xd:doc>
  <xsl:template match="tei:note">
    <xsl:call-template name="te:note-marker">
      <xsl:with-param name="note" select="."/>
      <xsl:with-param name="number" select="te:note-number(.)"/>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>The marker of a note: a superscript link, marked by the note's kind.</xd:desc></xd:doc>
  <xsl:template name="te:note-marker">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:param name="number" as="xs:string"/>
    <a class="note-ref note-{$note/@type}" href="#{te:note-id($note)}" id="{te:id('ref', $note)}"
       aria-label="{te:kind-label($note) || ' ' || $number}"><sup><xsl:value-of select="$number"/></sup></a>
  </xsl:template>

  <xd:doc><xd:desc>What a reader of a screen reader hears before the number of a note.</xd:desc></xd:doc>
  <xsl:function name="te:kind-label" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="te:t(if (te:is-ours($note)) then 'Editors’ note' else 'Note of the source')"/>
  </xsl:function>

  <xd:doc><xd:desc>The apparatus: the notes of the page grouped by kind, each with a link back to its marker.</xd:desc></xd:doc>
  <xsl:template name="te:apparatus">
    <xsl:param name="notes" as="element(tei:note)*"/>
    <xsl:variable name="kind" select="function($note) { if ($note/@type = $te:note-order) then string($note/@type) else 'editorial' }"/>
    <xsl:if test="exists($notes)">
      <section class="apparatus" aria-labelledby="apparatus-heading">
        <h2 id="apparatus-heading"><xsl:value-of select="te:t('Notes')"/></h2>
        <xsl:for-each select="$te:note-order[. = $notes ! $kind(.)]">
          <xsl:variable name="this" select="."/>
          <section class="notes notes-{$this}" aria-labelledby="notes-{$this}">
            <h3 id="notes-{$this}"><xsl:value-of select="te:t($te:note-kinds($this))"/></h3>
            <ol class="note-list">
              <xsl:apply-templates select="$notes[$kind(.) = $this]" mode="apparatus"/>
            </ol>
          </section>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <xd:doc><xd:desc>One note in the apparatus: number, text, who wrote it, a link back. Its permalink
    (#) is the site's script's, which makes it from the id with its menu (written for every note,
    the links made a long document's page a twentieth heavier).</xd:desc></xd:doc>
  <xsl:template match="tei:note" mode="apparatus">
    <li id="{te:note-id(.)}">
      <span class="note-number"><xsl:value-of select="te:note-number(.)"/></span>
      <!-- dir="auto": a note in a right-to-left language reads right to left in a left-to-right page;
           written only where it has such letters: on every note it made the letter's page heavier by
           a kilobyte of attributes that change nothing -->
      <div>
        <xsl:if test="te:has-rtl(string(.))"><xsl:attribute name="dir" select="'auto'"/></xsl:if>
        <!-- its way back to its call (↑) the script adds, as its permalink: written at each of the
             letter's 62 notes they were 4 KB of its page, which the budget of a first load could not hold -->
        <xsl:apply-templates/>
      </div>
    </li>
  </xsl:template>

  <xd:doc><xd:desc>A note's HTML id: its xml:id, else one made from its place (an empty id="" is not HTML).</xd:desc></xd:doc>
  <xsl:function name="te:note-id" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="string(($note/@xml:id, te:id('note', $note))[1])"/>
  </xsl:function>
</xsl:stylesheet>
