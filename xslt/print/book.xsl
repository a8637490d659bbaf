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
    <xd:desc>The book: half-title, title page, imprint, contents, the front matter of
      edition.xml, each document opening on a recto with its headnote, and the data of the
      indices of persons, organisations and places (every place each entry is named, by the
      id the book gives that place). Returned by te:book as a map: "html" (the body of the
      book), "documents", "indices" and the book's metadata.</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>The build date for the imprint (from SOURCE_DATE_EPOCH when set), as YYYY-MM-DD.</xd:desc></xd:doc>
  <xsl:param name="build-date" as="xs:string" select="''"/>

  <xd:doc><xd:desc>The registers printed as indices, in this order.</xd:desc></xd:doc>
  <xsl:variable name="te:indices" as="xs:string+" select="('persons', 'organisations', 'places')"/>

  <xd:doc><xd:desc>The whole book as a map for the build.</xd:desc></xd:doc>
  <xsl:template name="te:book">
    <xsl:variable name="title-stmt" select="$front/tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
    <xsl:variable name="info" as="map(*)"><xsl:call-template name="te:edition"/></xsl:variable>
    <xsl:variable name="divisions" select="$front/tei:text/tei:body/tei:div"/>
    <xsl:variable name="registers" select="for $r in $te:indices return $corpus/tei:TEI[@xml:id = $r]"/>
    <xsl:variable name="body" as="element()*">
      <section class="half-title">
        <p class="book-title"><xsl:value-of select="$info?title"/></p>
      </section>
      <section class="title-page">
        <p class="book-title"><xsl:value-of select="$info?title"/></p>
        <p class="book-subtitle"><xsl:value-of select="$info?subtitle"/></p>
        <p class="book-editors">Edited by <xsl:value-of select="string-join($info?editors?*, ', ')"/></p>
        <p class="book-publisher">teiedition · version <xsl:value-of select="$info?version"/></p>
      </section>
      <section class="imprint">
        <p><xsl:value-of select="$info?title"/>. <xsl:value-of select="$info?subtitle"/>.
          Edited by <xsl:value-of select="string-join($info?editors?*, ', ')"/>.</p>
        <p>Version <xsl:value-of select="$info?version"/> of <xsl:value-of select="te:format-date($info?date)"/>; this copy built on <xsl:value-of select="te:format-date($build-date)"/>.</p>
        <xsl:for-each select="$front/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:availability/*">
          <p><xsl:apply-templates/></p>
        </xsl:for-each>
        <p>Sources:</p>
        <ul class="sources">
          <xsl:for-each select="$documents">
            <xsl:variable name="ms" select="tei:teiHeader//tei:sourceDesc/tei:msDesc/tei:msIdentifier"/>
            <li><xsl:value-of select="te:short-title(.)"/>: <xsl:value-of select="if ($ms) then string-join($ms/* ! te:plain(.), ', ') else te:plain((tei:teiHeader//tei:sourceDesc/tei:bibl)[1])"/></li>
          </xsl:for-each>
        </ul>
        <p>Set in Source Serif 4 (SIL Open Font Licence) and made into a book by teiedition with WeasyPrint.</p>
      </section>
      <nav class="toc" id="contents">
        <h1>Contents</h1>
        <ul>
          <xsl:for-each select="$divisions">
            <li class="toc-front"><a href="#{@xml:id}"><xsl:value-of select="te:plain(tei:head[1])"/></a></li>
          </xsl:for-each>
          <xsl:for-each select="$documents">
            <li class="toc-document"><a href="#{@xml:id}"><xsl:value-of select="te:title(.)"/></a></li>
          </xsl:for-each>
          <xsl:for-each select="$registers">
            <li class="toc-index"><a href="#index-{@xml:id}">Index of <xsl:value-of select="@xml:id"/></a></li>
          </xsl:for-each>
        </ul>
      </nav>
      <xsl:for-each select="$divisions">
        <xsl:call-template name="te:book-front"><xsl:with-param name="div" select="."/></xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$documents">
        <xsl:call-template name="te:book-document"><xsl:with-param name="tei" select="."/></xsl:call-template>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="map{
      'title': $info?title, 'subtitle': $info?subtitle, 'editors': $info?editors, 'lang': $info?lang,
      'keywords': array{ distinct-values(($front, $documents)//tei:textClass//tei:term ! normalize-space(.)) },
      'html': te:html($body),
      'documents': array{ $documents ! map{'id': string(@xml:id), 'title': te:title(.), 'short_title': te:short-title(.),
                                           'authors': array{ te:authors(.) }, 'date': te:document-date(.),
                                           'description': te:first-sentence(te:plain((.//tei:abstract/tei:p)[1]))} },
      'indices': array{ $registers ! te:index-data(.) }
    }"/>
  </xsl:template>

  <xd:doc><xd:desc>A division of the front matter as a chapter of the book.</xd:desc></xd:doc>
  <xsl:template name="te:book-front">
    <xsl:param name="div" as="element(tei:div)"/>
    <section class="front chapter" id="{$div/@xml:id}" data-running-head="{te:plain($div/tei:head[1])}">
      <h1><xsl:apply-templates select="$div/tei:head[1]/node()"/></h1>
      <xsl:apply-templates select="$div/node() except $div/tei:head[1]">
        <xsl:with-param name="notes" select="te:page-notes($div)" tunnel="yes"/>
        <xsl:with-param name="heading-offset" select="-1" tunnel="yes"/>
      </xsl:apply-templates>
    </section>
  </xsl:template>

  <xd:doc><xd:desc>A document as a chapter: it opens on a recto with its title and its headnote, then the text.</xd:desc></xd:doc>
  <xsl:template name="te:book-document">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="notes" select="te:page-notes($tei)"/>
    <section class="document chapter" id="{$tei/@xml:id}" data-running-head="{te:short-title($tei)}">
      <header class="document-header">
        <xsl:call-template name="te:standard-heading"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
        <p class="doc-type"><xsl:value-of select="te:doc-type($tei)"/></p>
        <h1><xsl:value-of select="te:title($tei)"/></h1>
        <p class="doc-date"><xsl:value-of select="te:document-date-label($tei)"/> · <xsl:value-of select="te:parties($tei)"/></p>
        <xsl:call-template name="te:source-note"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
      </header>
      <xsl:call-template name="te:metadata-panel">
        <xsl:with-param name="tei" select="$tei"/>
        <xsl:with-param name="notes" select="$notes" tunnel="yes"/>
      </xsl:call-template>
      <section class="text">
        <xsl:apply-templates select="$tei/tei:text">
          <xsl:with-param name="notes" select="$notes" tunnel="yes"/>
        </xsl:apply-templates>
      </section>
    </section>
  </xsl:template>

  <xd:doc><xd:desc>The metadata panel of the web page is the headnote of the book: its heading says so.</xd:desc></xd:doc>
  <xsl:template name="te:view-switch"/>

  <xd:doc><xd:desc>How an entry heads the index: a person surname first ("Gorbachev, Mikhail Sergeyevich"),
    anything else by its main name.</xd:desc></xd:doc>
  <xsl:function name="te:index-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="main" select="($entry/tei:persName[@type = 'main'], $entry/tei:persName)[1]"/>
    <xsl:sequence select="if ($main/tei:surname) then normalize-space(te:plain($main/tei:surname[1]) || ', ' || string-join(($main/* except $main/tei:surname[1]) ! te:plain(.), ' '))
                          else te:label-of($entry)"/>
  </xsl:function>

  <xd:doc><xd:desc>An index: its entries, each with its name, a short identification, and the book ids of the
    places it is named (in the documents and the front matter), for the build to turn into page numbers.</xd:desc></xd:doc>
  <xsl:function name="te:index-data" as="map(*)">
    <xsl:param name="register" as="element(tei:TEI)"/>
    <xsl:variable name="prefix" select="map{'persons': 'psn:', 'organisations': 'org:', 'places': 'plc:'}($register/@xml:id)"/>
    <xsl:variable name="entries" as="map(*)*">
      <xsl:for-each select="$register/tei:standOff//(tei:person | tei:org | tei:place)">
        <xsl:sort select="lower-case(te:sort-key(.))"/>
        <xsl:variable name="mentions" select="key('te:mentions', $prefix || @xml:id, $corpus)[te:in-book(.)]"/>
        <xsl:if test="exists($mentions)">
          <xsl:sequence select="map{
            'id': string(@xml:id), 'name': te:index-name(.), 'sort': te:sort-key(.),
            'identification': replace(te:first-sentence(normalize-space((tei:note[@type = 'identification'], tei:desc)[1] ! te:plain(.))), '\.$', ''),
            'refs': array{ distinct-values($mentions ! te:book-id(te:citable(.))) }}"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="map{'id': 'index-' || $register/@xml:id, 'title': 'Index of ' || $register/@xml:id, 'entries': array{ $entries }}"/>
  </xsl:function>
</xsl:stylesheet>
