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
