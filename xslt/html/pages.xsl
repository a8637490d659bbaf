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
    <xsl:variable name="edition" as="map(*)"><xsl:call-template name="te:edition"/></xsl:variable>
    <xsl:variable name="presentation" select="($front/tei:teiHeader//tei:abstract/tei:p, ($front//tei:div[@type = 'introduction']//tei:p)[1])[1]"/>
    <xsl:variable name="main" as="element()*">
        <header class="edition-header">
          <h1><xsl:apply-templates select="($title-stmt/tei:title[@type = 'main'], $title-stmt/tei:title)[1]/node()"/></h1>
          <xsl:for-each select="$title-stmt/tei:title[@type = 'sub']"><p class="subtitle"><xsl:apply-templates/></p></xsl:for-each>
          <p class="editors"><xsl:value-of select="te:t('Edited by')"/><xsl:text> </xsl:text><xsl:value-of select="string-join($edition?editors_in_sentence?*, ', ')"/></p>
        </header>
        <section class="presentation" aria-label="{te:t('Presentation')}"><p><xsl:apply-templates select="$presentation/node()" mode="plain"/></p></section>
        <section class="documents" aria-labelledby="documents-heading">
          <h2 id="documents-heading"><xsl:value-of select="te:t('Calendar of the documents')"/></h2>
          <xsl:if test="exists($te:events)">
            <p class="calendar-note"><a href="chronology.html"><xsl:value-of select="te:t('The chronology sets the documents among the events they name.')"/></a></p>
          </xsl:if>
          <ol class="document-list">
            <xsl:for-each select="$documents">
              <xsl:sort select="te:document-date(.)"/>
              <xsl:call-template name="te:document-card"><xsl:with-param name="tei" select="."/></xsl:call-template>
            </xsl:for-each>
          </ol>
        </section>
        <!-- the edition's own statement of rights, text by text: the documents' headers point to its paragraphs -->
        <xsl:variable name="availability" select="$front/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:availability[tei:p]"/>
        <xsl:if test="exists($availability)">
          <section class="rights" aria-labelledby="rights-heading">
            <h2 id="rights-heading"><xsl:value-of select="te:t('Licence')"/></h2>
            <xsl:for-each select="$availability/tei:licence"><p><xsl:apply-templates/></p></xsl:for-each>
            <xsl:apply-templates select="$availability/tei:p"/>
          </section>
        </xsl:if>
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
      <!-- named as its page's heading names it (review 18j #2: the source's title here, another name elsewhere) -->
      <h3><a href="{te:page-of($tei)}"><xsl:value-of select="te:listed-title($tei)"/></a></h3>
      <xsl:call-template name="te:parties-line"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
      <!-- a calendar's entry: its summary in one sentence -->
      <p class="summary"><xsl:value-of select="te:first-sentence((($entry/tei:note)[1]/te:plain(.), te:plain(($tei//tei:abstract/tei:p)[1]))[1])"/></p>
    </li>
  </xsl:template>

  <xd:doc><xd:desc>"Author → addressee", as plain text.</xd:desc></xd:doc>
  <xsl:function name="te:parties" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="string-join((string-join(te:senders($tei), ', '), string-join(te:addressees($tei), ', ')[.]), ' → ')"/>
  </xsl:function>

  <xd:doc><xd:desc>"Sender → addressee" on a page, each party isolated (bdi), so that names in a
    right-to-left script keep their commas on their own side in a left-to-right line.</xd:desc></xd:doc>
  <xsl:template name="te:parties-line">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="from" select="string-join(te:senders($tei), ', ')"/>
    <xsl:variable name="to" select="string-join(te:addressees($tei), ', ')"/>
    <p class="parties">
      <xsl:if test="$from"><bdi><xsl:value-of select="$from"/></bdi></xsl:if>
      <xsl:if test="$from and $to"> → </xsl:if>
      <xsl:if test="$to"><xsl:if test="not($from)">→ </xsl:if><bdi><xsl:value-of select="$to"/></bdi></xsl:if>
    </p>
  </xsl:template>

  <xd:doc><xd:desc>The first sentence of a text, for one-line summaries.</xd:desc></xd:doc>
  <xsl:function name="te:first-sentence" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <!-- a full stop ends a sentence after a word of two letters or more and before a capital:
         not the initial of "M. Rajavi", not "No. 222" -->
    <xsl:sequence select="replace($text, '^(.*?\w\w[.!?][”’&quot;)]?)\s+\p{Lu}.*$', '$1', 's')"/>
  </xsl:function>

  <xd:doc><xd:desc>A page of the front matter: one division of edition.xml, its notes at the end.</xd:desc></xd:doc>
  <xsl:template name="te:front-page">
    <xsl:param name="div" as="element(tei:div)"/>
    <xsl:variable name="notes" select="te:page-notes($div)"/>
    <xsl:variable name="main" as="element()*">
        <article class="front" id="{$div/@xml:id}">
          <h1><xsl:apply-templates select="$div/tei:head[1]/node()"/></h1>
          <xsl:apply-templates select="$div/node() except $div/tei:head[1]">
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
            <xsl:call-template name="te:document-titles">
              <xsl:with-param name="tei" select="$tei"/>
              <xsl:with-param name="id" select="'document-title'"/>
            </xsl:call-template>
            <p class="doc-date"><time datetime="{te:document-date($tei)}"><xsl:value-of select="te:document-date-label($tei)"/></time></p>
            <xsl:call-template name="te:parties-line"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
            <xsl:call-template name="te:source-note"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
          </header>
          <xsl:call-template name="te:toolbar">
            <xsl:with-param name="tei" select="$tei"/>
            <xsl:with-param name="notes" select="exists($notes)"/>
          </xsl:call-template>
          <!-- the documents' own words weigh more in the search than what registers, apparatus and
               front matter say about them: a document ranks above the pages that name it -->
          <section class="text" id="text" aria-label="{te:t('Text of the document')}" data-pagefind-weight="8">
            <xsl:sequence select="te:lang-attributes($tei)"/>
            <xsl:apply-templates select="$tei/tei:text, $tei/tei:TEI"/>
          </section>
          <xsl:call-template name="te:metadata-panel"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
          <xsl:call-template name="te:legend"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
          <xsl:call-template name="te:document-registers"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
          <xsl:call-template name="te:apparatus"><xsl:with-param name="notes" select="$notes"/></xsl:call-template>
          <xsl:call-template name="te:relations"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
        </article>
    </xsl:variable>
    <!-- the names the document itself uses, not those the editors' notes on it use -->
    <xsl:variable name="named" select="$tei/tei:text//(tei:persName | tei:orgName | tei:rs)[@ref][not(ancestor::tei:note[te:is-ours(.)])]"/>
    <xsl:sequence select="map{
      'id': string($tei/@xml:id), 'kind': 'document', 'path': te:page-of($tei), 'source': string($tei/@xml:base),
      'title': te:title($tei), 'short_title': te:short-title($tei), 'numbered_short_title': te:numbered-short-title($tei), 'heading': te:standard-heading($tei), 'listed_title': te:listed-title($tei),
      'description': te:first-sentence(te:plain(($tei//tei:abstract/tei:p)[1])),
      'lang': string(($tei/@xml:lang, 'en')[1]),
      'date': te:document-date($tei), 'date_label': te:document-date-label($tei),
      'doc_type': te:doc-type($tei), 'archive': te:archive($tei), 'archive_location': te:archive-location($tei),
      'authors': array{ te:authors($tei) }, 'author_names': array{ te:author-names($tei) }, 'translator_names': array{ te:translator-names($tei) }, 'addressees': array{ te:addressees($tei) },
      'about': array{ distinct-values($named[self::tei:persName or self::tei:orgName] ! te:target(@ref, .) ! te:label-of(.)) },
      'persons': array{ sort(distinct-values($named[self::tei:persName or self::tei:rs[@type = 'person']][starts-with(@ref, 'psn:')] ! te:target(@ref, .) ! te:label-of(.))) },
      'prev': if ($position gt 1) then te:page-link($documents[$position - 1]) else (),
      'next': if ($position lt count($documents)) then te:page-link($documents[$position + 1]) else (),
      'main': te:html($main)
    }"/>
  </xsl:template>

  <xd:doc><xd:desc>A link to a page as a map: path and title (for previous/next).</xd:desc></xd:doc>
  <xsl:function name="te:page-link" as="map(*)">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="map{'path': te:page-of($tei), 'title': te:numbered-short-title($tei)}"/>
  </xsl:function>

  <xd:doc><xd:desc>The document's toolbar, which stays at the top of the window while the text is
    read: the view switch, the outline (the text's headings), the notes, the citation.</xd:desc></xd:doc>
  <xsl:template name="te:toolbar">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:param name="notes" as="xs:boolean"/>
    <div class="toolbar">
      <xsl:call-template name="te:view-switch"/>
      <nav class="toolbar-links" aria-label="{te:t('This document')}">
        <details class="outline">
          <summary><xsl:value-of select="te:t('Outline')"/></summary>
          <ol>
            <li><a href="#text"><xsl:value-of select="te:t('Text')"/></a>
              <xsl:variable name="heads" select="$tei/tei:text//tei:head[not(ancestor::tei:note | ancestor::tei:figure | ancestor::tei:list)][normalize-space()]"/>
              <xsl:if test="exists($heads)">
                <ol>
                  <xsl:for-each select="$heads">
                    <xsl:variable name="target" select="(@xml:id, parent::*/@xml:id)[1]"/>
                    <xsl:if test="$target"><li><a href="#{$target}"><xsl:value-of select="te:plain(.)"/></a></li></xsl:if>
                  </xsl:for-each>
                </ol>
              </xsl:if>
            </li>
            <li><a href="#about"><xsl:value-of select="te:t('About this document')"/></a></li>
            <xsl:if test="$notes"><li><a href="#apparatus-heading"><xsl:value-of select="te:t('Notes')"/></a></li></xsl:if>
            <li><a href="#legend"><xsl:value-of select="te:t('Signs used on this page')"/></a></li>
            <li><a href="#cite"><xsl:value-of select="te:t('Cite')"/></a></li>
          </ol>
        </details>
        <xsl:if test="$notes"><a href="#apparatus-heading"><xsl:value-of select="te:t('Notes')"/></a></xsl:if>
        <a href="#legend"><xsl:value-of select="te:t('Signs')"/></a>
        <a href="#cite"><xsl:value-of select="te:t('Cite')"/></a>
      </nav>
    </div>
  </xsl:template>

  <xd:doc><xd:desc>The legend of the signs the page uses, each drawn as the text draws it; a sign
    the document does not use is not listed.</xd:desc></xd:doc>
  <xsl:template name="te:legend">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="text" select="$tei/tei:text"/>
    <section class="legend" id="legend" aria-labelledby="legend-heading">
      <h2 id="legend-heading"><xsl:value-of select="te:t('Signs used on this page')"/></h2>
      <dl>
        <dt><span class="legend-sample">12</span></dt>
        <dd><xsl:value-of select="te:t('The number of a passage, as the registers cite it (“¶ 12”).')"/></dd>
        <dt><span class="legend-sample">¶</span></dt>
        <dd><xsl:value-of select="te:t('Beside a passage: its link, and its citation to copy.')"/></dd>
        <!-- the samples are the page's own words: another edition's names would mean nothing here -->
        <xsl:variable name="names" select="($text//(tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs)[@ref][normalize-space()])[position() le 50] ! te:text-of(.)"/>
        <xsl:if test="exists($names)">
          <dt><span class="legend-sample legend-name"><xsl:value-of select="(sort($names, (), string-length#1)[string-length(.) ge 4], $names)[1]"/></span></dt>
          <dd><xsl:value-of select="te:t('A name: it leads to its entry in a register.')"/></dd>
        </xsl:if>
        <!-- a correction in the summary or the description is on the page too (review 18k) -->
        <xsl:if test="$tei//tei:choice">
          <dt><span class="legend-sample legend-intervention"><xsl:value-of select="(sort(($tei//tei:choice/(tei:corr, tei:reg, tei:expan)[1][normalize-space()])[position() le 50] ! te:text-of(.), (), string-length#1)[string-length(.) ge 4], te:t('Paris'))[1]"/></span></dt>
          <dd><xsl:value-of select="te:t('A word the editors corrected, regularised or expanded: point at it, focus it or tap it to see what the source has, and why. The diplomatic view shows the source’s own reading.')"/></dd>
        </xsl:if>
        <xsl:if test="$text//tei:note[not(@type = 'authorial')]">
          <dt><span class="legend-sample legend-call">7</span></dt>
          <dd><xsl:value-of select="te:t('A note of the editors or of the translator: it opens in place.')"/></dd>
        </xsl:if>
        <xsl:if test="$text//tei:note[@type = 'authorial']">
          <dt><span class="legend-sample legend-call">[*1]</span></dt>
          <dd><xsl:value-of select="te:t('A note of the source itself, numbered or marked as the source has it.')"/></dd>
        </xsl:if>
        <xsl:if test="$text//tei:pb">
          <dt><span class="legend-sample legend-pb"><span class="pb-sign">|</span><xsl:text> </xsl:text><xsl:value-of select="te:t('page break')"/></span></dt>
          <dd><xsl:value-of select="te:t('Where a new page of the source begins, in both views. Its number is shown only where the source gives one.')"/></dd>
        </xsl:if>
        <xsl:if test="$text//tei:add">
          <dt><span class="legend-sample legend-add"><xsl:value-of select="te:t('added')"/></span></dt>
          <dd><xsl:value-of select="te:t('Words added by hand on the typescript.')"/></dd>
        </xsl:if>
        <xsl:if test="$text//(tei:stamp | tei:fw[@type = 'stamp'])">
          <dt><span class="legend-sample legend-stamp"><xsl:value-of select="te:t('Stamp')"/></span></dt>
          <dd><xsl:value-of select="te:t('A stamp on the source, transcribed where it stands.')"/></dd>
        </xsl:if>
        <xsl:if test="$text//tei:gap">
          <dt><span class="legend-sample legend-gap"><xsl:value-of select="te:t('signature')"/></span></dt>
          <dd><xsl:value-of select="te:t('Something in the source that is not transcribed (a signature, a passage left out), named in italics.')"/></dd>
        </xsl:if>
      </dl>
    </section>
  </xsl:template>

  <xd:doc><xd:desc>The switch between the reading and the diplomatic view: two radio buttons, which the
    CSS reads (no script needed); script remembers the choice and puts it in the URL.</xd:desc></xd:doc>
  <xsl:template name="te:view-switch">
    <fieldset class="view-switch">
      <legend><xsl:value-of select="te:t('View')"/></legend>
      <input type="radio" name="view" id="view-reading" value="reading" checked="checked"/>
      <label for="view-reading"><xsl:value-of select="te:t('Reading')"/><xsl:text> </xsl:text><span class="hint"><xsl:value-of select="te:t('(corrections applied)')"/></span></label>
      <input type="radio" name="view" id="view-diplomatic" value="diplomatic"/>
      <label for="view-diplomatic"><xsl:value-of select="te:t('Diplomatic')"/><xsl:text> </xsl:text><span class="hint"><xsl:value-of select="te:t('(the source as it stands)')"/></span></label>
    </fieldset>
  </xsl:template>

  <xd:doc><xd:desc>The document's relations to other documents and to absent ones, read from either end.</xd:desc></xd:doc>
  <xsl:template name="te:relations">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="self" select="'doc:' || $tei/@xml:id"/>
    <xsl:variable name="relations" select="key('te:relations', $self, $corpus)"/>
    <xsl:if test="exists($relations)">
      <section class="relations" aria-labelledby="relations-heading">
        <h2 id="relations-heading"><xsl:value-of select="te:t('Related documents')"/></h2>
        <ul>
          <xsl:for-each-group select="$relations" group-by="string-join((@name, @active, @passive, @mutual), '|')">
            <xsl:variable name="relation" select="current-group()[1]"/>
            <xsl:variable name="labels" select="$te:relation-labels($relation/@name)"/>
            <xsl:variable name="active" select="tokenize($relation/@active) = $self"/>
            <xsl:for-each select="tokenize(normalize-space(string-join(($relation/@active, $relation/@passive, $relation/@mutual), ' ')))[. ne $self]">
              <xsl:variable name="target" select="te:target(., $tei)"/>
              <li>
                <span class="relation"><xsl:value-of select="te:t(if ($active or $relation/@mutual) then $labels[1] else $labels[2])"/>:</span>
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
          <xsl:variable name="by-date" select="exists($entries) and empty($entries[not(self::tei:event)])"/>
          <p class="register-count">
            <xsl:value-of select="replace(if ($by-date) then te:t('{n} entries, in order of date.') else te:t('{n} entries, in alphabetical order.'), '{n}', string(count($entries)), 'q')"/>
            <xsl:if test="$by-date and exists($te:events)">
              <xsl:text> </xsl:text>
              <a href="chronology.html"><xsl:value-of select="te:t('The chronology sets them among the documents’ own dates.')"/></a>
            </xsl:if>
          </p>
          <!-- events in order of time (undated ones last, by name); other entries by name -->
          <xsl:apply-templates select="$entries">
            <xsl:sort select="if ($by-date) then (te:event-start(.)[.], '~')[1] else ''"/>
            <xsl:sort select="lower-case(te:sort-key(.))"/>
          </xsl:apply-templates>
          <!-- the registers' headings, notes, entries without an id: after the entries, in their order -->
          <xsl:apply-templates select="te:left-out($register/tei:standOff, $entries)"/>
        </article>
    </xsl:variable>
    <xsl:sequence select="map{
      'id': string($register/@xml:id), 'kind': 'register', 'path': te:page-of($register),
      'title': $title, 'short_title': te:short-title($register),
      'description': $title || ': ' || replace(te:t('{n} entries, with every occurrence in the documents.'), '{n}', string(count($entries)), 'q'),
      'main': te:html($main)
    }"/>
  </xsl:template>

  <xd:doc><xd:desc>How an entry sorts: surname first for persons, else the main name.</xd:desc></xd:doc>
  <xsl:function name="te:sort-key" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="main" select="($entry/(tei:persName | tei:orgName | tei:placeName | tei:label | tei:title)[@type = 'main'], $entry/(tei:persName | tei:orgName | tei:placeName | tei:label | tei:title))[1]"/>
    <xsl:sequence select="te:filing-form(string-join(($main/tei:surname, te:plain($main)), ' '))"/>
  </xsl:function>
</xsl:stylesheet>
