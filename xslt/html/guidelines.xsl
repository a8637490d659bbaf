<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xd="http://www.oxygenxml.com/ns/doc/xsl"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="https://teiedition.org/ns"
  xmlns:rng="http://relaxng.org/ns/structure/1.0"
  xmlns:a="http://relaxng.org/ns/compatibility/annotations/1.0"
  xmlns:sch="http://purl.oclc.org/dsdl/schematron"
  exclude-result-prefixes="#all">

  <xd:doc scope="stylesheet">
    <xd:desc>The Encoding guidelines page (te:guidelines), read from the edition's schemas at every
      build so that it cannot drift from them: each element edition.rng declares, grouped by the
      grammar's sections (chapters of the TEI Guidelines), with its a:documentation, its attributes
      and their values, what it may contain and its first occurrence in the edition; then each
      assert and report of edition.sch with its message.</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>The edition's RELAX NG schema, as a file URI (te:guidelines).</xd:desc></xd:doc>
  <xsl:param name="relaxng" as="xs:string" select="''"/>
  <xd:doc><xd:desc>The edition's Schematron rules, as a file URI (te:guidelines).</xd:desc></xd:doc>
  <xsl:param name="schematron" as="xs:string" select="''"/>

  <xd:doc><xd:desc>The longest example shown, in characters: enough to show an element's shape.</xd:desc></xd:doc>
  <xsl:variable name="te:example-length" as="xs:integer" select="400"/>

  <xd:doc><xd:desc>The XML Schema datatypes the grammar uses, in words.</xd:desc></xd:doc>
  <xsl:variable name="te:datatypes" as="map(xs:string, xs:string)" select="map{
    'NCName': 'an XML name (NCName)',
    'date': 'a date (YYYY-MM-DD)',
    'gYearMonth': 'a year and month (YYYY-MM)',
    'gYear': 'a year (YYYY)',
    'positiveInteger': 'a whole number from 1',
    'anyURI': 'a pointer (#id, a prefixed id such as psn:gorbachev, or an http(s) URL)'}"/>

  <xd:doc><xd:desc>Elements of the edition by name, for their first occurrence.</xd:desc></xd:doc>
  <xsl:key name="te:by-name" match="tei:*" use="local-name()"/>
  <xd:doc><xd:desc>Definitions of the grammar by name, to follow its refs.</xd:desc></xd:doc>
  <xsl:key name="te:define" match="rng:define" use="@name"/>

  <xd:doc><xd:desc>The Encoding guidelines page, as a map the Jinja shell renders.</xd:desc></xd:doc>
  <xsl:template name="te:guidelines">
    <xsl:variable name="grammar" as="element(rng:grammar)" select="doc($relaxng)/rng:grammar"/>
    <xsl:variable name="elements" as="element(rng:define)+" select="$grammar/rng:define[rng:element]"/>
    <!-- attribute groups are the defines that hold attributes but no element (att.global) -->
    <xsl:variable name="shared" as="element(rng:define)*" select="$grammar/rng:define[not(rng:element)][.//rng:attribute]"/>
    <xsl:variable name="rules" as="element(sch:schema)" select="doc($schematron)/sch:schema"/>
    <xsl:variable name="main" as="element()*">
      <article class="front guidelines" id="guidelines">
        <h1><xsl:value-of select="te:t('Encoding guidelines')"/></h1>
        <p><xsl:analyze-string select="te:t('What a reuser of the edition’s TEI can expect, generated from the schemas in `tei/schema/`. A file of the edition is valid when it is valid against full TEI P5 (`tei_all`) and against the edition’s own strict schema, `edition.rng`, which allows only the elements, attributes and values listed here, and when the edition as a whole, all files at once, passes the rules of `edition.sch`, listed at the end.')" regex="`([^`]+)`"><xsl:matching-substring><code><xsl:value-of select="regex-group(1)"/></code></xsl:matching-substring><xsl:non-matching-substring><xsl:value-of select="."/></xsl:non-matching-substring></xsl:analyze-string>
          <xsl:for-each select="($front//tei:div[@type = 'principles'])[1]">
            <xsl:variable name="around" select="tokenize(te:t('The {principles} say the same in prose.'), '{principles}', 'q')"/>
            <xsl:value-of select="' ' || $around[1]"/><a href="{te:page-of(.)}"><xsl:value-of select="te:t('editorial principles')"/></a><xsl:value-of select="$around[2]"/>
          </xsl:for-each></p>
        <nav class="guidelines-contents" aria-labelledby="guidelines-contents">
          <h2 id="guidelines-contents"><xsl:value-of select="te:t('Contents')"/></h2>
          <ul>
            <li><a href="#shared-attributes"><xsl:value-of select="te:t('Attributes of every element')"/></a></li>
            <xsl:for-each-group select="$elements" group-adjacent="te:section-title(.)">
              <li><a href="#{te:section-id(current-grouping-key())}"><xsl:value-of select="current-grouping-key()"/></a>:
                <xsl:for-each select="current-group()/rng:element/@name">
                  <xsl:if test="position() gt 1">, </xsl:if><a href="#el-{.}"><xsl:value-of select="."/></a>
                </xsl:for-each></li>
            </xsl:for-each-group>
            <li><a href="#rules"><xsl:value-of select="te:t('Rules')"/></a></li>
          </ul>
        </nav>
        <section id="shared-attributes" aria-labelledby="shared-attributes-heading">
          <h2 id="shared-attributes-heading"><xsl:value-of select="te:t('Attributes of every element')"/></h2>
          <xsl:call-template name="te:attributes"><xsl:with-param name="attributes" select="$shared//rng:attribute"/></xsl:call-template>
        </section>
        <xsl:for-each-group select="$elements" group-adjacent="te:section-title(.)">
          <section id="{te:section-id(current-grouping-key())}" aria-labelledby="{te:section-id(current-grouping-key())}-heading">
            <h2 id="{te:section-id(current-grouping-key())}-heading"><xsl:value-of select="current-grouping-key()"/></h2>
            <xsl:for-each select="current-group()">
              <xsl:call-template name="te:element-entry"><xsl:with-param name="define" select="."/></xsl:call-template>
            </xsl:for-each>
          </section>
        </xsl:for-each-group>
        <section id="rules" aria-labelledby="rules-heading">
          <h2 id="rules-heading"><xsl:value-of select="te:t('Rules')"/></h2>
          <p><xsl:value-of select="te:t('What a grammar cannot say. Each rule has an identifier, printed with every problem it finds, and a severity: an error stops the build, a warning is reported. Where a message quotes the file, it is shown here as “…”.')"/></p>
          <xsl:for-each select="$rules/sch:pattern">
            <section class="rule-group" aria-labelledby="rules-{@id}">
              <h3 id="rules-{@id}"><xsl:value-of select="normalize-space(sch:title)"/></h3>
              <xsl:for-each select="sch:rule">
                <p class="rule-context"><xsl:value-of select="te:t('Checked on each')"/><xsl:text> </xsl:text><code><xsl:value-of select="replace(@context, 'tei:', '')"/></code>:</p>
                <ul class="rules">
                  <xsl:for-each select="sch:assert | sch:report">
                    <li id="rule-{@id}"><code><xsl:value-of select="@id"/></code> (<xsl:value-of select="@role"/>):
                      <xsl:value-of select="te:message(.)"/></li>
                  </xsl:for-each>
                </ul>
              </xsl:for-each>
            </section>
          </xsl:for-each>
        </section>
      </article>
    </xsl:variable>
    <xsl:sequence select="map{
      'id': 'guidelines', 'kind': 'front', 'path': 'guidelines.html',
      'title': te:t('Encoding guidelines'),
      'description': te:t('Every element, attribute and value of the edition’s TEI, with an example from the edition, and the rules a valid file follows.'),
      'main': te:html($main)
    }"/>
  </xsl:template>

  <xd:doc><xd:desc>One element: what it holds here, its attributes, its content and an example.</xd:desc></xd:doc>
  <xsl:template name="te:element-entry">
    <xsl:param name="define" as="element(rng:define)"/>
    <xsl:variable name="element" select="$define/rng:element"/>
    <xsl:variable name="example" select="key('te:by-name', string($element/@name), $corpus)[1]"/>
    <section class="element" id="el-{$element/@name}" aria-labelledby="el-{$element/@name}-heading">
      <h3 id="el-{$element/@name}-heading"><code><xsl:value-of select="$element/@name"/></code></h3>
      <p><xsl:value-of select="normalize-space($define/a:documentation)"/></p>
      <dl class="element-facts">
        <dt><xsl:value-of select="te:t('Attributes')"/></dt>
        <dd>
          <xsl:call-template name="te:attributes"><xsl:with-param name="attributes" select="$element//rng:attribute"/></xsl:call-template>
          <xsl:if test="$element/rng:ref[key('te:define', @name, root(.))[not(rng:element)]]">
            <p><xsl:value-of select="if (exists($element//rng:attribute)) then te:t('Also') else te:t('Only')"/><xsl:text> </xsl:text><a href="#shared-attributes"><xsl:value-of select="te:t('the attributes of every element')"/></a>.</p>
          </xsl:if>
        </dd>
        <dt><xsl:value-of select="te:t('Contains')"/></dt>
        <dd><xsl:sequence select="te:content($element)"/></dd>
        <xsl:for-each select="$example">
          <dt><xsl:value-of select="te:t('Example')"/></dt>
          <dd>
            <pre><code><xsl:value-of select="te:example(.)"/></code></pre>
            <p><xsl:value-of select="te:t('Its first occurrence, in')"/><xsl:text> </xsl:text><code><xsl:value-of select="te:document(.)/@xml:id"/>.xml</code>.</p>
          </dd>
        </xsl:for-each>
      </dl>
    </section>
  </xsl:template>

  <xd:doc><xd:desc>Attributes and the values they allow: a closed list as a list, other values in words.</xd:desc></xd:doc>
  <xsl:template name="te:attributes">
    <xsl:param name="attributes" as="element(rng:attribute)*"/>
    <xsl:if test="exists($attributes)">
      <dl class="attributes">
        <xsl:for-each select="$attributes">
          <xsl:variable name="allowed" select="te:alternatives(rng:*)"/>
          <dt><code>@<xsl:value-of select="@name"/></code></dt>
          <dd>
            <xsl:choose>
              <xsl:when test="every $value in $allowed satisfies $value/self::rng:value">
                <xsl:value-of select="if (count($allowed) gt 1) then te:t('One of:') else te:t('Only:')"/>
                <ul class="values">
                  <xsl:for-each select="$allowed"><li><code><xsl:value-of select="."/></code></li></xsl:for-each>
                </ul>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="te:words($allowed)"/></xsl:otherwise>
            </xsl:choose>
          </dd>
        </xsl:for-each>
      </dl>
    </xsl:if>
  </xsl:template>

  <xd:doc><xd:desc>The patterns a value may match, with choices, repetitions and refs to other defines unfolded.</xd:desc></xd:doc>
  <xsl:function name="te:alternatives" as="element()*">
    <xsl:param name="patterns" as="element()*"/>
    <xsl:sequence select="$patterns ! (
      if (self::rng:choice or self::rng:oneOrMore) then te:alternatives(rng:*)
      else if (self::rng:ref) then te:alternatives(key('te:define', @name, root(.))/rng:*)
      else .)"/>
  </xsl:function>

  <xd:doc><xd:desc>Value patterns in words: "a, b or c".</xd:desc></xd:doc>
  <xsl:function name="te:words" as="xs:string">
    <xsl:param name="patterns" as="element()*"/>
    <xsl:variable name="words" as="xs:string*" select="distinct-values($patterns ! (
      if (self::rng:value) then '“' || . || '”'
      else if (self::rng:data) then ($te:datatypes(@type) ! te:t(.), string(@type))[1]
      else if (self::rng:list) then te:t('a space-separated list of:') || ' ' || te:words(te:alternatives(rng:*))
      else if (self::rng:text) then te:t('any text')
      else local-name(.)))"/>
    <xsl:sequence select="string-join((string-join($words[position() lt last()], ', ')[.], $words[last()]), ' ' || te:t('or') || ' ')"/>
  </xsl:function>

  <xd:doc><xd:desc>What an element may contain: text, the elements it refers to (linked to their entries), or nothing.</xd:desc></xd:doc>
  <xsl:function name="te:content" as="node()*">
    <xsl:param name="element" as="element(rng:element)"/>
    <xsl:variable name="children" as="xs:string*" select="$element//rng:ref[not(ancestor::rng:attribute)] ! key('te:define', @name, root(.))/rng:element/@name"/>
    <xsl:variable name="text" select="exists($element//rng:text[not(ancestor::rng:attribute)])"/>
    <xsl:choose>
      <xsl:when test="empty($children) and not($text)"><xsl:value-of select="te:t('Nothing: an empty element.')"/></xsl:when>
      <xsl:otherwise>
        <xsl:if test="$text"><xsl:value-of select="te:t('text')"/><xsl:if test="exists($children)">, </xsl:if></xsl:if>
        <xsl:for-each select="$children">
          <xsl:if test="position() gt 1">, </xsl:if><a href="#el-{.}"><code><xsl:value-of select="."/></code></a>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xd:doc><xd:desc>An element of the edition as XML to show: as in its file but for comments, dedented, cut to length.</xd:desc></xd:doc>
  <xsl:function name="te:example" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="before" select="string($element/preceding-sibling::node()[1][self::text()])"/>
    <!-- the element's own indentation, taken from the line it starts on, is removed from every line -->
    <xsl:variable name="indent" select="if (matches($before, '\n *$')) then replace($before, '^.*\n', '', 's') else ''"/>
    <xsl:variable name="copy" as="element()"><xsl:apply-templates select="$element" mode="te:example"/></xsl:variable>
    <xsl:variable name="xml" select="serialize($copy, map{'method': 'xml', 'omit-xml-declaration': true()})
      => replace(' xmlns=&quot;' || namespace-uri($element) || '&quot;', '', 'q')
      => replace('&#10;' || $indent, '&#10;', 'q')"/>
    <xsl:sequence select="if (string-length($xml) gt $te:example-length) then substring($xml, 1, $te:example-length) || ' …' else $xml"/>
  </xsl:function>

  <xd:doc><xd:desc>An example copied for display: the decisions recorded in comments are for encoders, not part of the element.</xd:desc></xd:doc>
  <xsl:mode name="te:example" on-no-match="shallow-copy" on-multiple-match="fail"/>

  <xd:doc><xd:desc>Elements under their plain name: the edition as loaded writes TEI with a generated prefix (ns0:), its files with none.</xd:desc></xd:doc>
  <xsl:template match="*" mode="te:example">
    <xsl:element name="{local-name()}" namespace="{namespace-uri()}">
      <xsl:apply-templates select="@*, node()" mode="te:example"/>
    </xsl:element>
  </xsl:template>

  <xd:doc><xd:desc>Comments are left out, with the indentation of their line.</xd:desc></xd:doc>
  <xsl:template match="comment() | text()[not(normalize-space())][following-sibling::node()[1][self::comment()]]" mode="te:example"/>

  <xd:doc><xd:desc>The title of the grammar's section a define stands in, from its "===== … =====" comment.</xd:desc></xd:doc>
  <xsl:function name="te:section-title" as="xs:string">
    <xsl:param name="define" as="element(rng:define)"/>
    <xsl:sequence select="normalize-space(replace($define/preceding-sibling::comment()[matches(., '^\s*=====')][1], '=+', ''))"/>
  </xsl:function>

  <xd:doc><xd:desc>The HTML id of a section, from its title without the chapter: "section-default-text-structure".</xd:desc></xd:doc>
  <xsl:function name="te:section-id" as="xs:string">
    <xsl:param name="title" as="xs:string"/>
    <xsl:sequence select="'section-' || replace(lower-case(replace($title, '\s*\(.*\)$', '')), '[^a-z0-9]+', '-')"/>
  </xsl:function>

  <xd:doc><xd:desc>The message of a Schematron assert or report, the parts it quotes from the file shown as "…".</xd:desc></xd:doc>
  <xsl:function name="te:message" as="xs:string">
    <xsl:param name="test" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($test/node() ! (if (self::sch:value-of or self::sch:name) then '…' else string(.))))"/>
  </xsl:function>
</xsl:stylesheet>
