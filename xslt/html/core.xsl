<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xd="http://www.oxygenxml.com/ns/doc/xsl"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://teiedition.org/ns"
  xmlns:eg="http://www.tei-c.org/ns/Examples"
  exclude-result-prefixes="#all">

  <xd:doc scope="stylesheet">
    <xd:desc>Elements common to all TEI documents (Guidelines ch. 3): paragraphs, lists,
      quotations, highlighting, titles, links, bibliographic references, segments, gaps,
      and the small phrase-level elements. Quotation marks are the source's and stay in the
      text, so quotations are spans, never HTML q (which would add marks of its own).
      Hooks: te:inline (a span carrying the TEI element's name and type as classes).</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>A phrase-level element: a span with classes naming the TEI element, its type and rend.</xd:desc></xd:doc>
  <xsl:template name="te:inline">
    <xsl:param name="name" as="xs:string" select="'span'"/>
    <xsl:param name="content" as="item()*"><xsl:apply-templates/></xsl:param>
    <xsl:element name="{$name}">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:attribute name="class" select="string-join(('tei-' || local-name(), tokenize(@type) ! ('type-' || .), tokenize(@rend) ! ('rend-' || .)), ' ')"/>
      <xsl:sequence select="te:lang-attributes(.)"/>
      <xsl:sequence select="$content"/>
    </xsl:element>
  </xsl:template>

  <xd:doc><xd:desc>True for an element that holds blocks (lists, block quotations), which an HTML p cannot.</xd:desc></xd:doc>
  <xsl:function name="te:holds-blocks" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element/(tei:list | tei:table | tei:lg | tei:quote[@rend = 'block'] | tei:cit[@type = 'pullquote'] | tei:listBibl))"/>
  </xsl:function>

  <xd:doc><xd:desc>A paragraph: p, or a div when it holds blocks; in running text (a p inside a note's
    line) a span.</xd:desc></xd:doc>
  <xsl:template match="tei:p | tei:ab">
    <xsl:call-template name="te:block">
      <xsl:with-param name="name" select="if (te:holds-blocks(.)) then 'div' else if (te:in-phrase(.)) then 'span' else 'p'"/>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>A list: a description list for glossaries, an unmarked list when the source gives its
    own labels (they are shown as written), else an ordered or bulleted list.</xd:desc></xd:doc>
  <xsl:template match="tei:list">
    <!-- the list sits in a div that carries its id and permalink: an HTML list holds only items -->
    <xsl:call-template name="te:block">
      <xsl:with-param name="content" as="item()*">
        <xsl:element name="{if (@type = 'gloss') then 'dl' else if (tei:label or @type = 'bulleted' or not(@type = 'ordered')) then 'ul' else 'ol'}">
          <xsl:if test="tei:label"><xsl:attribute name="class" select="'labelled'"/></xsl:if>
          <!-- a label goes with the item after it; anything else (trailer, a label alone, a page break)
               stays where it is, as an item of its own: a list may hold only items -->
          <xsl:for-each select="* except tei:label[following-sibling::*[1][self::tei:item]]">
            <xsl:choose>
              <xsl:when test="self::tei:head or self::tei:item"><xsl:apply-templates select="."/></xsl:when>
              <xsl:otherwise>
                <!-- in a div, so that a label alone is not set in the narrow column of the items' labels -->
                <xsl:element name="{if (parent::tei:list/@type = 'gloss') then 'dd' else 'li'}">
                  <xsl:attribute name="class" select="'list-other'"/>
                  <div><xsl:apply-templates select="."/></div>
                </xsl:element>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </xsl:element>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>A list's heading, inside the list element: an HTML list may hold only items, so it goes first as a caption item.</xd:desc></xd:doc>
  <xsl:template match="tei:list/tei:head" priority="2">
    <xsl:element name="{if (parent::tei:list/@type = 'gloss') then 'dt' else 'li'}">
      <xsl:attribute name="class" select="'tei-head list-head'"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xd:doc><xd:desc>A list item, with the source's label before it when there is one; in a glossary a dt/dd pair.</xd:desc></xd:doc>
  <xsl:template match="tei:item">
    <xsl:variable name="label" select="preceding-sibling::*[1][self::tei:label]"/>
    <xsl:choose>
      <xsl:when test="parent::tei:list/@type = 'gloss'">
        <dt><xsl:apply-templates select="$label/node()"/></dt>
        <xsl:call-template name="te:block"><xsl:with-param name="name" select="'dd'"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="te:block">
          <xsl:with-param name="name" select="'li'"/>
          <xsl:with-param name="content" as="item()*">
            <xsl:if test="$label"><span class="tei-label"><xsl:apply-templates select="$label/node()"/></span><xsl:text> </xsl:text></xsl:if>
            <xsl:apply-templates/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xd:doc><xd:desc>Labels are rendered with their items; a label without an item stands on its own.</xd:desc></xd:doc>
  <xsl:template match="tei:label">
    <xsl:if test="not(following-sibling::*[1][self::tei:item])">
      <xsl:call-template name="te:inline"/>
    </xsl:if>
  </xsl:template>

  <xd:doc><xd:desc>A quotation set off as a block: blockquote; in running text a span (the marks are in the text).</xd:desc></xd:doc>
  <xsl:template match="tei:quote | tei:q | tei:said">
    <xsl:choose>
      <xsl:when test="@rend = 'block' or not(te:in-phrase(.))">
        <xsl:call-template name="te:block"><xsl:with-param name="name" select="'blockquote'"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="te:inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xd:doc><xd:desc>A quotation with its reference: a figure (blockquote and caption) as a block, a span in running text.</xd:desc></xd:doc>
  <xsl:template match="tei:cit">
    <xsl:choose>
      <xsl:when test="te:in-phrase(.)"><xsl:call-template name="te:inline"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="te:block">
          <xsl:with-param name="name" select="if (@type = 'pullquote') then 'aside' else 'figure'"/>
          <xsl:with-param name="content" as="item()*">
            <xsl:apply-templates select="tei:quote | tei:q"/>
            <xsl:for-each select="* except (tei:quote | tei:q)">
              <p class="attribution"><xsl:apply-templates select="."/></p>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xd:doc><xd:desc>Highlighting, emphasis, terms, foreign words, numbers, identifiers, rhymes, and the
    linguistic units (words, punctuation, sentences): spans (foreign words in italics by CSS).</xd:desc></xd:doc>
  <xsl:template match="tei:hi | tei:emph | tei:term | tei:foreign | tei:num | tei:idno | tei:measure | tei:seg | tei:mentioned
                       | tei:soCalled | tei:desc | tei:catDesc | tei:citedRange | tei:biblScope | tei:pubPlace | tei:publisher
                       | tei:author | tei:editor | tei:edition | tei:resp | tei:respStmt | tei:roleName | tei:forename | tei:surname | tei:addName
                       | tei:gloss | tei:rhyme | tei:w | tei:pc | tei:c | tei:m | tei:s | tei:phr | tei:cl">
    <xsl:call-template name="te:inline"/>
  </xsl:template>

  <xd:doc><xd:desc>An example of encoding (egXML, in the TEI Examples namespace): its markup shown as
    code, whole; a plain example (eg) as preformatted text.</xd:desc></xd:doc>
  <xsl:template match="eg:egXML">
    <xsl:variable name="copy" as="node()*"><xsl:apply-templates select="node()" mode="te:example"/></xsl:variable>
    <pre class="tei-egXML"><code><xsl:value-of select="serialize($copy, map{'method': 'xml', 'omit-xml-declaration': true()})
      => replace(' xmlns=&quot;' || namespace-uri() || '&quot;', '', 'q')"/></code></pre>
  </xsl:template>

  <xsl:template match="tei:eg">
    <xsl:call-template name="te:inline"><xsl:with-param name="name" select="if (te:in-phrase(.)) then 'code' else 'pre'"/></xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>Element and attribute names in prose about the encoding: code.</xd:desc></xd:doc>
  <xsl:template match="tei:gi | tei:att | tei:val | tei:tag">
    <code class="tei-{local-name()}">
      <xsl:value-of select="if (self::tei:gi) then '&lt;' || . || '&gt;' else if (self::tei:att) then '@' || . else ."/>
    </code>
  </xsl:template>

  <xd:doc><xd:desc>A line break of the source.</xd:desc></xd:doc>
  <xsl:template match="tei:lb"><br class="tei-lb"/></xsl:template>

  <xd:doc><xd:desc>A title: cite, linked to the register of works when it points there.</xd:desc></xd:doc>
  <xsl:template match="tei:title">
    <xsl:call-template name="te:linked">
      <xsl:with-param name="pointer" select="@ref"/>
      <xsl:with-param name="content" as="item()*"><xsl:call-template name="te:inline"><xsl:with-param name="name" select="'cite'"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>A reference: a link to its target when it resolves; its text otherwise, with a warning.</xd:desc></xd:doc>
  <xsl:template match="tei:ref">
    <xsl:call-template name="te:linked">
      <xsl:with-param name="pointer" select="@target"/>
      <xsl:with-param name="content" as="item()*"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>A pointer: a link whose text is the URL or the title of what it points to.</xd:desc></xd:doc>
  <xsl:template match="tei:ptr">
    <xsl:variable name="target" select="te:target(@target, .)"/>
    <xsl:call-template name="te:linked">
      <xsl:with-param name="pointer" select="@target"/>
      <xsl:with-param name="content" select="if ($target) then te:label-of($target) else string(@target)"/>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>Content wrapped in a link to `$pointer` when it resolves and no link encloses it already.</xd:desc></xd:doc>
  <xsl:template name="te:linked">
    <xsl:param name="pointer" as="attribute()?"/>
    <xsl:param name="content" as="item()*"/>
    <!-- the register address of a name that a link encloses: the site's script shows its entry's
         identification as the name's tooltip (tunnelled: the book's te:linked has no use for it) -->
    <xsl:param name="entry" as="xs:string?" select="()" tunnel="yes"/>
    <!-- what the link holds, when it is made, and the classes it takes over from the content -->
    <xsl:param name="linked" as="item()*" select="$content"/>
    <xsl:param name="class" as="xs:string?" select="()"/>
    <xsl:variable name="href" select="te:href($pointer, .)"/>
    <xsl:choose>
      <xsl:when test="exists($href) and not(ancestor::*[te:is-link(.)]) and not(te:is-unsafe($pointer))">
        <a href="{$href}" class="{($class, 'link-' || local-name())[1]}">
          <!-- an intervention inside a link cannot take focus itself: the link speaks for it -->
          <xsl:if test="$linked[. instance of node()]//*[@role = 'tooltip']"><xsl:attribute name="aria-describedby" select="string-join($linked[. instance of node()]//*[@role = 'tooltip']/@id, ' ')"/></xsl:if>
          <xsl:sequence select="$linked"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="te:is-unsafe($pointer)">
          <xsl:call-template name="te:unsafe-warning"><xsl:with-param name="pointer" select="$pointer"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="exists($pointer) and empty($href) and not(te:is-unsafe($pointer))">
          <xsl:message>link-unresolved: <xsl:value-of select="name($pointer)"/>="<xsl:value-of select="$pointer"/>" points nowhere; rendered as text <xsl:value-of select="te:message-place(.)"/></xsl:message>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="$entry"><span data-entry="{$entry}"><xsl:sequence select="$content"/></span></xsl:when>
          <xsl:otherwise><xsl:sequence select="$content"/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xd:doc><xd:desc>True for an element rendered as a link (HTML links do not nest: inside one, a
    name is a span that keeps its tooltip).</xd:desc></xd:doc>
  <xsl:function name="te:is-link" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists(($element/self::tei:ref/@target, $element[self::tei:persName or self::tei:orgName or self::tei:placeName
      or self::tei:name or self::tei:rs or self::tei:title]/@ref)[exists(te:href(., $element))])"/>
  </xsl:function>

  <xd:doc><xd:desc>The warning for a pointer dropped because it could run code (rule link-unsafe).</xd:desc></xd:doc>
  <xsl:template name="te:unsafe-warning">
    <xsl:param name="pointer" as="attribute()"/>
    <xsl:message>link-unsafe: <xsl:value-of select="name($pointer)"/>="<xsl:value-of select="substring(normalize-space($pointer), 1, 40)"/>" could run code in a reader's browser, so it was dropped and only the text kept — point to a page or an https:// address instead <xsl:value-of select="te:message-place($pointer/..)"/></xsl:message>
  </xsl:template>

  <xd:doc><xd:desc>True for pointers that could run code in a reader's browser (javascript:, data:, vbscript:).</xd:desc></xd:doc>
  <xsl:function name="te:is-unsafe" as="xs:boolean">
    <xsl:param name="pointer" as="attribute()?"/>
    <xsl:sequence select="matches(normalize-space($pointer), '^\s*(javascript|data|vbscript):', 'i')"/>
  </xsl:function>

  <xd:doc><xd:desc>A short label for an element that a pointer names: a document's short title, an entry's main name.</xd:desc></xd:doc>
  <xsl:function name="te:label-of" as="xs:string">
    <xsl:param name="target" as="element()"/>
    <xsl:sequence select="
      if ($target/self::tei:TEI) then te:short-title($target)
      else normalize-space(($target/(tei:persName | tei:orgName | tei:placeName | tei:label | tei:title | tei:head)[1]/te:plain(.), $target/@xml:id)[1])"/>
  </xsl:function>

  <xd:doc><xd:desc>A bibliographic reference in running text; a list of them as a list.</xd:desc></xd:doc>
  <xsl:template match="tei:bibl">
    <xsl:call-template name="te:inline"/>
  </xsl:template>

  <xd:doc><xd:desc>A list of references: an unordered list of its bibls.</xd:desc></xd:doc>
  <xsl:template match="tei:listBibl">
    <xsl:call-template name="te:block">
      <xsl:with-param name="name" select="'ul'"/>
      <xsl:with-param name="content" as="item()*">
        <!-- its heading first, as in a list; then every reference, note or nested list in order -->
        <xsl:for-each select="tei:head"><li class="tei-head list-head"><xsl:apply-templates/></li></xsl:for-each>
        <xsl:for-each select="* except tei:head"><li><xsl:apply-templates select="."/></li></xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>Verse: a line group of lines.</xd:desc></xd:doc>
  <xsl:template match="tei:lg">
    <xsl:call-template name="te:block"/>
  </xsl:template>

  <xd:doc><xd:desc>A verse line: a block line.</xd:desc></xd:doc>
  <xsl:template match="tei:l">
    <xsl:call-template name="te:block"><xsl:with-param name="name" select="if (te:in-phrase(.)) then 'span' else 'div'"/></xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>Something not transcribed: a bracketed label saying what (the TEI holds no text for it),
    and the encoder's description of it, when there is one.</xd:desc></xd:doc>
  <xsl:template match="tei:gap">
    <span class="tei-gap reason-{(tokenize(@reason)[1], 'unknown')[1]}">
      <xsl:value-of select="if (@reason = 'signature') then 'signature, not transcribed' else '…'"/>
      <xsl:for-each select="*[normalize-space()]"> [<xsl:apply-templates select="if (self::tei:desc) then node() else ."/>]</xsl:for-each>
    </span>
  </xsl:template>
</xsl:stylesheet>
