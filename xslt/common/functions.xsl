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
    <xd:desc>Functions shared by every output format: resolving the edition's pointers
      (psn:, org:, plc:, evt:, bib:, edn:, doc:, #id), the page that holds an element, and
      dates. The input is the whole edition wrapped in one teiCorpus, so every pointer
      resolves by a key on xml:id (identifiers are unique across the edition).</xd:desc>
  </xd:doc>

  <xsl:key name="te:id" match="*[@xml:id]" use="@xml:id"/>

  <xd:doc><xd:desc>Register pages, by the identifier of the register file.</xd:desc></xd:doc>
  <xsl:variable name="te:register-pages" as="map(xs:string, xs:string)" select="map{
    'persons': 'persons.html', 'organisations': 'organisations.html', 'places': 'places.html',
    'events': 'events.html', 'works': 'works.html'}"/>

  <xd:doc><xd:desc>Prefixes of pointers into other files, and the file each names.</xd:desc></xd:doc>
  <xsl:variable name="te:prefixes" as="map(xs:string, xs:string)" select="map{
    'psn': 'persons', 'org': 'organisations', 'plc': 'places', 'evt': 'events', 'bib': 'works',
    'edn': 'edition'}"/>

  <xd:doc><xd:desc>The element a pointer names, or nothing (an external URL, a dangling pointer).</xd:desc></xd:doc>
  <xsl:function name="te:target" as="element()?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="p" select="normalize-space($pointer)"/>
    <xsl:sequence select="
      if (starts-with($p, '#')) then key('te:id', substring($p, 2), (te:document($context), root($context))[1])[1]
      else if (starts-with($p, 'doc:') and contains($p, '#')) then key('te:id', substring-after($p, '#'), root($context))[1]
      else if (starts-with($p, 'doc:')) then key('te:id', substring-after($p, 'doc:'), root($context))[self::tei:TEI][1]
      else if (matches($p, '^[a-z]+:') and map:contains($te:prefixes, substring-before($p, ':')))
        then key('te:id', substring-after($p, ':'), root($context))[1]
      else ()"/>
  </xsl:function>

  <xd:doc><xd:desc>The TEI document an element belongs to.</xd:desc></xd:doc>
  <xsl:function name="te:document" as="element(tei:TEI)?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="$node/ancestor-or-self::tei:TEI[1]"/>
  </xsl:function>

  <xd:doc><xd:desc>True for the TEI files that are documents of the edition (not registers, not front matter).</xd:desc></xd:doc>
  <xsl:function name="te:is-text" as="xs:boolean">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="exists($tei/tei:text) and not($tei/@xml:id = 'edition')"/>
  </xsl:function>

  <xd:doc><xd:desc>The page (file name) on which an element of the edition is shown.</xd:desc></xd:doc>
  <xsl:function name="te:page-of" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="tei" select="te:document($element)"/>
    <xsl:sequence select="
      if ($tei/@xml:id = 'edition')
        then (($element/ancestor-or-self::tei:div[parent::tei:body])[1]/@xml:id!(. || '.html'), 'index.html')[1]
      else if (map:contains($te:register-pages, string($tei/@xml:id))) then $te:register-pages($tei/@xml:id)
      else $tei/@xml:id || '.html'"/>
  </xsl:function>

  <xd:doc><xd:desc>The link for a pointer, seen from the page of `$context`: external URLs as they are,
    elements of the edition as page#id (just #id on their own page), nothing if it dangles.
    Of several pointers (ref="bib:a bib:b"), a link can follow only the first.</xd:desc></xd:doc>
  <xsl:function name="te:href" as="xs:string?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:param name="context" as="element()"/>
    <xsl:variable name="p" select="tokenize(normalize-space($pointer))[1]"/>
    <xsl:variable name="target" select="te:target($p, $context)"/>
    <xsl:sequence select="
      if (matches($p, '^https?://')) then $p
      else if (empty($target)) then ()
      else te:link($target, te:page-of($context))"/>
  </xsl:function>

  <xd:doc><xd:desc>The link to an element of the edition from the page `$from`.</xd:desc></xd:doc>
  <xsl:function name="te:link" as="xs:string">
    <xsl:param name="target" as="element()"/>
    <xsl:param name="from" as="xs:string"/>
    <xsl:variable name="page" select="te:page-of($target)"/>
    <xsl:variable name="whole-page" select="$target/self::tei:TEI or $target/parent::tei:body/parent::tei:text/parent::tei:TEI[@xml:id = 'edition']"/>
    <xsl:sequence select="
      if ($whole-page) then $page
      else if ($page = $from) then '#' || $target/@xml:id
      else $page || '#' || $target/@xml:id"/>
  </xsl:function>

  <xd:doc><xd:desc>The number shown for a page break of the source: its @n, or else its place in the
    document's sequence of pages (the first page has no break before it, so the first break opens page 2).</xd:desc></xd:doc>
  <xsl:function name="te:page-number" as="xs:string">
    <xsl:param name="pb" as="element(tei:pb)"/>
    <xsl:sequence select="string(($pb/@n, count(te:document($pb)//tei:pb[. &lt;&lt; $pb]) + 2)[1])"/>
  </xsl:function>

  <xd:doc><xd:desc>An ISO date (YYYY, YYYY-MM, YYYY-MM-DD) written out in English: "16 February 1986".</xd:desc></xd:doc>
  <xsl:function name="te:format-date" as="xs:string">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:variable name="months" select="('January', 'February', 'March', 'April', 'May', 'June', 'July',
      'August', 'September', 'October', 'November', 'December')"/>
    <xsl:variable name="parts" select="tokenize($iso, '-')"/>
    <xsl:sequence select="string-join((
      if (count($parts) ge 3) then string(xs:integer($parts[3])) else (),
      if (count($parts) ge 2) then $months[xs:integer($parts[2])] else (),
      $parts[1]), ' ')"/>
  </xsl:function>

  <xd:doc><xd:desc>The date of a document: its creation date (when, or notBefore–notAfter).</xd:desc></xd:doc>
  <xsl:function name="te:document-date" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="date" select="($tei/tei:teiHeader/tei:profileDesc/tei:creation//tei:date)[1]"/>
    <xsl:sequence select="string(($date/@when, $date/@notBefore, $date/@from, '')[1])"/>
  </xsl:function>

  <xd:doc><xd:desc>The date of a document as a reader reads it: written out when exact, else the
    words of the header ("probably June–August 2011").</xd:desc></xd:doc>
  <xsl:function name="te:document-date-label" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="date" select="($tei/tei:teiHeader/tei:profileDesc/tei:creation//tei:date)[1]"/>
    <xsl:sequence select="if ($date/@when) then te:format-date($date/@when) else normalize-space($date)"/>
  </xsl:function>

  <xd:doc><xd:desc>An HTML id for a role ("ref", "tip") of an element: from its xml:id, or from the
    nearest xml:id above it and its place there, so that ids do not change when other
    documents do.</xd:desc></xd:doc>
  <xsl:function name="te:id" as="xs:string">
    <xsl:param name="role" as="xs:string"/>
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="anchor" select="$element/ancestor::*[@xml:id][1]"/>
    <xsl:sequence select="$role || '-' || (if ($element/@xml:id) then $element/@xml:id
      else $anchor/@xml:id || '-' || local-name($element) || (count(($anchor//*[node-name() = node-name($element)][. &lt;&lt; $element]) except $element/ancestor::*) + 1))"/>
  </xsl:function>

  <xd:doc><xd:desc>True when an element stands inside running text (where only phrasing HTML may go).</xd:desc></xd:doc>
  <xsl:function name="te:in-phrase" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element/ancestor::*[self::tei:p or self::tei:ab or self::tei:head or self::tei:l
      or self::tei:item or self::tei:label or self::tei:fw or self::tei:salute or self::tei:dateline or self::tei:signed
      or self::tei:addrLine or self::tei:byline or self::tei:title or self::tei:bibl or self::tei:note or self::tei:docDate
      or self::tei:quote or self::tei:q or self::tei:said or self::tei:speaker or self::tei:stage or self::tei:castItem][1])"/>
  </xsl:function>
</xsl:stylesheet>
