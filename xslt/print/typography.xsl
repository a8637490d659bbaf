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
    <xd:desc>Typographic quotes in the editors' own prose (the front matter, the headers, the
      editors' notes, the registers' identifications): a straight quote or apostrophe is printed
      as the curly one its place calls for. The sources' texts, and what the editors quote from
      them, keep their own marks (the principles' policy for both views).</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>A text of the editors' prose, its straight quotes made typographic; a quote at the
    start of the text node opens or closes according to the character before it.</xd:desc></xd:doc>
  <xsl:template match="text()[contains(., '&quot;') or contains(., &quot;'&quot;)][te:is-editorial(.)]" priority="2">
    <xsl:variable name="before" select="substring(string((preceding::text()[1])), string-length(string((preceding::text()[1]))))"/>
    <xsl:value-of select="substring(te:educate(($before, ' ')[1] || .), 2)"/>
  </xsl:template>

  <xd:doc><xd:desc>True for text the editors wrote: in the edition's front matter, a header, or an
    editors' note, and not inside a quotation.</xd:desc></xd:doc>
  <xsl:function name="te:is-editorial" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="empty($node/ancestor::tei:quote | $node/ancestor::tei:q | $node/ancestor::tei:note[not(te:is-ours(.))])
                          and (exists($node/ancestor::tei:teiHeader | $node/ancestor::tei:note | $node/ancestor::tei:standOff)
                               or te:document($node)/@xml:id = 'edition')"/>
  </xsl:function>

  <xd:doc><xd:desc>A string with its straight quotes typographic: opening after a space, a bracket or a
    dash (or at the start), closing (and the apostrophe) anywhere else.</xd:desc></xd:doc>
  <xsl:function name="te:educate" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="$text
      => replace('(^|[\s(\[{—–/])&quot;', '$1“') => replace('&quot;', '”')
      => replace(&quot;(^|[\s(\[{—–/])'&quot;, '$1‘') => replace(&quot;'&quot;, '’')"/>
  </xsl:function>
</xsl:stylesheet>
