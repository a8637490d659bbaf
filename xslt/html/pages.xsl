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
    <xd:desc>The pages of the site, each returned as a map for the Jinja shell: the home page
      (the documents in chronological order), the front matter (one page per division of
      edition.xml), a page per document (header panel, text in two views, apparatus,
      relations) and a page per register. The map's "main" is the page's HTML.</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>Relations, by each document they name.</xd:desc></xd:doc>
  <xsl:key name="te:relations" match="tei:relation" use="tokenize(normalize-space(string-join((@active, @passive, @mutual), ' ')))"/>

  <xd:doc><xd:desc>Relations between documents: how each reads from either end.</xd:desc></xd:doc>
  <xsl:variable name="te:relation-labels" as="map(xs:string, xs:string+)" select="map{
    'answers': ('Answers', 'Answered by'), 'discusses': ('Discusses', 'Discussed in'),
    'proposes': ('Proposes', 'Proposed in'), 'attachment-of': ('Attachment to', 'Has as attachment'),
    'mentions': ('Mentions', 'Mentioned in'), 'related': ('Related', 'Related')}"/>

  <xd:doc><xd:desc>The home page: the edition's title and editors, its presentation, the documents in
    chronological order.</xd:desc></xd:doc>
  <xsl:template name="te:home-page">
    <xsl:variable name="title-stmt" select="$front/tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
    <xsl:variable name="presentation" select="($front/tei:teiHeader//tei:abstract/tei:p, ($front//tei:div[@type = 'introduction']//tei:p)[1])[1]"/>
    <xsl:variable name="main" as="element()*">
        <header class="edition-header">
          <h1><xsl:apply-templates select="($title-stmt/tei:title[@type = 'main'], $title-stmt/tei:title)[1]/node()"/></h1>
          <xsl:for-each select="$title-stmt/tei:title[@type = 'sub']"><p class="subtitle"><xsl:apply-templates/></p></xsl:for-each>
          <p class="editors">Edited by <xsl:value-of select="string-join($title-stmt/tei:editor ! te:plain(.), ', ')"/></p>
        </header>
        <section class="presentation" aria-label="Presentation"><p><xsl:apply-templates select="$presentation/node()" mode="plain"/></p></section>
        <section class="documents" aria-labelledby="documents-heading">
          <h2 id="documents-heading">The documents</h2>
          <ol class="document-list">
            <xsl:for-each select="$documents">
              <xsl:sort select="te:document-date(.)"/>
              <xsl:call-template name="te:document-card"><xsl:with-param name="tei" select="."/></xsl:call-template>
            </xsl:for-each>
          </ol>
        </section>
    </xsl:variable>
    <xsl:sequence select="map{
      'id': 'index', 'kind': 'home', 'path': 'index.html',
      'title': te:plain(($title-stmt/tei:title[@type = 'main'], $title-stmt/tei:title)[1]),
      'description': te:plain($presentation),
      'main': te:html($main)
    }"/>
  </xsl:template>

  <xd:doc><xd:desc>A document in a list: date, type, author → addressee, title and a one-line summary.</xd:desc></xd:doc>
  <xsl:template name="te:document-card">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="entry" select="key('te:contents', 'doc:' || $tei/@xml:id, $corpus)"/>
    <li class="document-card">
      <p class="card-meta">
        <time datetime="{te:document-date($tei)}"><xsl:value-of select="te:document-date-label($tei)"/></time>
        <xsl:text> · </xsl:text><span class="doc-type"><xsl:value-of select="te:doc-type($tei)"/></span>
      </p>
      <h3><a href="{te:page-of($tei)}"><xsl:value-of select="te:title($tei)"/></a></h3>
      <p class="parties"><xsl:value-of select="te:parties($tei)"/></p>
      <p class="summary"><xsl:value-of select="(($entry/tei:note)[1]/te:plain(.), te:first-sentence(te:plain(($tei//tei:abstract/tei:p)[1])))[1]"/></p>
    </li>
  </xsl:template>

  <xd:doc><xd:desc>"Author → addressee", as plain text.</xd:desc></xd:doc>
  <xsl:function name="te:parties" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="string-join((string-join(te:authors($tei), ', '), string-join(te:addressees($tei), ', ')[.]), ' → ')"/>
  </xsl:function>

  <xd:doc><xd:desc>The first sentence of a text, for one-line summaries.</xd:desc></xd:doc>
  <xsl:function name="te:first-sentence" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="replace($text, '^(.*?[.!?])\s.*$', '$1', 's')"/>
  </xsl:function>

  <xd:doc><xd:desc>A page of the front matter: one division of edition.xml, its notes at the end.</xd:desc></xd:doc>
  <xsl:template name="te:front-page">
    <xsl:param name="div" as="element(tei:div)"/>
    <xsl:variable name="notes" select="te:page-notes($div)"/>
    <xsl:variable name="main" as="element()*">
        <article class="front" id="{$div/@xml:id}">
          <h1><xsl:apply-templates select="$div/tei:head[1]/node()"/></h1>
          <xsl:apply-templates select="$div/node() except $div/tei:head[1]">
            <xsl:with-param name="notes" select="$notes" tunnel="yes"/>
            <xsl:with-param name="heading-offset" select="-1" tunnel="yes"/>
          </xsl:apply-templates>
          <xsl:call-template name="te:apparatus"><xsl:with-param name="notes" select="$notes"/></xsl:call-template>
        </article>
    </xsl:variable>
    <xsl:sequence select="map{
      'id': string($div/@xml:id), 'kind': 'front', 'path': te:page-of($div),
      'title': te:plain($div/tei:head[1]),
      'description': te:first-sentence(te:plain(($div//tei:p)[1])),
      'main': te:html($main)
    }"/>
  </xsl:template>

  <xd:doc><xd:desc>A document page: title, metadata panel, the text with its two views, the apparatus,
    and the document's relations to the others.</xd:desc></xd:doc>
  <xsl:template name="te:document-page">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="notes" select="te:page-notes($tei)"/>
    <xsl:variable name="position" select="$te:position(string($tei/@xml:id))"/>
    <xsl:variable name="main" as="element()*">
        <article class="document" aria-labelledby="document-title">
          <header class="document-header">
            <xsl:call-template name="te:standard-heading"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
            <p class="doc-type"><xsl:value-of select="te:doc-type($tei)"/></p>
            <h1 id="document-title"><xsl:value-of select="te:title($tei)"/></h1>
            <p class="doc-date"><time datetime="{te:document-date($tei)}"><xsl:value-of select="te:document-date-label($tei)"/></time></p>
            <p class="parties"><xsl:value-of select="te:parties($tei)"/></p>
            <xsl:call-template name="te:source-note"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
          </header>
          <xsl:call-template name="te:metadata-panel">
            <xsl:with-param name="tei" select="$tei"/>
            <xsl:with-param name="notes" select="$notes" tunnel="yes"/>
          </xsl:call-template>
          <xsl:call-template name="te:view-switch"/>
          <section class="text" id="text" aria-label="Text of the document">
            <xsl:apply-templates select="$tei/tei:text">
              <xsl:with-param name="notes" select="$notes" tunnel="yes"/>
            </xsl:apply-templates>
          </section>
          <xsl:call-template name="te:apparatus"><xsl:with-param name="notes" select="$notes"/></xsl:call-template>
          <xsl:call-template name="te:relations"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
        </article>
    </xsl:variable>
    <xsl:sequence select="map{
      'id': string($tei/@xml:id), 'kind': 'document', 'path': te:page-of($tei), 'source': string($tei/@xml:base),
      'title': te:title($tei), 'short_title': te:short-title($tei),
      'description': te:first-sentence(te:plain(($tei//tei:abstract/tei:p)[1])),
      'lang': string(($tei/@xml:lang, 'en')[1]),
      'date': te:document-date($tei), 'date_label': te:document-date-label($tei),
      'doc_type': te:doc-type($tei),
      'authors': array{ te:authors($tei) }, 'addressees': array{ te:addressees($tei) },
      'about': array{ distinct-values($tei/tei:text//(tei:persName | tei:orgName)[@ref] ! te:label-of(te:target(@ref, .))) },
      'persons': array{ sort(distinct-values($tei/tei:text//(tei:persName | tei:rs[@type = 'person'])[starts-with(@ref, 'psn:')] ! te:label-of(te:target(@ref, .)))) },
      'prev': if ($position gt 1) then te:page-link($documents[$position - 1]) else (),
      'next': if ($position lt count($documents)) then te:page-link($documents[$position + 1]) else (),
      'main': te:html($main)
    }"/>
  </xsl:template>

  <xd:doc><xd:desc>A link to a page as a map: path and title (for previous/next).</xd:desc></xd:doc>
  <xsl:function name="te:page-link" as="map(*)">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="map{'path': te:page-of($tei), 'title': te:short-title($tei)}"/>
  </xsl:function>

  <xd:doc><xd:desc>The switch between the reading and the diplomatic view: two radio buttons, which the
    CSS reads (no script needed); script remembers the choice and puts it in the URL.</xd:desc></xd:doc>
  <xsl:template name="te:view-switch">
    <fieldset class="view-switch">
      <legend>View</legend>
      <input type="radio" name="view" id="view-reading" value="reading" checked="checked"/>
      <label for="view-reading">Reading <span class="hint">(corrections applied)</span></label>
      <input type="radio" name="view" id="view-diplomatic" value="diplomatic"/>
      <label for="view-diplomatic">Diplomatic <span class="hint">(the source as it stands)</span></label>
    </fieldset>
  </xsl:template>

  <xd:doc><xd:desc>The document's relations to other documents and to absent ones, read from either end.</xd:desc></xd:doc>
  <xsl:template name="te:relations">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="self" select="'doc:' || $tei/@xml:id"/>
    <xsl:variable name="relations" select="key('te:relations', $self, $corpus)"/>
    <xsl:if test="exists($relations)">
      <section class="relations" aria-labelledby="relations-heading">
        <h2 id="relations-heading">Related documents</h2>
        <ul>
          <xsl:for-each-group select="$relations" group-by="string-join((@name, @active, @passive, @mutual), '|')">
            <xsl:variable name="relation" select="current-group()[1]"/>
            <xsl:variable name="labels" select="$te:relation-labels($relation/@name)"/>
            <xsl:variable name="active" select="tokenize($relation/@active) = $self"/>
            <xsl:for-each select="tokenize(normalize-space(string-join(($relation/@active, $relation/@passive, $relation/@mutual), ' ')))[. ne $self]">
              <xsl:variable name="target" select="te:target(., $tei)"/>
              <li>
                <span class="relation"><xsl:value-of select="if ($active or $relation/@mutual) then $labels[1] else $labels[2]"/>:</span>
                <xsl:text> </xsl:text>
                <xsl:choose>
                  <xsl:when test="$target"><a href="{te:link($target, te:page-of($tei))}"><xsl:value-of select="te:label-of($target)"/></a></xsl:when>
                  <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
                </xsl:choose>
              </li>
            </xsl:for-each>
          </xsl:for-each-group>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <xd:doc><xd:desc>A register page: its title, then every entry, in alphabetical order of the main name.</xd:desc></xd:doc>
  <xsl:template name="te:register-page">
    <xsl:param name="register" as="element(tei:TEI)"/>
    <xsl:variable name="entries" select="$register/tei:standOff//(tei:person | tei:org | tei:place | tei:event | tei:bibl[@xml:id])"/>
    <xsl:variable name="title" select="te:title($register)"/>
    <xsl:variable name="main" as="element()*">
        <article class="register" aria-labelledby="register-title">
          <h1 id="register-title"><xsl:value-of select="$title"/></h1>
          <p class="register-count"><xsl:value-of select="count($entries)"/> entries, in alphabetical order.</p>
          <xsl:apply-templates select="$entries">
            <xsl:sort select="lower-case(te:sort-key(.))"/>
          </xsl:apply-templates>
        </article>
    </xsl:variable>
    <xsl:sequence select="map{
      'id': string($register/@xml:id), 'kind': 'register', 'path': te:page-of($register),
      'title': $title, 'short_title': te:short-title($register),
      'description': $title || ': ' || count($entries) || ' entries, with every occurrence in the documents.',
      'main': te:html($main)
    }"/>
  </xsl:template>

  <xd:doc><xd:desc>How an entry sorts: surname first for persons, else the main name.</xd:desc></xd:doc>
  <xsl:function name="te:sort-key" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="main" select="($entry/(tei:persName | tei:orgName | tei:placeName | tei:label | tei:title)[@type = 'main'], $entry/(tei:persName | tei:orgName | tei:placeName | tei:label | tei:title))[1]"/>
    <xsl:sequence select="normalize-space(string-join(($main/tei:surname, te:plain($main)), ' '))"/>
  </xsl:function>
</xsl:stylesheet>
