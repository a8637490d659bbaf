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
      them, keep their own marks (the principles' policy for both views). A transliteration's
      apostrophe (the soft sign of ru-Latn, the hamza or ain of fa-Latn: "opis'", "Ul'ianovskii",
      "ettela'at") is a letter, not a quote: it stays straight, as the sources and the identifiers
      print it, so that a name or a reference is spelt one way in the whole book.</xd:desc>
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
    <xsl:sequence select="empty($node/ancestor::tei:quote | $node/ancestor::tei:q | $node/ancestor::tei:note[not(te:is-ours(.))]
                                | $node/ancestor::tei:idno | $node/ancestor::tei:msIdentifier)
                          and not($node/ancestor::*[@xml:lang][1]/@xml:lang = $te:transliterations)
                          and (exists($node/ancestor::tei:teiHeader | $node/ancestor::tei:note | $node/ancestor::tei:standOff)
                               or te:document($node)/@xml:id = 'edition')"/>
  </xsl:function>

  <xd:doc><xd:desc>A string with its straight quotes typographic: opening after a space, a bracket or a
    dash (or at the start), closing (and the apostrophe) anywhere else.</xd:desc></xd:doc>
  <xsl:function name="te:educate" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="te:keep-transliterations($text)
      => replace('(^|[\s(\[{—–/])&quot;', '$1“') => replace('&quot;', '”')
      => replace(&quot;(^|[\s(\[{—–/])'&quot;, '$1‘') => replace(&quot;'&quot;, '’')
      => translate('&#xE000;', &quot;'&quot;)"/>
  </xsl:function>

  <xd:doc><xd:desc>The languages whose Latin transliteration writes a letter with the apostrophe.</xd:desc></xd:doc>
  <xsl:variable name="te:transliterations" as="xs:string+" select="('ru-Latn', 'fa-Latn')"/>

  <xd:doc><xd:desc>The words the edition writes with a transliteration's apostrophe at their end, as
    its identifiers and transliterated words print them ("opis'" of "fond 89, opis' 15"): the same
    word in the editors' prose keeps it straight, where a rule of letters could not tell it from a
    plural's possessive ("the editors'").</xd:desc></xd:doc>
  <xsl:variable name="te:transliterated-words" as="xs:string*" select="distinct-values(
    $corpus//(tei:collection | tei:idno | *[@xml:lang = $te:transliterations])
      ! tokenize(normalize-space(.), '[\s,;:()\[\]]+')[matches(., &quot;^\p{L}+'$&quot;)])"/>

  <xd:doc><xd:desc>A text with each transliteration's apostrophe held (as U+E000) out of the quotes'
    rule: one between letters, unless it begins an English ending ("Olfat's", "don't") or follows a
    single letter ("O'Cleirigh", "l'Humanité"), and one
    ending a word of te:transliterated-words.</xd:desc></xd:doc>
  <xsl:function name="te:keep-transliterations" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:variable name="inside" select="replace($text, &quot;(\p{L}\p{L})'(\p{L})&quot;, '$1&#xE000;$2')
      => replace('&#xE000;(s|t|d|m|ll|re|ve)(\P{L}|$)', &quot;'$1$2&quot;)"/>
    <xsl:sequence select="fold-left($te:transliterated-words, $inside, function($t, $w) {
      replace($t, '(^|\P{L})' || substring($w, 1, string-length($w) - 1) || &quot;'&quot;, '$1' || substring($w, 1, string-length($w) - 1) || '&#xE000;') })"/>
  </xsl:function>
</xsl:stylesheet>
