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
    <xd:desc>Any TEI element the other modules do not know: rendered generically (a span, or a
      div where it holds blocks), with its text, so that no text is ever lost; each element
      name is reported once per page (rule xslt-unhandled-element), which the build turns
      into a warning.</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>An unknown TEI element: a generic element with its content, and a message the
    first time its name occurs on the page.</xd:desc></xd:doc>
  <xsl:template match="tei:*" priority="-10">
    <xsl:variable name="name" select="local-name()"/>
    <xsl:if test="not(te:document(.)//tei:*[local-name() = $name][. &lt;&lt; current()])
                  and not(ancestor::tei:*[local-name() = $name])">
      <xsl:message>xslt-unhandled-element: &lt;<xsl:value-of select="$name"/>&gt; has no rendering of its own; shown as plain text <xsl:value-of select="te:message-place(.)"/></xsl:message>
    </xsl:if>
    <xsl:element name="{if (te:in-phrase(.) or not(*)) then 'span' else 'div'}">
      <xsl:attribute name="class" select="'tei-' || $name || ' tei-generic'"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xd:doc><xd:desc>What a selective rendering of `$within` (a manuscript description, a register entry)
    leaves out: the largest parts of it, elements or text, that hold text and none of the `$shown`
    elements. Its caller renders them after what it chose to show, so that no text is lost.</xd:desc></xd:doc>
  <xsl:function name="te:left-out" as="node()*">
    <xsl:param name="within" as="element()"/>
    <xsl:param name="shown" as="element()*"/>
    <xsl:for-each select="$within/(* | text()[normalize-space()]) except $shown">
      <xsl:sequence select="if (self::* and exists(descendant::* intersect $shown)) then te:left-out(., $shown)
        else if (normalize-space(.)) then . else ()"/>
    </xsl:for-each>
  </xsl:function>

  <xd:doc><xd:desc>A label for a part that te:left-out found, from its element's name and type:
    "Alt identifier", "Idno (VIAF)"; nothing for text.</xd:desc></xd:doc>
  <xsl:function name="te:field-label" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="named" select="map{'textLang': 'language of the text', 'altIdentifier': 'other shelfmark',
      'msName': 'name', 'idno': 'identifier', 'geo': 'coordinates', 'listWit': 'witnesses',
      'particDesc': 'participants', 'settingDesc': 'setting', 'listBibl': 'sources'}(local-name($node))"/>
    <xsl:variable name="words" select="($named, lower-case(replace(local-name($node), '([a-z])([A-Z])', '$1 $2')))[1]"/>
    <xsl:sequence select="te:t(upper-case(substring($words, 1, 1)) || substring($words, 2)) || $node/@type ! (' (' || . || ')')"/>
  </xsl:function>
</xsl:stylesheet>
