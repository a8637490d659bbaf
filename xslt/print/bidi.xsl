<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xd="http://www.oxygenxml.com/ns/doc/xsl"
  xmlns:te="https://teiedition.org/ns"
  exclude-result-prefixes="#all">

  <xd:doc scope="stylesheet">
    <xd:desc>A left-to-right phrase inside a right-to-left paragraph, on paper. WeasyPrint orders the
      inline boxes of a right-to-left line from right to left, each on its own: "In English:
      <i>with hardship comes ease</i>, 1891." in a Persian paragraph printed as ".1891 ,with
      hardship comes ease :In English". A passage marked left-to-right (dir="ltr", a foreign
      phrase) is therefore isolated together with the left-to-right words around it, from the
      last right-to-left letter before it to the last letter or figure after it, in one span of
      its own direction (unicode-bidi: isolate in book.css), as a browser orders it.
      A pass of mode te:finish over the book's body.</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>The class of all characters but the right-to-left letters (te:rtl-range), and of
    the other letters and figures.</xd:desc></xd:doc>
  <xsl:variable name="te:not-rtl" as="xs:string" select="'[^' || $te:rtl-range || ']'"/>
  <xsl:variable name="te:ltr-letters" as="xs:string" select="'[\p{L}\p{N}-[' || $te:rtl-range || ']]'"/>

  <xd:doc><xd:desc>True for a left-to-right passage whose paragraph is right-to-left.</xd:desc></xd:doc>
  <xsl:function name="te:is-ltr-in-rtl" as="xs:boolean">
    <xsl:param name="node" as="node()?"/>
    <xsl:sequence select="exists($node/self::*[@dir = 'ltr'][parent::*/ancestor-or-self::*[@dir][1]/@dir = 'rtl'])"/>
  </xsl:function>

  <xd:doc><xd:desc>The left-to-right words at the head of a text after an isolated passage: up to its last
    letter or figure before a right-to-left letter (", 1891" of ", 1891.").</xd:desc></xd:doc>
  <xsl:function name="te:ltr-lead" as="xs:string">
    <xsl:param name="text" as="text()"/>
    <xsl:sequence select="if (te:is-ltr-in-rtl($text/preceding-sibling::node()[1])) then (replace($text, '^(' || $te:not-rtl || '*' || $te:ltr-letters || ').*$', '$1', 's')[. ne $text or matches($text, $te:ltr-letters || '$')], '')[1] else ''"/>
  </xsl:function>

  <xd:doc><xd:desc>The left-to-right words at the end of a text before an isolated passage: after its last
    right-to-left letter and the marks that follow that letter ("In English: ").</xd:desc></xd:doc>
  <xsl:function name="te:ltr-tail" as="xs:string">
    <xsl:param name="text" as="text()"/>
    <xsl:variable name="rest" select="substring($text, string-length(te:ltr-lead($text)) + 1)"/>
    <xsl:sequence select="if (not(te:is-ltr-in-rtl($text/following-sibling::node()[1]))) then ''
                          else if (matches($rest, $te:rtl-letters)) then replace($rest, '^.*' || $te:rtl-letters || '[^\p{L}\p{N}]*', '', 's')
                          else $rest"/>
  </xsl:function>

  <xsl:template match="*[te:is-ltr-in-rtl(.)]" mode="te:finish">
    <xsl:variable name="before" select="preceding-sibling::node()[1][self::text()]"/>
    <xsl:variable name="after" select="following-sibling::node()[1][self::text()]"/>
    <span class="bidi-isolate" dir="ltr"><xsl:value-of select="$before ! te:ltr-tail(.)"/><xsl:next-match/><xsl:value-of select="$after ! te:ltr-lead(.)"/></span>
  </xsl:template>

  <xsl:template match="text()[te:is-ltr-in-rtl(preceding-sibling::node()[1]) or te:is-ltr-in-rtl(following-sibling::node()[1])]" mode="te:finish" priority="3">
    <xsl:variable name="lead" select="te:ltr-lead(.)"/>
    <xsl:variable name="tail" select="te:ltr-tail(.)"/>
    <xsl:value-of select="substring(., string-length($lead) + 1, string-length(.) - string-length($lead) - string-length($tail))"/>
  </xsl:template>
</xsl:stylesheet>
