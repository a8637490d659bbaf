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
    <xd:desc>The edition as data, for reuse: the registers as records (te:registers: id, names,
      identification, dates, authority identifiers and the places in the documents that name
      each entry) and the whole edition as one teiCorpus (te:corpus), valid against full TEI P5.</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>Every register entry as a record, in register order.</xd:desc></xd:doc>
  <xsl:template name="te:registers">
    <xsl:sequence select="array{
      for $register in $corpus/tei:TEI[map:contains($te:register-pages, string(@xml:id))],
          $entry in $register/tei:standOff//(tei:person | tei:org | tei:place | tei:event | tei:bibl[@xml:id])
      return te:register-record($register, $entry)
    }"/>
  </xsl:template>

  <xd:doc><xd:desc>One register entry as a map of plain values.</xd:desc></xd:doc>
  <xsl:function name="te:register-record" as="map(*)">
    <xsl:param name="register" as="element(tei:TEI)"/>
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:orgName | tei:placeName | tei:label | tei:title)"/>
    <xsl:variable name="main" select="($names[@type = 'main'], $names)[1]"/>
    <xsl:variable name="prefix" select="map{'persons': 'psn:', 'organisations': 'org:', 'places': 'plc:', 'events': 'evt:', 'works': 'bib:'}($register/@xml:id)"/>
    <xsl:variable name="mentions" select="key('te:mentions', $prefix || $entry/@xml:id, $corpus) | key('te:sources', $prefix || $entry/@xml:id, $corpus)"/>
    <xsl:sequence select="map{
      'register': string($register/@xml:id),
      'id': string($entry/@xml:id),
      'uri': te:page-of($entry) || '#' || $entry/@xml:id,
      'name': if ($main) then te:plain($main) else te:plain($entry),
      'variants': array{ distinct-values(($names except $main)[not(@subtype = 'erroneous')] ! te:plain(.)) },
      'type': string(($entry/@type, local-name($entry))[1]),
      'identification': normalize-space(($entry/tei:note[@type = 'identification'], $entry/tei:desc, $entry/tei:occupation)[1] ! te:plain(.)),
      'dates': te:entry-dates($entry),
      'authorities': array{ $entry/tei:idno[@type = map:keys($te:authorities)] ! map{
        'type': string(@type), 'id': normalize-space(.), 'uri': $te:authorities(@type) || normalize-space(.), 'cert': string(@cert)} },
      'occurrences': array{ te:occurrences-by-document($mentions) }
    }"/>
  </xsl:function>

  <xd:doc><xd:desc>Mentions grouped by document: for each, the document's id and the ids of the paragraphs and notes (in document order, each once).</xd:desc></xd:doc>
  <xsl:function name="te:occurrences-by-document" as="map(*)*">
    <xsl:param name="mentions" as="element()*"/>
    <xsl:for-each-group select="$mentions[te:is-text(te:document(.)) or te:document(.)/@xml:id = 'edition']" group-by="string(te:document(.)/@xml:id)">
      <xsl:sequence select="map{'document': current-grouping-key(),
        'places': array{ distinct-values(current-group() ! string(te:citable(.)/@xml:id)) }}"/>
    </xsl:for-each-group>
  </xsl:function>

  <xd:doc><xd:desc>A copy for the corpus header, without the xml:ids its original keeps in its member.</xd:desc></xd:doc>
  <xsl:mode name="te:without-ids" on-no-match="shallow-copy"/>
  <xsl:template match="@xml:id" mode="te:without-ids"/>

  <xd:doc><xd:desc>The whole edition as one teiCorpus: a header of its own (so that no xml:id repeats),
    then the front matter, the documents and the registers as its TEI members; serialised with the
    xml-model links to full TEI P5 and to the edition's schema.</xd:desc></xd:doc>
  <xsl:template name="te:corpus">
    <xsl:variable name="header" select="$front/tei:teiHeader/tei:fileDesc"/>
    <xsl:variable name="document">
      <xsl:processing-instruction name="xml-model">href="https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"</xsl:processing-instruction>
      <xsl:processing-instruction name="xml-model">href="schema/edition.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"</xsl:processing-instruction>
      <xsl:processing-instruction name="xml-model">href="schema/edition.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"</xsl:processing-instruction>
      <teiCorpus xmlns="http://www.tei-c.org/ns/1.0" xml:lang="{($front/@xml:lang, 'en')[1]}">
        <teiHeader>
          <fileDesc>
            <titleStmt>
              <title><xsl:value-of select="te:plain(($header/tei:titleStmt/tei:title[@type = 'main'], $header/tei:titleStmt/tei:title)[1])"/>: the edition in one file</title>
              <xsl:for-each select="$header/tei:titleStmt/tei:editor"><editor><xsl:value-of select="te:plain(.)"/></editor></xsl:for-each>
            </titleStmt>
            <xsl:apply-templates select="$header/tei:editionStmt" mode="te:without-ids"/>
            <publicationStmt>
              <xsl:apply-templates select="$header/tei:publicationStmt/(tei:publisher, tei:date, tei:availability)" mode="te:without-ids"/>
            </publicationStmt>
            <sourceDesc>
              <p>The files of the edition, each as it stands in the edition's tei/ folder: the front matter (edition.xml), the <xsl:value-of select="count($documents)"/> documents, and the registers. Pointers with the prefixes psn:, org:, plc:, evt:, bib:, edn: and doc: resolve to the xml:id of the same name in the member TEI documents, as each member's listPrefixDef declares.</p>
            </sourceDesc>
          </fileDesc>
        </teiHeader>
        <xsl:copy-of select="$front, $documents, $corpus/tei:TEI[map:contains($te:register-pages, string(@xml:id))]" copy-namespaces="no"/>
      </teiCorpus>
    </xsl:variable>
    <xsl:sequence select="map{'xml': serialize($document, map{'method': 'xml', 'indent': false(), 'omit-xml-declaration': false()})}"/>
  </xsl:template>
</xsl:stylesheet>
