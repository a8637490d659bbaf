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
    <xd:desc>Names, dates, people and places (Guidelines ch. 13): names in the text link to their
      register entries with the entry's identification as a tooltip; dates become HTML time
      elements; register entries (person, org, place, event, bibl of the registers) become
      sections listing their variants, identification, dates, authority links and every
      occurrence in the edition.</xd:desc>
  </xd:doc>

  <xsl:key name="te:mentions" match="*[@ref]" use="tokenize(normalize-space(@ref))"/>
  <xsl:key name="te:sources" match="*[@source]" use="tokenize(normalize-space(@source))"/>

  <xd:doc><xd:desc>Where authority identifiers resolve, by idno/@type.</xd:desc></xd:doc>
  <xsl:variable name="te:authorities" as="map(xs:string, xs:string)" select="map{
    'wikidata': 'https://www.wikidata.org/wiki/', 'geonames': 'https://www.geonames.org/',
    'viaf': 'https://viaf.org/viaf/', 'gnd': 'https://d-nb.info/gnd/'}"/>

  <xd:doc><xd:desc>The one-line identification of a register entry, for tooltips: its name and the
    first sentence of its note (the rest, with the sources, is one click away in the register).</xd:desc></xd:doc>
  <xsl:function name="te:identification" as="xs:string">
    <xsl:param name="entry" as="element()?"/>
    <xsl:sequence select="normalize-space(string-join((te:label-of($entry), ($entry/tei:note[@type = 'identification'], $entry/tei:desc, $entry/tei:occupation, $entry/tei:note)[1]/te:first-sentence(te:plain(.))), ': '))"/>
  </xsl:function>

  <xd:doc><xd:desc>A name in the text: a link to its register entry, whose identification the
    site's script shows as the link's tooltip, read from the entry on demand (written at every
    mention it made a page a tenth heavier); a name inside another link, which cannot be a link
    itself, carries its entry's address for the script (data-entry).</xd:desc></xd:doc>
  <xsl:template match="tei:persName | tei:orgName | tei:placeName | tei:name | tei:rs">
    <xsl:variable name="linked" select="exists(te:href(@ref, .)) and not(ancestor::*[te:is-link(.)])"/>
    <xsl:call-template name="te:linked">
      <xsl:with-param name="pointer" select="@ref"/>
      <xsl:with-param name="entry" select="if ($linked or te:is-unsafe(@ref)) then () else te:href(@ref, .)[1]" tunnel="yes"/>
      <xsl:with-param name="content" as="item()*"><xsl:call-template name="te:inline"/></xsl:with-param>
      <!-- linked, the name needs no span of its own: the link carries its classes -->
      <xsl:with-param name="linked" as="item()*">
        <xsl:choose>
          <xsl:when test="@xml:id or @xml:lang"><xsl:call-template name="te:inline"/></xsl:when>
          <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="class" select="if (@xml:id or @xml:lang) then () else string-join(('tei-' || local-name(), tokenize(@type) ! ('type-' || .), tokenize(@rend) ! ('rend-' || .)), ' ')"/>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>A date: an HTML time element with the machine-readable date.</xd:desc></xd:doc>
  <xsl:template match="tei:date | tei:origDate">
    <xsl:variable name="iso" select="te:iso-date(.)"/>
    <xsl:choose>
      <xsl:when test="$iso">
        <time class="tei-date" datetime="{$iso}"><xsl:apply-templates/></time>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="te:inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xd:doc><xd:desc>What a register entry says besides its names (te:left-out shows it under its own name):
    its content as a span.</xd:desc></xd:doc>
  <xsl:template match="tei:birth | tei:death | tei:floruit | tei:residence | tei:affiliation | tei:sex | tei:location | tei:geo
      | tei:nationality | tei:faith | tei:education | tei:socecStatus | tei:langKnowledge | tei:langKnown | tei:state | tei:trait
      | tei:age | tei:persona | tei:population | tei:climate | tei:terrain | tei:offset | tei:persPronouns">
    <span class="tei-{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>

  <xd:doc><xd:desc>Names and places in the header without a register link (e.g. the archive's country): plain spans.</xd:desc></xd:doc>
  <xsl:template match="tei:country | tei:settlement | tei:region | tei:origPlace | tei:geogName">
    <xsl:call-template name="te:inline"/>
  </xsl:template>

  <xd:doc><xd:desc>A register entry: a section with its main name as heading, then variants,
    identification, dates, authority links and its occurrences in the edition.</xd:desc></xd:doc>
  <xsl:template match="tei:person | tei:org | tei:place | tei:event | tei:standOff//tei:bibl[@xml:id]">
    <xsl:variable name="names" select="tei:persName | tei:orgName | tei:placeName | tei:label | tei:title"/>
    <xsl:variable name="main" select="($names[@type = 'main'], $names)[1]"/>
    <section id="{@xml:id}" class="entry entry-{local-name()}" data-identification="{te:identification(.)}">
      <h2><xsl:value-of select="if ($main) then te:plain($main) else te:plain(.)"/></h2>
      <!-- every form, as often as the source gives it (with other types, or in other sources) -->
      <xsl:variable name="variants" select="($names except $main) ! te:plain(.)"/>
      <xsl:if test="exists($variants)">
        <p class="variants"><span class="label"><xsl:value-of select="te:t('Forms in the sources:')"/></span><xsl:text> </xsl:text><xsl:value-of select="string-join($variants, '; ')"/></p>
      </xsl:if>
      <xsl:for-each select="tei:note[@type = 'identification'], tei:desc, tei:occupation">
        <p class="identification"><xsl:apply-templates/></p>
      </xsl:for-each>
      <xsl:if test="tei:birth or tei:death or tei:floruit or @when or @from">
        <p class="dates"><xsl:value-of select="te:entry-dates(.)"/></p>
      </xsl:if>
      <xsl:if test="(tei:birth, tei:death)/tei:placeName">
        <p class="life-places"><xsl:value-of select="string-join((tei:birth[tei:placeName] ! (te:t('Born:') || ' ' || normalize-space(.)), tei:death[tei:placeName] ! (te:t('died:') || ' ' || normalize-space(.))), '; ') || '.'"/></p>
      </xsl:if>
      <xsl:if test="tei:state or tei:affiliation">
        <ul class="states">
          <xsl:for-each select="tei:state, tei:affiliation">
            <li class="{local-name()}"><xsl:value-of select="normalize-space(if (self::tei:state) then string-join(tei:label, '; ') else .)
              || (if (@from or @to) then ' (' || string-join((@from ! te:format-date(.), @to ! te:format-date(.)), ' – ') || (if (@from and not(@to)) then ' –' else '') || ')' else '')
              || (if (@cert = ('medium', 'low')) then ', probably' else '')"/></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <xsl:if test="self::tei:bibl">
        <p class="reference"><xsl:apply-templates select="node() except tei:note"/></p>
      </xsl:if>
      <xsl:for-each select="tei:note[not(@type = 'identification')]">
        <p class="entry-note"><xsl:apply-templates/></p>
      </xsl:for-each>
      <!-- what the lines above do not show (a birth place, a residence, other identifiers, a location), under its own name -->
      <xsl:for-each select="if (self::tei:bibl) then () else te:left-out(., $names | tei:note | tei:desc | tei:occupation | tei:idno[@type = map:keys($te:authorities)])">
        <p class="entry-field">
          <xsl:if test="self::*"><span class="label"><xsl:value-of select="te:field-label(.)"/>:</span><xsl:text> </xsl:text></xsl:if>
          <xsl:apply-templates select="."/>
        </p>
      </xsl:for-each>
      <xsl:if test="tei:idno[@type = map:keys($te:authorities)]">
        <p class="authority"><span class="label"><xsl:value-of select="te:t('Authority files:')"/></span><xsl:text> </xsl:text>
          <xsl:for-each select="tei:idno[@type = map:keys($te:authorities)]">
            <xsl:if test="position() gt 1">, </xsl:if>
            <a href="{$te:authorities(@type) || normalize-space(.)}"><xsl:value-of select="upper-case(substring(@type, 1, 1)) || substring(@type, 2) || ' ' || normalize-space(.)"/></a>
            <xsl:if test="@cert"><xsl:text> </xsl:text><span class="cert">(<xsl:value-of select="te:t('certainty:')"/><xsl:text> </xsl:text><xsl:value-of select="te:t(@cert)"/>)</span></xsl:if>
          </xsl:for-each>
        </p>
      </xsl:if>
      <xsl:call-template name="te:occurrences"><xsl:with-param name="entry" select="."/></xsl:call-template>
    </section>
  </xsl:template>

  <xd:doc><xd:desc>The registers a document keeps in its standOff (persons, places… of a foreign
    project; its relations are shown apart, and groups of links, which hold pointers and no text, by the
    views made of them, such as requests and answers), after its text, on the page and in the book.</xd:desc></xd:doc>
  <xsl:template name="te:document-registers">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="lists" select="$tei/tei:standOff/(* except (tei:listRelation, tei:linkGrp))"/>
    <xsl:if test="exists($lists)">
      <section class="registers" aria-label="Registers of the document">
        <xsl:apply-templates select="$lists"/>
      </section>
    </xsl:if>
  </xsl:template>

  <xd:doc><xd:desc>Life dates or event dates of an entry, written out.</xd:desc></xd:doc>
  <xsl:function name="te:entry-dates" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="from" select="($entry/tei:birth/(@when, @notBefore), $entry/@when, $entry/@from, $entry/@notBefore)[1]"/>
    <xsl:variable name="to" select="($entry/tei:death/(@when, @notAfter), $entry/@to, $entry/@notAfter)[1]"/>
    <xsl:sequence select="
      if ($entry/tei:floruit and not($from or $to)) then 'fl. ' || ($entry/tei:floruit[1] ! (normalize-space(.), string(@when), string-join((@from, @to), '–')))[.][1]
      else string-join((
        if ($from) then te:format-date($from) else if ($entry/tei:death) then '?' else (),
        if ($to and not($to = $from)) then te:format-date($to) else if ($entry/tei:birth and not($entry/tei:death)) then '' else ()), ' – ')"/>
  </xsl:function>

  <xd:doc><xd:desc>Every place in the edition that names an entry, grouped by document, each linked to its paragraph or note.</xd:desc></xd:doc>
  <xsl:template name="te:occurrences">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="prefix" select="(map{'person': 'psn:', 'org': 'org:', 'place': 'plc:', 'event': 'evt:', 'bibl': 'bib:'})(local-name($entry))"/>
    <xsl:variable name="mentions" select="key('te:mentions', $prefix || $entry/@xml:id, root($entry))
      | key('te:sources', $prefix || $entry/@xml:id, root($entry))"/>
    <xsl:variable name="in-texts" select="$mentions[te:is-text(te:document(.))]"/>
    <xsl:if test="exists($in-texts)">
      <!-- a list of places to go, like the document navigation: its documents' short titles would
           make the search find the register for words only its links hold -->
      <div class="occurrences" data-pagefind-ignore="all">
        <h3><xsl:value-of select="te:t('In the documents')"/></h3>
        <ul>
          <xsl:for-each-group select="$in-texts" group-by="te:document(.)/@xml:id">
            <xsl:sort select="$te:position(string(current-grouping-key()))" data-type="number"/>
            <xsl:variable name="tei" select="te:document(current-group()[1])"/>
            <li>
              <a href="{te:page-of($tei)}"><xsl:value-of select="te:numbered-short-title($tei)"/></a>
              <xsl:text>: </xsl:text>
              <xsl:for-each-group select="current-group()" group-by="generate-id(te:citable(.))">
                <xsl:if test="position() gt 1">, </xsl:if>
                <xsl:variable name="unit" select="te:citable(.)"/>
                <a href="{te:citable-link($unit, '')}"><xsl:value-of select="te:citable-label($unit)"/></a>
              </xsl:for-each-group>
            </li>
          </xsl:for-each-group>
        </ul>
      </div>
    </xsl:if>
  </xsl:template>

  <xd:doc><xd:desc>The smallest citable unit holding a node: the nearest paragraph-like block or note with an id, else its document.</xd:desc></xd:doc>
  <xsl:function name="te:citable" as="element()">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="($node/ancestor-or-self::*[@xml:id][matches(@xml:id, '^[pn]-')][ancestor::tei:text][1], te:document($node))[1]"/>
  </xsl:function>

  <xd:doc><xd:desc>Where a link to a citable unit leads: its passage or note; for the document itself
    (a mention in its header), the page's description, not its top (reviews 18i #9, 18j #4).</xd:desc></xd:doc>
  <xsl:function name="te:citable-link" as="xs:string">
    <xsl:param name="unit" as="element()"/>
    <xsl:param name="from" as="xs:string"/>
    <xsl:sequence select="te:link($unit, $from) || ($unit/self::tei:TEI ! '#about')"/>
  </xsl:function>

  <xd:doc><xd:desc>How a citable unit is named in a list of occurrences: ¶ and its place among the passages with an id, in document order (the number the page shows beside it), n. and its number, or "header".</xd:desc></xd:doc>
  <xsl:function name="te:citable-label" as="xs:string">
    <xsl:param name="unit" as="element()"/>
    <xsl:variable name="tei" select="te:document($unit)"/>
    <xsl:sequence select="
      if ($unit/self::tei:TEI) then te:t('about the document')
      else if ($unit/self::tei:note) then te:t('note') || ' ' || te:note-number($unit)
      else '¶ ' || te:paragraphs($tei)(generate-id($unit))"/>
  </xsl:function>

  <xd:doc><xd:desc>The place of each citable passage of a document (an id beginning p-) among them, in
    document order, a list and its items each counted, as the page numbers them (a CSS counter over the
    text's ids; notes are shown apart); computed once per document.</xd:desc></xd:doc>
  <xsl:function name="te:paragraphs" as="map(xs:string, xs:integer)" cache="yes">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="passages" select="$tei/tei:text//*[starts-with(@xml:id, 'p-')][not(ancestor::tei:note)]"/>
    <xsl:sequence select="map:merge(for-each-pair($passages, 1 to count($passages), function($passage, $i) { map{generate-id($passage): $i} }))"/>
  </xsl:function>
</xsl:stylesheet>
