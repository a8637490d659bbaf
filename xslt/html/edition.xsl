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
    <xd:desc>Driver of the HTML edition. Input: the whole edition as one teiCorpus (the global
      context item). Entry points, called by name from Python:
      te:edition (the edition's own metadata), te:pages (the list of pages), te:page
      (pages, named by $page) and te:text (documents' plain text, named by $page). Each returns a JSON object; its "main" member is the page's
      HTML, which the Jinja shells in templates/ wrap in the site's chrome.
      te:guidelines gives the Encoding guidelines page, read from the schemas named by $relaxng and $schematron.
      Modules, one per family of the TEI Guidelines: header (metadata panel), textstructure,
      core, transcr, namesdates, textcrit, drama (performance texts), figures (tables, figures, formulae), notes (the apparatus), pages (home, front matter,
      registers), fallback (anything else).
      Modes: #default renders the text; "plain" gives text for attributes and JSON;
      "apparatus" renders notes in the list at the end of a page.</xd:desc>
  </xd:doc>

  <xsl:include href="../common/functions.xsl"/>
  <xsl:include href="../common/apparatus.xsl"/>
  <xsl:include href="plaintext.xsl"/>
  <xsl:include href="exports.xsl"/>
  <xsl:include href="header.xsl"/>
  <xsl:include href="textstructure.xsl"/>
  <xsl:include href="core.xsl"/>
  <xsl:include href="transcr.xsl"/>
  <xsl:include href="namesdates.xsl"/>
  <xsl:include href="textcrit.xsl"/>
  <xsl:include href="drama.xsl"/>
  <xsl:include href="figures.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="pages.xsl"/>
  <xsl:include href="guidelines.xsl"/>
  <xsl:include href="concordance.xsl"/>
  <xsl:include href="chronology.xsl"/>
  <xsl:include href="interventions.xsl"/>
  <xsl:include href="requests.xsl"/>
  <xsl:include href="fallback.xsl"/>

  <xsl:output method="json" indent="no" encoding="UTF-8"/>

  <xd:doc><xd:desc>The text: each TEI element becomes HTML; text is copied.</xd:desc></xd:doc>
  <xsl:mode on-no-match="text-only-copy" on-multiple-match="fail" warning-on-no-match="false"/>
  <xd:doc><xd:desc>Plain text of an element: sources' readings of choices, no notes.</xd:desc></xd:doc>
  <xsl:mode name="plain" on-no-match="text-only-copy" on-multiple-match="fail"/>
  <xd:doc><xd:desc>Notes in the apparatus list at the end of a page.</xd:desc></xd:doc>
  <xsl:mode name="apparatus" on-no-match="fail" on-multiple-match="fail"/>

  <xd:doc><xd:desc>The pages to render (te:page) or the documents to give as text (te:text), by id, separated by spaces.</xd:desc></xd:doc>
  <xsl:param name="page" as="xs:string" select="'index'"/>

  <xsl:variable name="corpus" as="element(tei:teiCorpus)" select="/tei:teiCorpus"/>
  <xd:doc><xd:desc>The files of the edition by their id (looked up once per call, not scanned for each page).</xd:desc></xd:doc>
  <xsl:variable name="te:files" as="map(xs:string, element(tei:TEI))" select="map:merge($corpus/tei:TEI[@xml:id] ! map{string(@xml:id): .}, map{'duplicates': 'use-first'})"/>
  <xsl:variable name="front" as="element(tei:TEI)?" select="$te:files('edition')"/>
  <xd:doc><xd:desc>The documents in the order of the edition's contents; in a corpus without
    a contents list (a foreign corpus), every file with a text, in the order of the files.</xd:desc></xd:doc>
  <xsl:variable name="documents" as="element(tei:TEI)*" select="
    if (exists($front//tei:listBibl[@type = 'contents']))
    then (for $b in $front//tei:listBibl[@type = 'contents']/tei:bibl
          return $te:files(substring-after($b/@corresp, 'doc:')))
    else $corpus/tei:TEI[te:is-text(.)]"/>

  <xd:doc><xd:desc>Each document's place in the contents (1, 2, …), for ordering and previous/next links.</xd:desc></xd:doc>
  <xsl:variable name="te:position" as="map(xs:string, xs:integer)" select="map:merge(for $i in 1 to count($documents) return map{string($documents[$i]/@xml:id): $i}, map{'duplicates': 'use-first'})"/>

  <xd:doc><xd:desc>The entries of the contents list, by the document they point to.</xd:desc></xd:doc>
  <xsl:key name="te:contents" match="tei:listBibl[@type = 'contents']/tei:bibl" use="@corresp"/>

  <xd:doc><xd:desc>The edition's name when it has no front matter to take a title from: its folder's.</xd:desc></xd:doc>
  <xsl:param name="edition-name" as="xs:string" select="'TEI edition'"/>

  <xd:doc><xd:desc>The edition as a whole: title, editors, version, publisher, licence.</xd:desc></xd:doc>
  <xsl:template name="te:edition">
    <xsl:variable name="header" select="$front/tei:teiHeader/tei:fileDesc"/>
    <xsl:sequence select="map{
      'title': (normalize-space(($header/tei:titleStmt/tei:title[@type = 'main'], $header/tei:titleStmt/tei:title)[1])[.], $edition-name)[1],
      'subtitle': normalize-space($header/tei:titleStmt/tei:title[@type = 'sub']),
      (: what a window's title and a shared link's site name call the edition, where its title is long :)
      'short_title': normalize-space($header/tei:titleStmt/tei:title[@type = 'short'][1]),
      'editors': array{ $header/tei:titleStmt/tei:editor ! normalize-space(.) },
      (: as named mid-sentence (Edited by the … team): a body's leading article in lower case :)
      'editors_in_sentence': array{ $header/tei:titleStmt/tei:editor ! replace(normalize-space(.), '^The ', 'the ') },
      'version': string($header/tei:editionStmt/tei:edition/@n),
      'publisher': normalize-space(($header/tei:publicationStmt/tei:publisher)[1]),
      'date': string(($header/tei:editionStmt//tei:date/@when, $header/tei:publicationStmt/tei:date/@when)[1]),
      'licence': string(($header/tei:publicationStmt//tei:licence/@target)[1]),
      'licence_label': normalize-space(($header/tei:publicationStmt//tei:licence)[1]),
      'lang': string(($te:interface?language, $front/@xml:lang, 'en')[1]),
      'dir': ($te:interface?direction, 'ltr')[1]
    }"/>
  </xsl:template>

  <xd:doc><xd:desc>Every page of the site: home, front matter, documents, registers.</xd:desc></xd:doc>
  <xsl:template name="te:pages">
    <xsl:sequence select="array{
      map{'id': 'index', 'kind': 'home', 'path': 'index.html', 'title': te:t('Home')},
      $front/tei:text/tei:body/tei:div ! map{'id': string(@xml:id), 'kind': 'front', 'path': te:page-of(.), 'title': te:plain(tei:head[1])},
      $documents ! map{'id': string(@xml:id), 'kind': 'document', 'path': te:page-of(.), 'title': te:numbered-short-title(.)},
      $corpus/tei:TEI[not(te:is-text(.))][tei:standOff/*[not(self::tei:listRelation)]] ! map{'id': string(@xml:id), 'kind': 'register', 'path': te:page-of(.), 'title': te:title(.)},
      (: the chronology, from the register of events, among the registers :)
      map{'id': 'chronology', 'kind': 'register', 'path': 'chronology.html', 'title': te:t('Chronology')}[exists($te:events)]
    }"/>
  </xsl:template>

  <xd:doc><xd:desc>Pages, as maps the Jinja shell renders (title, description, the HTML of the main
    content): an array with one map for each id of $page (several per call, so that the
    edition's keys and variables are built once for many pages).</xd:desc></xd:doc>
  <xsl:template name="te:page">
    <xsl:sequence select="array{ tokenize($page) ! te:page-map(.) }"/>
  </xsl:template>

  <xd:doc><xd:desc>One page by its id: a document slug, a front-matter division, a register id, or "index".</xd:desc></xd:doc>
  <xsl:function name="te:page-map" as="map(*)">
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="target" select="if ($id = 'index') then $front else ($te:files($id), $front/tei:text/tei:body/tei:div[@xml:id = $id])[1]"/>
    <xsl:choose>
      <xsl:when test="$id = 'index'"><xsl:call-template name="te:home-page"/></xsl:when>
      <xsl:when test="$id = 'chronology'"><xsl:call-template name="te:chronology-page"/></xsl:when>
      <xsl:when test="$target/self::tei:TEI and te:is-text($target)"><xsl:call-template name="te:document-page"><xsl:with-param name="tei" select="$target"/></xsl:call-template></xsl:when>
      <xsl:when test="$target/self::tei:TEI"><xsl:call-template name="te:register-page"><xsl:with-param name="register" select="$target"/></xsl:call-template></xsl:when>
      <xsl:when test="$target/self::tei:div"><xsl:call-template name="te:front-page"><xsl:with-param name="div" select="$target"/></xsl:call-template></xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">page-unknown: no page '<xsl:value-of select="$id"/>' in the edition</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xd:doc><xd:desc>HTML nodes serialised for the "main" member of a page map.</xd:desc></xd:doc>
  <xsl:function name="te:html" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="serialize($nodes, map{'method': 'html', 'html-version': 5.0, 'indent': false()})"/>
  </xsl:function>
</xsl:stylesheet>
