<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xd="http://www.oxygenxml.com/ns/doc/xsl"
  xmlns:te="https://teiedition.org/ns"
  exclude-result-prefixes="#all">

  <xd:doc scope="stylesheet">
    <xd:desc>Web addresses and site names on paper, wherever the book prints them (a link, a source
      note's text, the concordance's cells): they break only where an address may, after a slash or
      before a dot, and, where a part is too long for the line, before one of its hyphens (Chicago
      14.18), so that no line ends in a hyphen a reader would take for hyphenation; no hyphen is
      ever added, nor any break made inside a word. A site's name in prose ("nejatngo.org") is short,
      and is not broken at all.</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>An address printed in the book's text: a web address (te:web-address); or a
    site's name ("nejatngo.org", "imam-khomeini.ir").</xd:desc></xd:doc>
  <xsl:variable name="te:address" as="xs:string"
    select="$te:web-address || '|[\p{L}\d][\p{L}\d\-]*(\.[\p{L}\d\-]+)*\.(org|com|net|ir|ws|ru|uk|de|fr|info|gov|edu)'"/>

  <xd:doc><xd:desc>A word of parts joined by hyphens: a compound ("anti-democratic", "Iran-Iraq") or an
    identifier ("p-message-paris-meeting"); or a compound's hyphen and last part at the head of a
    text, after a name ("Mojahedin-run").</xd:desc></xd:doc>
  <xsl:variable name="te:compound" as="xs:string" select="'[\p{L}\p{N}]+(-[\p{L}\p{N}]+)+|^-[\p{L}\p{N}]+'"/>

  <xd:doc><xd:desc>A text of the book with each address in it set as te:address-parts, each compound
    as one unbroken word (span.compound).</xd:desc></xd:doc>
  <xd:doc><xd:desc>A space no line may break: after an initial before a name ("V. Gudimenko", "M.S.
    Gorbachev"), or after "No." before its number ("No. 222").</xd:desc></xd:doc>
  <xsl:variable name="te:bound-space" as="xs:string" select="'((^|[\s(“‘])(\p{Lu}\.)+|(^|[\s(])No\.) ([\p{Lu}\d])'"/>

  <xsl:template match="text()[matches(., $te:address) or matches(., $te:compound) or matches(., $te:bound-space)][not(ancestor::*:span[tokenize(@class) = 'url-part'])]" mode="te:finish" priority="0.4">
    <xsl:sequence select="te:with-addresses(.)"/>
  </xsl:template>

  <xd:doc><xd:desc>A text with each address in it set as te:address-parts; a site's name, which is
    short, as one part; and each compound as one span.compound, which no line breaks (book.css): a
    line ending in a compound's own hyphen is read by text extraction as hyphenated, and the copied
    word loses its hyphen ("p-messageparis-meeting", "IranIraq"); a space after an initial or "No."
    before what it belongs to is a no-break space (te:bound-space).</xd:desc></xd:doc>
  <xsl:function name="te:with-addresses" as="node()*">
    <xsl:param name="text" as="xs:string"/>
    <xsl:analyze-string select="$text" regex="{$te:address}">
      <xsl:matching-substring>
        <xsl:choose>
          <xsl:when test="matches(., '^https?://')"><xsl:sequence select="te:address-parts(.)"/></xsl:when>
          <xsl:otherwise><span class="url-part"><xsl:value-of select="."/></span></xsl:otherwise>
        </xsl:choose>
      </xsl:matching-substring>
      <xsl:non-matching-substring>
        <xsl:analyze-string select="." regex="{$te:compound}">
          <!-- one longer than a third of the measure may still break at its hyphens: unbroken, it ran off the page -->
          <xsl:matching-substring>
            <xsl:choose>
              <xsl:when test="string-length(.) le 30"><span class="compound"><xsl:value-of select="."/></span></xsl:when>
              <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
            </xsl:choose>
          </xsl:matching-substring>
          <!-- twice: the initials of "M. S. Gorbachev" overlap -->
          <xsl:non-matching-substring><xsl:value-of select="replace(., $te:bound-space, '$1&#160;$5') => replace($te:bound-space, '$1&#160;$5')"/></xsl:non-matching-substring>
        </xsl:analyze-string>
      </xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:function>

  <xd:doc><xd:desc>An address as the parts no line may break (span.url-part), with a break allowed
    between them: after a slash, before a dot, a hyphen or a query's "?", "&amp;" or "#".</xd:desc></xd:doc>
  <xsl:function name="te:address-parts" as="node()*">
    <xsl:param name="address" as="xs:string"/>
    <xsl:variable name="marked" select="replace($address, '([.\-?&amp;#])', '&#xE001;$1') => replace('(/+)', '$1&#xE001;')"/>
    <xsl:for-each select="tokenize($marked, '&#xE001;')[.]">
      <xsl:if test="position() gt 1"><wbr/></xsl:if>
      <span class="url-part"><xsl:value-of select="."/></span>
    </xsl:for-each>
  </xsl:function>
</xsl:stylesheet>
