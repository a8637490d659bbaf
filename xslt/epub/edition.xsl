<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xd="http://www.oxygenxml.com/ns/doc/xsl"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://teiedition.org/ns"
  xmlns:epub="http://www.idpf.org/2007/ops"
  exclude-result-prefixes="#all">

  <xd:doc scope="stylesheet">
    <xd:desc>Driver of the EPUB 3: the HTML stylesheets, with only what an e-book does differently
      overridden. Note markers are EPUB note references and the apparatus entries EPUB
      footnotes (asides keeping the notes' ids), which reading systems open as pop-ups; the text
      is in the reading view, with no view switch and no permalinks; a final pass (mode
      te:xhtml) puts the web's HTML into the XHTML namespace and drops what needs the site's
      CSS or script. Chapters are named as the web pages are, so the pages' links between
      each other work inside the EPUB once their extension is .xhtml, which EPUB asks of XHTML.
      Entry point, called by name from Python: te:epub.</xd:desc>
  </xd:doc>

  <xsl:import href="../html/edition.xsl"/>

  <xd:doc><xd:desc>The final pass: the web page's HTML (in no namespace) becomes the e-book's XHTML.</xd:desc></xd:doc>
  <xsl:mode name="te:xhtml" on-no-match="shallow-copy" on-multiple-match="fail"/>

  <xd:doc><xd:desc>The XHTML namespace, which EPUB content documents must use.</xd:desc></xd:doc>
  <xsl:variable name="te:xhtml" as="xs:string" select="'http://www.w3.org/1999/xhtml'"/>

  <xd:doc><xd:desc>The pages of the site that are chapters of the EPUB: front matter, documents and registers, in the site's order.</xd:desc></xd:doc>
  <xsl:variable name="te:chapters" as="map(*)*">
    <xsl:variable name="pages" as="array(map(*))"><xsl:call-template name="te:pages"/></xsl:variable>
    <!-- not the site's chronology page: the apparatus chapter holds the chronology the book prints -->
    <xsl:sequence select="$pages?*[?kind = ('front', 'document', 'register')][not(?id = 'chronology')]"/>
  </xsl:variable>

  <xd:doc><xd:desc>The chapters' web files (page.html) as the keys of a map: a link is looked up, not compared
    with every chapter, which made a large edition's EPUB quadratic.</xd:desc></xd:doc>
  <xsl:variable name="te:chapter-files" as="map(xs:string, xs:boolean)" select="map:merge($te:chapters ! map{?path: true()})"/>

  <xd:doc><xd:desc>The EPUB as a map for the build: the edition's metadata and its chapters in reading
    order (front matter, documents, registers), each with its file name and its XHTML body.</xd:desc></xd:doc>
  <xsl:template name="te:epub">
    <xsl:variable name="edition" as="map(*)"><xsl:call-template name="te:edition"/></xsl:variable>
    <xsl:variable name="chapters" as="map(*)*">
      <xsl:for-each select="$te:chapters">
        <xsl:variable name="target" select="key('te:id', ?id, $corpus)"/>
        <xsl:variable name="page" as="map(*)">
          <xsl:choose>
            <xsl:when test="?kind = 'front'"><xsl:call-template name="te:front-page"><xsl:with-param name="div" select="$target"/></xsl:call-template></xsl:when>
            <xsl:when test="?kind = 'document'"><xsl:call-template name="te:document-page"><xsl:with-param name="tei" select="$target"/></xsl:call-template></xsl:when>
            <xsl:when test="?kind = 'register'"><xsl:call-template name="te:register-page"><xsl:with-param name="register" select="$target"/></xsl:call-template></xsl:when>
          </xsl:choose>
        </xsl:variable>
        <xsl:sequence select="map{'id': ?id, 'kind': ?kind, 'path': te:xhtml-file(?path), 'title': ?title,
          'lang': ($page?lang, $edition?lang)[1], 'body': $page?main}"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="map:merge(($edition, map{'chapters': array{ $chapters }}))"/>
  </xsl:template>

  <xd:doc><xd:desc>A page's content as an XHTML body, serialised as XML: EPUB reading systems parse chapters with an XML parser.</xd:desc></xd:doc>
  <xsl:function name="te:html" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="content" as="node()*"><xsl:apply-templates select="$nodes" mode="te:xhtml"/></xsl:variable>
    <xsl:variable name="body" as="element()">
      <xsl:element name="body" namespace="{$te:xhtml}">
        <!-- declared once here, not on every note reference and footnote; and only where used -->
        <xsl:if test="$content/descendant-or-self::*/@epub:*"><xsl:namespace name="epub" select="'http://www.idpf.org/2007/ops'"/></xsl:if>
        <xsl:sequence select="$content"/>
      </xsl:element>
    </xsl:variable>
    <xsl:sequence select="serialize($body, map{'method': 'xhtml', 'html-version': 5.0, 'omit-xml-declaration': true(), 'indent': false()})"/>
  </xsl:function>

  <xd:doc><xd:desc>No view switch: an e-book has the reading view only (see the interventions below).</xd:desc></xd:doc>
  <xsl:template name="te:view-switch"/>

  <xd:doc><xd:desc>No toolbar and no legend of the web page's signs: a reading system has its own
    navigation, and shows neither views, nor ¶ menus, nor a citation box to link to.</xd:desc></xd:doc>
  <xsl:template name="te:toolbar">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:param name="notes" as="xs:boolean"/>
  </xsl:template>
  <xsl:template name="te:legend">
    <xsl:param name="tei" as="element(tei:TEI)"/>
  </xsl:template>

  <xd:doc><xd:desc>A note's marker: an EPUB note reference, which a reading system opens as a pop-up.</xd:desc></xd:doc>
  <xsl:template name="te:note-marker">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:param name="number" as="xs:string"/>
    <!-- the kind of note is in the accessible name, not in a visually hidden span: a reading system may ignore the CSS that hides it -->
    <a epub:type="noteref" role="doc-noteref" class="note-ref note-{$note/@type}" href="#{$note/@xml:id}" id="{te:id('ref', $note)}"
       aria-label="{te:kind-label($note) || ' ' || $number}"><sup><xsl:value-of select="te:note-call($note, $number)"/></sup></a>
  </xsl:template>

  <xd:doc><xd:desc>A note's number as printed: the source's own in brackets, written out since a reading system may not apply the CSS.</xd:desc></xd:doc>
  <xsl:function name="te:note-call" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:param name="number" as="xs:string"/>
    <xsl:sequence select="if (te:is-ours($note)) then $number else '[' || $number || ']'"/>
  </xsl:function>

  <xd:doc><xd:desc>A note in the apparatus: an EPUB footnote with the note's id, its number a link back to the marker.</xd:desc></xd:doc>
  <xsl:template match="tei:note" mode="apparatus">
    <aside epub:type="footnote" role="doc-footnote" id="{@xml:id}" class="note note-{@type}">
      <div class="note-body">
        <a class="note-number" role="doc-backlink" href="#{te:id('ref', .)}"><xsl:value-of select="te:note-call(., te:note-number(.))"/></a>
        <xsl:text> </xsl:text>
        <xsl:apply-templates/>
      </div>
    </aside>
  </xsl:template>

  <xd:doc><xd:desc>An HTML element of the web page: the same element in the XHTML namespace.</xd:desc></xd:doc>
  <xsl:template match="*" mode="te:xhtml">
    <xsl:element name="{local-name()}" namespace="{$te:xhtml}">
      <xsl:apply-templates select="@*, node()" mode="te:xhtml"/>
    </xsl:element>
  </xsl:template>

  <xd:doc><xd:desc>A language: in both attributes XHTML knows, for reading systems that read only xml:lang.</xd:desc></xd:doc>
  <xsl:template match="@lang" mode="te:xhtml">
    <xsl:copy/>
    <xsl:attribute name="xml:lang" select="."/>
  </xsl:template>

  <xd:doc><xd:desc>Attributes for the site's script and tooltips: the search index's marks, the focus and description of interventions, the register entry whose identification the script shows.</xd:desc></xd:doc>
  <xsl:template match="@data-pagefind-ignore | @data-note | @data-entry | @tabindex | @aria-describedby" mode="te:xhtml"/>

  <xd:doc><xd:desc>The list around the apparatus goes: an EPUB footnote is an aside of its own, which a list item cannot be.</xd:desc></xd:doc>
  <xsl:template match="ol[contains-token(@class, 'note-list')]" mode="te:xhtml">
    <xsl:apply-templates mode="te:xhtml"/>
  </xsl:template>

  <xd:doc><xd:desc>Permalinks go: they are chrome of the web page, shown by its CSS on hover.</xd:desc></xd:doc>
  <xsl:template match="a[contains-token(@class, 'permalink')]" mode="te:xhtml" priority="2"/>

  <xd:doc><xd:desc>A link to a page the EPUB does not hold (the home page, search, downloads): its text alone.</xd:desc></xd:doc>
  <xsl:template match="a[@href][not(te:in-epub(@href))]" mode="te:xhtml" priority="1">
    <xsl:apply-templates mode="te:xhtml"/>
  </xsl:template>

  <xd:doc><xd:desc>A link's address: a web page's becomes its chapter's XHTML file; the web's stay as they are.</xd:desc></xd:doc>
  <xsl:template match="@href" mode="te:xhtml">
    <xsl:attribute name="href" select="te:xhtml-file(.)"/>
  </xsl:template>

  <xd:doc><xd:desc>The file of the EPUB that holds a web page (page.html, page.html#id): page.xhtml; other addresses as they are.</xd:desc></xd:doc>
  <xsl:function name="te:xhtml-file" as="xs:string">
    <xsl:param name="href" as="xs:string"/>
    <xsl:sequence select="replace($href, '^([^:/#]+)\.html(#.*)?$', '$1.xhtml$2')"/>
  </xsl:function>

  <xd:doc><xd:desc>True for a link that resolves from inside the EPUB: to a chapter, within the page, or to the web.</xd:desc></xd:doc>
  <xsl:function name="te:in-epub" as="xs:boolean">
    <xsl:param name="href" as="xs:string"/>
    <xsl:variable name="file" select="substring-before($href || '#', '#')"/>
    <xsl:sequence select="$file = '' or map:contains($te:chapter-files, $file) or matches($file, '^[a-z][a-z0-9+.-]*:', 'i')"/>
  </xsl:function>

  <xd:doc><xd:desc>An intervention in the reading view: the editors' reading, with the tooltip's words
    (the source's reading, the editors' note) as its title.</xd:desc></xd:doc>
  <!-- The source's reading is dropped, not hidden: a reading system may ignore or override the
       publisher's CSS (and the hidden attribute), and would then print both readings side by side. -->
  <xsl:template match="span[contains-token(@class, 'intervention')]" mode="te:xhtml">
    <xsl:element name="span" namespace="{$te:xhtml}">
      <xsl:attribute name="title" select="normalize-space(span[@role = 'tooltip'])"/>
      <xsl:apply-templates select="@*, node()" mode="te:xhtml"/>
    </xsl:element>
  </xsl:template>

  <xd:doc><xd:desc>The source's side of an intervention and the tooltip go (the tooltip is the intervention's title).</xd:desc></xd:doc>
  <xsl:template match="span[@role = 'tooltip'] | span[tokenize(@class) = ('reading-source', 'separator')]" mode="te:xhtml"/>
</xsl:stylesheet>
