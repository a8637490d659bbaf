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
    <xd:desc>The TEI header (Guidelines ch. 2, 10): the metadata panel of a document page —
      title, date, author and addressee, archive and shelfmark with leaves, languages and the
      chain of translation, contributors and translators, source link, licence — and the
      plain values the page shell needs (title, description, authors).</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>The parts of a header the panel shows; their notes join the page's apparatus.</xd:desc></xd:doc>
  <xsl:function name="te:panel-parts" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="h" select="$tei/self::tei:TEI/tei:teiHeader"/>
    <!-- in the order the panel shows them, so that note numbers run in reading order -->
    <xsl:sequence select="
      ($h/tei:fileDesc/tei:titleStmt/tei:title[@type = 'main'], $h/tei:fileDesc/tei:titleStmt/tei:title)[1],
      $h/tei:profileDesc/tei:creation,
      $h/tei:fileDesc/tei:titleStmt/tei:author,
      $h/tei:profileDesc/tei:correspDesc,
      $h/tei:fileDesc/tei:sourceDesc/tei:msDesc,
      te:source-rest($h), te:profile-rest($h),
      $h/tei:profileDesc/tei:langUsage,
      $h/tei:fileDesc/tei:titleStmt/tei:respStmt,
      $h/tei:fileDesc/tei:sourceDesc/tei:bibl,
      $h/tei:fileDesc/tei:publicationStmt/tei:availability,
      $h/tei:profileDesc/tei:abstract"/>
  </xsl:function>

  <xd:doc><xd:desc>What a header's source description holds besides the manuscript and the printed
    source the panel shows (witnesses with their own descriptions, lists of sources, recordings).</xd:desc></xd:doc>
  <xsl:function name="te:source-rest" as="element()*">
    <xsl:param name="header" as="element(tei:teiHeader)?"/>
    <xsl:sequence select="$header/tei:fileDesc/tei:sourceDesc/(* except (tei:msDesc, tei:bibl))[normalize-space()]"/>
  </xsl:function>

  <xd:doc><xd:desc>What a header's profile holds besides what the panel shows (the participants of a
    play or a conversation, settings, the text's situation).</xd:desc></xd:doc>
  <xsl:function name="te:profile-rest" as="element()*">
    <xsl:param name="header" as="element(tei:teiHeader)?"/>
    <xsl:sequence select="$header/tei:profileDesc/(* except (tei:creation, tei:correspDesc, tei:langUsage, tei:abstract, tei:textClass))[normalize-space()]"/>
  </xsl:function>

  <xd:doc><xd:desc>The document's main title as plain text.</xd:desc></xd:doc>
  <xsl:function name="te:title" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="titles" select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title"/>
    <xsl:sequence select="normalize-space(string-join(($titles[@type = 'main'], $titles)[1]/te:plain(.)))"/>
  </xsl:function>

  <xd:doc><xd:desc>The document's short title (running heads, links), falling back to the main title.</xd:desc></xd:doc>
  <xsl:function name="te:short-title" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="short" select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'short']"/>
    <xsl:sequence select="if ($short) then normalize-space(te:plain($short[1])) else te:title($tei)"/>
  </xsl:function>

  <xd:doc><xd:desc>How a compact list names a document (the search's filter, the registers, the
    chronology, the requests and answers, the menu): its number and short title, "3. Message to Rajavi,
    16 February 1986", so that it is matched with the numbered heading of its page (review 18j #2).</xd:desc></xd:doc>
  <xsl:function name="te:numbered-short-title" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="string-join((te:doc-number($tei)[.], te:short-title($tei)), '. ')"/>
  </xsl:function>

  <xd:doc><xd:desc>The plain text of an element as a reader sees it: corrections applied, no notes.</xd:desc></xd:doc>
  <xsl:function name="te:plain" as="xs:string">
    <xsl:param name="element" as="element()?"/>
    <xsl:variable name="text"><xsl:apply-templates select="$element/node()" mode="plain"/></xsl:variable>
    <xsl:sequence select="normalize-space($text)"/>
  </xsl:function>

  <xd:doc><xd:desc>Plain text leaves out notes and the source side of a choice.</xd:desc></xd:doc>
  <xsl:template match="tei:note | tei:sic | tei:orig | tei:choice/tei:abbr" mode="plain"/>

  <xd:doc><xd:desc>The document type, from its classification in the edition's taxonomy.</xd:desc></xd:doc>
  <xsl:function name="te:doc-type" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="category" select="te:target(($tei//tei:textClass/tei:catRef/@target)[1], $tei)"/>
    <!-- a category reads "Telegram: the text of …"; the type is the part before the colon -->
    <xsl:sequence select="normalize-space(substring-before(normalize-space(($category/tei:catDesc, te:t('Document'))[1]) || ':', ':'))"/>
  </xsl:function>

  <xd:doc><xd:desc>Authors as plain names.</xd:desc></xd:doc>
  <xsl:function name="te:authors" as="xs:string*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:author ! te:plain(.)"/>
  </xsl:function>

  <xd:doc><xd:desc>Who wrote or sent the document: its authors, else the sending party of its
    correspondence description (name and place, as CMIF gives them).</xd:desc></xd:doc>
  <xsl:function name="te:senders" as="xs:string*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="authors" select="te:authors($tei)[.]"/>
    <xsl:sequence select="if (exists($authors)) then $authors
      else $tei//tei:correspDesc/tei:correspAction[@type = 'sent']/*[not(self::tei:date)] ! te:plain(.)"/>
  </xsl:function>

  <xd:doc><xd:desc>Authors as citation names (CSL-JSON): a person's family and given name, the
    family name from the name's own surname or the register entry's main name, the given name as
    the document writes it ("R."); a body, or a name that cannot be split, stays one literal.</xd:desc></xd:doc>
  <xsl:function name="te:author-names" as="map(*)*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:author ! te:csl-name(.)"/>
  </xsl:function>

  <xd:doc><xd:desc>The translators of a document as CSL-JSON names, in the order of the language
    chain (te:translations): the persons of its titleStmt's translation statements.</xd:desc></xd:doc>
  <xsl:function name="te:translator-names" as="map(*)*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="te:translation-statements($tei) ! tei:persName ! te:csl-name(.)"/>
  </xsl:function>

  <xd:doc><xd:desc>One name as CSL-JSON: a person's family and given names (the surname its
    register entry marks, else the last word), a body's name as a literal.</xd:desc></xd:doc>
  <xsl:function name="te:csl-name" as="map(*)">
    <xsl:param name="holder" as="element()"/>
    <xsl:variable name="person" select="($holder/self::tei:persName, $holder/tei:persName, $holder[not(tei:orgName)][tei:surname])[1]"/>
    <xsl:variable name="shown" select="te:plain($holder)"/>
    <xsl:variable name="entry" select="$person/@ref ! te:target(., $person)"/>
    <xsl:variable name="family" select="($person//tei:surname, $entry/tei:persName[@type = 'main']//tei:surname)[1] ! te:plain(.)"/>
    <xsl:variable name="words" select="tokenize($shown)"/>
    <xsl:sequence select="
      if (empty($person)) then map{'literal': $shown}
      else if ($family and ends-with($shown, ' ' || $family)) then map{'family': $family, 'given': normalize-space(substring($shown, 1, string-length($shown) - string-length($family)))}
      else if (count($words) gt 1 and empty($family)) then map{'family': $words[last()], 'given': string-join($words[position() lt last()], ' ')}
      else map{'literal': $shown}"/>
  </xsl:function>

  <xd:doc><xd:desc>Addressees: the receiving party of the correspondence description.</xd:desc></xd:doc>
  <xsl:function name="te:addressees" as="xs:string*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="$tei//tei:correspDesc/tei:correspAction[@type = 'received']/*[not(self::tei:date)] ! te:plain(.)"/>
  </xsl:function>

  <xd:doc><xd:desc>The full description of a document ("About this document"), after its text: a description list, then the summary.</xd:desc></xd:doc>
  <xsl:template name="te:metadata-panel">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="file" select="$tei/tei:teiHeader/tei:fileDesc"/>
    <xsl:variable name="profile" select="$tei/tei:teiHeader/tei:profileDesc"/>
    <xsl:variable name="ms" select="$file/tei:sourceDesc/tei:msDesc"/>
    <!-- after the text, in every output: the source note heads the document, the full description follows
         the text, and its notes are numbered after the text's (te:page-notes) -->
    <section class="metadata" id="about" aria-labelledby="metadata-heading">
      <h2 id="metadata-heading"><xsl:value-of select="te:t('About this document')"/></h2>
      <dl>
        <dt><xsl:value-of select="te:t('Title')"/></dt>
        <dd><xsl:apply-templates select="($file/tei:titleStmt/tei:title[@type = 'main'], $file/tei:titleStmt/tei:title)[1]/node()"/></dd>
        <!-- a row only for what the header gives: empty rows put the labels out of step with the values -->
        <xsl:choose>
          <xsl:when test="$profile/tei:creation[normalize-space() or .//@when]">
            <dt><xsl:value-of select="te:t('Date')"/></dt>
            <dd><xsl:apply-templates select="$profile/tei:creation/node()"/></dd>
          </xsl:when>
          <!-- a letter dated only by its sending (CMIF) -->
          <xsl:when test="te:dating($tei)">
            <dt><xsl:value-of select="te:t('Date')"/></dt>
            <dd dir="auto"><xsl:apply-templates select="te:dating($tei)"/></dd>
          </xsl:when>
        </xsl:choose>
        <xsl:if test="$file/tei:titleStmt/tei:author">
          <dt><xsl:value-of select="te:t('Author')"/></dt>
          <xsl:for-each select="$file/tei:titleStmt/tei:author"><dd><xsl:apply-templates/></dd></xsl:for-each>
        </xsl:if>
        <!-- the sender too where no author is named (a letter described as CMIF describes it) -->
        <xsl:for-each-group select="$profile/tei:correspDesc/tei:correspAction[not(@type = 'sent') or empty($file/tei:titleStmt/tei:author)]" group-by="@type">
          <dt><xsl:value-of select="te:correspondence-label(current-grouping-key())"/></dt>
          <xsl:for-each select="current-group()"><dd dir="auto"><xsl:apply-templates select="*[not(self::tei:date)]" mode="te:inline-list"/></dd></xsl:for-each>
        </xsl:for-each-group>
        <xsl:if test="$ms">
          <dt><xsl:value-of select="te:t('Archive')"/></dt>
          <dd class="shelfmark"><xsl:apply-templates select="$ms/tei:msIdentifier" mode="te:shelfmark"/><xsl:apply-templates select="($ms//tei:locus)[1]" mode="te:shelfmark"/></dd>
          <!-- the other identifiers (a microfilm) beside the shelfmark, in the order of the TEI, which numbers their notes -->
          <xsl:for-each select="$ms/tei:msIdentifier/tei:altIdentifier">
            <dt><xsl:value-of select="(te:field-label(.)[.], te:t('Description'))[1]"/></dt>
            <dd><xsl:apply-templates select="."/></dd>
          </xsl:for-each>
          <xsl:for-each select="$ms/tei:msContents/tei:msItem">
            <dt><xsl:value-of select="te:t('Contents')"/></dt>
            <!-- author, title…: a list; the item's notes follow as markers -->
            <dd><xsl:apply-templates select="* except (tei:locus, tei:textLang, tei:note)" mode="te:inline-list"/><xsl:apply-templates select="tei:note"/></dd>
          </xsl:for-each>
          <dt><xsl:value-of select="te:t('Physical description')"/></dt>
          <dd><xsl:apply-templates select="$ms/tei:physDesc//tei:p | $ms/tei:physDesc//tei:handNote | $ms/tei:history/tei:origin"/></dd>
          <!-- every other part of the description (place, other identifiers, condition, provenance…) under its own name -->
          <xsl:for-each select="te:left-out($ms, ($ms/tei:msIdentifier/(tei:settlement, tei:institution, tei:repository, tei:collection, tei:idno, tei:altIdentifier), ($ms//tei:locus)[1],
              $ms/tei:msContents/tei:msItem/(* except (tei:locus, tei:textLang)), $ms/tei:physDesc//(tei:p | tei:handNote), $ms/tei:history/tei:origin))">
            <dt><xsl:value-of select="(te:field-label(.)[.], te:t('Description'))[1]"/></dt>
            <dd><xsl:apply-templates select="."/></dd>
          </xsl:for-each>
        </xsl:if>
        <xsl:for-each select="te:source-rest($tei/tei:teiHeader), te:profile-rest($tei/tei:teiHeader)">
          <dt><xsl:value-of select="te:field-label(.)"/></dt>
          <dd><xsl:apply-templates select="."/></dd>
        </xsl:for-each>
        <xsl:if test="$profile/tei:langUsage/tei:language">
          <dt><xsl:value-of select="te:t('Languages')"/></dt>
          <dd><ul class="plain"><xsl:for-each select="$profile/tei:langUsage/tei:language"><li><xsl:apply-templates/></li></xsl:for-each></ul></dd>
        </xsl:if>
        <xsl:if test="$file/tei:titleStmt/tei:respStmt">
          <dt><xsl:value-of select="te:t('Contributors')"/></dt>
          <xsl:for-each select="$file/tei:titleStmt/tei:respStmt">
            <!-- TEI lets the names come before the responsibilities, and either be several -->
            <xsl:variable name="resp" select="string-join(tei:resp ! normalize-space(.), ', ')"/>
            <dd><xsl:value-of select="te:capitalised($resp)"/><xsl:text> </xsl:text><xsl:apply-templates select="* except tei:resp" mode="te:inline-list"/></dd>
          </xsl:for-each>
        </xsl:if>
        <xsl:if test="$file/tei:sourceDesc/tei:bibl">
          <dt><xsl:value-of select="te:t('Source')"/></dt>
        </xsl:if>
        <xsl:for-each select="$file/tei:sourceDesc/tei:bibl">
          <!-- a bibl of elements only (title, date, publisher…) is read as a list of them -->
          <dd class="source">
            <xsl:choose>
              <xsl:when test="text()[normalize-space()]"><xsl:apply-templates/></xsl:when>
              <xsl:otherwise><xsl:apply-templates select="* except tei:note" mode="te:inline-list"/><xsl:apply-templates select="tei:note"/></xsl:otherwise>
            </xsl:choose>
          </dd>
        </xsl:for-each>
        <xsl:if test="$file/tei:publicationStmt/tei:availability[normalize-space()]">
          <dt><xsl:value-of select="te:t('Licence')"/></dt>
          <dd><xsl:apply-templates select="$file/tei:publicationStmt/tei:availability/node()"/></dd>
        </xsl:if>
      </dl>
      <xsl:if test="$profile/tei:abstract">
        <h3><xsl:value-of select="te:t('Summary')"/></h3>
        <xsl:apply-templates select="$profile/tei:abstract/node()"/>
      </xsl:if>
    </section>
  </xsl:template>

  <xd:doc><xd:desc>A phrase with its first letter in capitals.</xd:desc></xd:doc>
  <xsl:function name="te:capitalised" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="upper-case(substring($text, 1, 1)) || substring($text, 2)"/>
  </xsl:function>

  <xd:doc><xd:desc>A statement of responsibility, wherever it stands: what was done, a space, and
    who did it ("contributed by Roham Alvandi"), however the TEI is laid out.</xd:desc></xd:doc>
  <xsl:template match="tei:respStmt" priority="1">
    <xsl:call-template name="te:inline">
      <xsl:with-param name="content" as="item()*">
        <xsl:apply-templates select="tei:resp"/>
        <xsl:text> </xsl:text>
        <xsl:apply-templates select="tei:resp/following-sibling::*" mode="te:inline-list"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>Labels of the parties of a correspondence, by the type of their action.</xd:desc></xd:doc>
  <xsl:function name="te:correspondence-label" as="xs:string">
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="te:t((map{'sent': 'Sender', 'received': 'Addressee', 'transmitted': 'Transmitted by', 'forwarded': 'To be passed on to'}($type), 'Correspondent')[1])"/>
  </xsl:function>

  <xd:doc><xd:desc>The parts of a manuscript description the panel shows under their own names
    (te:left-out): their content, as a span, or a div where they hold blocks.</xd:desc></xd:doc>
  <xsl:template match="tei:provenance | tei:acquisition | tei:summary | tei:textLang | tei:msName | tei:altIdentifier
      | tei:additional | tei:adminInfo | tei:surrogates | tei:custodialHist | tei:custEvent | tei:recordHist | tei:source
      | tei:msContents | tei:msItem | tei:incipit | tei:explicit | tei:rubric | tei:finalRubric | tei:colophon | tei:filiation
      | tei:physDesc | tei:objectDesc | tei:supportDesc | tei:support | tei:extent | tei:dimensions | tei:height | tei:width
      | tei:depth | tei:foliation | tei:collation | tei:condition | tei:layoutDesc | tei:layout | tei:handDesc | tei:scriptDesc
      | tei:scriptNote | tei:typeDesc | tei:decoDesc | tei:decoNote | tei:bindingDesc | tei:binding | tei:sealDesc | tei:seal
      | tei:additions | tei:accMat | tei:musicNotation | tei:history | tei:msPart | tei:msFrag
      | tei:listWit | tei:witness | tei:particDesc | tei:settingDesc | tei:setting | tei:textDesc | tei:handNotes | tei:listTranspose">
    <xsl:element name="{if (te:in-phrase(.) or not(*[not(te:in-phrase(.))][descendant-or-self::tei:p or descendant-or-self::tei:ab])) then 'span' else 'div'}">
      <xsl:attribute name="class" select="'tei-' || local-name()"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xd:doc><xd:desc>Elements of a list of names, separated by commas.</xd:desc></xd:doc>
  <xsl:template match="*" mode="te:inline-list">
    <xsl:if test="position() gt 1">, </xsl:if>
    <xsl:apply-templates select="."/>
  </xsl:template>

  <xd:doc><xd:desc>The shelfmark: repository, collection and file, separated by commas.</xd:desc></xd:doc>
  <xsl:template match="tei:msIdentifier" mode="te:shelfmark">
    <xsl:apply-templates select="(tei:settlement, tei:institution, tei:repository, tei:collection, tei:idno)" mode="te:inline-list"/>
  </xsl:template>

  <xd:doc><xd:desc>The leaves of the shelfmark.</xd:desc></xd:doc>
  <xsl:template match="tei:locus" mode="te:shelfmark">
    <xsl:text>, </xsl:text>
    <span class="locus"><xsl:apply-templates/></span>
  </xsl:template>

  <xd:doc><xd:desc>Header parts shown in the panel as paragraphs: the text of the element.</xd:desc></xd:doc>
  <xsl:template match="tei:language | tei:licence | tei:repository | tei:collection | tei:creation">
    <span class="{local-name()}"><xsl:apply-templates/></span>
    <xsl:if test="self::tei:licence"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <xd:doc><xd:desc>Header parts that may hold paragraphs: a block each.</xd:desc></xd:doc>
  <xsl:template match="tei:handNote | tei:origin">
    <div class="{local-name()}"><xsl:apply-templates/></div>
  </xsl:template>
</xsl:stylesheet>
