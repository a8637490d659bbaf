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
    <xd:desc>Driver of the print edition: the HTML stylesheets, with only what paper does
      differently overridden. Notes become footnotes (notes.xsl), interventions and additions
      print the reading text with a lettered textual footnote, links inside the book become
      page references (linking.xsl), and book.xsl assembles the book: title pages, contents,
      front matter, the documents with their headnotes, and the data of the indices, which
      the build sets with page numbers once the pages are known.
      Entry point, called by name from Python: te:book.</xd:desc>
  </xd:doc>

  <xsl:import href="../html/edition.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="transcr.xsl"/>
  <xsl:include href="linking.xsl"/>
  <xsl:include href="apparatus.xsl"/>
  <xsl:include href="book.xsl"/>
  <xsl:include href="typography.xsl"/>
  <xsl:include href="bidi.xsl"/>
  <xsl:include href="urls.xsl"/>

  <xd:doc><xd:desc>A table in the book: its head a paragraph kept with it, not a caption. WeasyPrint's
    tagging of a page that ends after a table's caption, the table on the next, fails ("Table
    wrapper without a table"), and the whole book with it.</xd:desc></xd:doc>
  <xsl:template match="tei:table[tei:head]" priority="1">
    <xsl:call-template name="te:block">
      <xsl:with-param name="content" as="item()*">
        <xsl:for-each select="tei:head"><p class="table-head"><xsl:apply-templates/></p></xsl:for-each>
        <table><tbody><xsl:apply-templates select="node() except tei:head"/></tbody></table>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>How many columns of cells a table may have before the book sets it smaller.</xd:desc></xd:doc>
  <xsl:variable name="te:print-columns" as="xs:integer" select="10"/>

  <xd:doc><xd:desc>A table with more columns than a page holds at the book's size (wrapping its words
    was not enough: forty columns lost eight at the page's edge): set smaller in proportion, down to
    4 pt, with narrow cells, and said (table-shrunk).</xd:desc></xd:doc>
  <xsl:template match="tei:table[max((0, tei:row ! sum(tei:cell ! xs:integer((@cols[. castable as xs:integer], 1)[1])))) gt $te:print-columns]" priority="2">
    <xsl:variable name="columns" select="max(tei:row ! sum(tei:cell ! xs:integer((@cols[. castable as xs:integer], 1)[1])))"/>
    <xsl:variable name="size" select="format-number(max((4, 8.5 * $te:print-columns div $columns)), '0.#')"/>
    <xsl:message>table-shrunk: a table of <xsl:value-of select="$columns"/> columns is printed in <xsl:value-of select="$size"/> pt type to fit the page — split it, or give it fewer columns <xsl:value-of select="te:message-place(.)"/></xsl:message>
    <div class="table-shrunk" style="font-size: {$size}pt"><xsl:next-match/></div>
  </xsl:template>

  <xd:doc><xd:desc>How deep the book's HTML may nest. WeasyPrint lays boxes out recursively and fails
    (RecursionError) on valid TEI nested a few hundred levels deep; below this depth an element
    gives its content only, so its text is printed without its formatting.</xd:desc></xd:doc>
  <xsl:variable name="te:print-depth" as="xs:integer" select="48"/>

  <xd:doc><xd:desc>An element nested deeper than the book can lay out: its content, unwrapped.</xd:desc></xd:doc>
  <xsl:template match="tei:text//tei:*[count(ancestor::*) gt $te:print-depth]" priority="100">
    <xsl:apply-templates/>
    <!-- a block (a paragraph, a division) stays apart from the next -->
    <xsl:if test="not(te:in-phrase(.))"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
</xsl:stylesheet>
