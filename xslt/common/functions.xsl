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
    <xd:desc>Functions shared by every output format: resolving the edition's pointers
      (psn:, org:, plc:, evt:, bib:, edn:, doc:, #id), the page that holds an element, and
      dates. The input is the whole edition wrapped in one teiCorpus, so every pointer
      resolves by a key on xml:id (identifiers are unique across the edition).</xd:desc>
  </xd:doc>

  <xsl:key name="te:id" match="*[@xml:id]" use="@xml:id"/>

  <xd:doc><xd:desc>Words as a list files them: without a leading quotation mark or bracket ("“The
    blow…” under B), article ("the Iraqi government" under I, review 17b #17) or Arabic article
    ("al-Assad" under A for Assad, review 18f #6).</xd:desc></xd:doc>
  <xsl:function name="te:filing-form" as="xs:string">
    <xsl:param name="words" as="xs:string"/>
    <xsl:sequence select="replace(replace(normalize-space($words), '^[\p{P}\s]+', ''), '^((the|a|an)\s+|(al|el)-)', '', 'i')"/>
  </xsl:function>

  <xd:doc><xd:desc>The interface in the edition's language, as JSON from the build (i18n.py):
    "language", "direction", "labels" (English message → its translation), "months",
    "months-standalone", "date" and "year-month" (CLDR patterns). Without it: English.</xd:desc></xd:doc>
  <xsl:param name="interface" as="xs:string" select="'{}'"/>
  <xsl:variable name="te:interface" as="map(*)" select="parse-json($interface)"/>

  <xd:doc><xd:desc>An interface string in the edition's language: its translation, else the English message.</xd:desc></xd:doc>
  <xsl:function name="te:t" as="xs:string">
    <xsl:param name="message" as="xs:string"/>
    <xsl:sequence select="(($te:interface?labels, map{})[1]($message), $message)[1]"/>
  </xsl:function>

  <xd:doc><xd:desc>The HTML lang of an element with xml:lang, and dir="rtl" when it is in a language
    written right to left (Arabic, Persian, Hebrew, Urdu…) and holds that script: a Persian word
    transliterated into Latin letters stays left to right.</xd:desc></xd:doc>
  <xsl:function name="te:lang-attributes" as="attribute()*">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="lang" select="string($element/@xml:lang)"/>
    <xsl:if test="$lang">
      <xsl:attribute name="lang" select="$lang"/>
      <xsl:choose>
        <xsl:when test="te:is-rtl($lang) and te:has-rtl(string($element))">
          <xsl:attribute name="dir" select="'rtl'"/>
        </xsl:when>
        <!-- a passage in another language inside a right-to-left one (a translation) -->
        <xsl:when test="not(te:is-rtl($lang)) and te:is-rtl(string($element/ancestor::*[@xml:lang][1]/@xml:lang))">
          <xsl:attribute name="dir" select="'ltr'"/>
        </xsl:when>
      </xsl:choose>
    </xsl:if>
  </xsl:function>

  <xd:doc><xd:desc>The right-to-left letters (Hebrew to Arabic Extended, and their presentation forms) by
    code point, as ranges of a regex class, and that class: Saxon names Unicode blocks (\p{IsArabic})
    only after loading and announcing every block.</xd:desc></xd:doc>
  <xsl:variable name="te:rtl-range" as="xs:string" select="'&#x0590;-&#x08FF;&#xFB1D;-&#xFDFF;&#xFE70;-&#xFEFF;'"/>
  <xsl:variable name="te:rtl-letters" as="xs:string" select="'[' || $te:rtl-range || ']'"/>

  <xd:doc><xd:desc>True for a text with a right-to-left letter.</xd:desc></xd:doc>
  <xsl:function name="te:has-rtl" as="xs:boolean">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:sequence select="matches(string($text), $te:rtl-letters)"/>
  </xsl:function>

  <xd:doc><xd:desc>A web address in running text, as a regex: "http" or "https" to the last character
    that is not a sentence's punctuation or a quotation mark.</xd:desc></xd:doc>
  <xsl:variable name="te:web-address" as="xs:string" select="'https?://[^\s&lt;&gt;&quot;“”‘’]*[^\s&lt;&gt;&quot;“”‘’.,;:!?)\]]'"/>

  <xd:doc><xd:desc>True for a language written right to left (and not transliterated: fa-Latn is not).</xd:desc></xd:doc>
  <xsl:function name="te:is-rtl" as="xs:boolean">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="matches($lang, '^(ar|fa|he|iw|ur|ps|yi|syr|dv|ckb|sd|ug)(-|$)', 'i') and not(matches($lang, '-(Latn|Cyrl)', 'i'))"/>
  </xsl:function>

  <xd:doc><xd:desc>Register pages, by the identifier of the register file.</xd:desc></xd:doc>
  <xsl:variable name="te:register-pages" as="map(xs:string, xs:string)" select="map{
    'persons': 'persons.html', 'organisations': 'organisations.html', 'places': 'places.html',
    'events': 'events.html', 'works': 'works.html'}"/>

  <xd:doc><xd:desc>Prefixes of pointers into other files, and the file each names.</xd:desc></xd:doc>
  <xsl:variable name="te:prefixes" as="map(xs:string, xs:string)" select="map{
    'psn': 'persons', 'org': 'organisations', 'plc': 'places', 'evt': 'events', 'bib': 'works',
    'edn': 'edition'}"/>

  <xd:doc><xd:desc>The element a pointer names, or nothing (an external URL, a dangling pointer, an id in
    another file); of several pointers, the first.</xd:desc></xd:doc>
  <xsl:function name="te:target" as="element()?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="p" select="tokenize(normalize-space($pointer))[1]"/>
    <xsl:sequence select="
      if (empty($p)) then ()
      else if (starts-with($p, '#')) then key('te:id', substring($p, 2), (te:document($context), root($context))[1])[1]
      else if (starts-with($p, 'doc:') and contains($p, '#')) then key('te:id', substring-after($p, '#'), root($context))[1]
      else if (starts-with($p, 'doc:')) then key('te:id', substring-after($p, 'doc:'), root($context))[self::tei:TEI][1]
      else if (matches($p, '^[a-z]+:') and map:contains($te:prefixes, substring-before($p, ':')))
        then key('te:id', substring-after($p, ':'), root($context))[1]
      else ()"/>
  </xsl:function>

  <xd:doc><xd:desc>The TEI document an element belongs to.</xd:desc></xd:doc>
  <xsl:function name="te:document" as="element(tei:TEI)?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="$node/ancestor-or-self::tei:TEI[1]"/>
  </xsl:function>

  <xd:doc><xd:desc>True for the TEI files that are documents of the edition (not registers, not front matter).
    A file with a text, or with TEI documents inside it, is one; so is a file with neither a text
    nor registers (a header only: a manuscript's record, a bare TEI), so that its header is shown.</xd:desc></xd:doc>
  <xsl:function name="te:is-text" as="xs:boolean">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="not($tei/@xml:id = 'edition') and (exists($tei/(tei:text | tei:TEI)) or empty($tei/tei:standOff/*[not(self::tei:listRelation)]))"/>
  </xsl:function>

  <xd:doc><xd:desc>The page (file name) on which an element of the edition is shown.</xd:desc></xd:doc>
  <xsl:function name="te:page-of" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="tei" select="te:document($element)"/>
    <xsl:sequence select="
      if ($tei/@xml:id = 'edition')
        then (($element/ancestor-or-self::tei:div[parent::tei:body])[1]/@xml:id!(. || '.html'), 'index.html')[1]
      else if (map:contains($te:register-pages, string($tei/@xml:id))) then $te:register-pages($tei/@xml:id)
      else $tei/@xml:id || '.html'"/>
  </xsl:function>

  <xd:doc><xd:desc>The link for a pointer, seen from the page of `$context`: external URLs as they are,
    elements of the edition as page#id (just #id on their own page), nothing if it dangles.
    Of several pointers (ref="bib:a bib:b"), a link can follow only the first.</xd:desc></xd:doc>
  <xsl:function name="te:href" as="xs:string?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:param name="context" as="element()"/>
    <xsl:variable name="p" select="tokenize(normalize-space($pointer))[1]"/>
    <xsl:variable name="target" select="te:target($p, $context)"/>
    <xsl:sequence select="
      if (matches($p, '^https?://')) then $p
      else if (empty($target)) then ()
      else te:link($target, te:page-of($context))"/>
  </xsl:function>

  <xd:doc><xd:desc>The link to an element of the edition from the page `$from`.</xd:desc></xd:doc>
  <xsl:function name="te:link" as="xs:string">
    <xsl:param name="target" as="element()"/>
    <xsl:param name="from" as="xs:string"/>
    <xsl:variable name="page" select="te:page-of($target)"/>
    <xsl:variable name="whole-page" select="$target/self::tei:TEI or $target/parent::tei:body/parent::tei:text/parent::tei:TEI[@xml:id = 'edition']"/>
    <xsl:sequence select="
      if ($whole-page) then $page
      else if ($page = $from) then '#' || $target/@xml:id
      else $page || '#' || $target/@xml:id"/>
  </xsl:function>

  <xd:doc><xd:desc>The number shown for a page break of the source: its @n, or else its place in the
    document's sequence of pages (the first page has no break before it, so the first break opens page 2).</xd:desc></xd:doc>
  <xsl:function name="te:page-number" as="xs:string">
    <xsl:param name="pb" as="element(tei:pb)"/>
    <xsl:sequence select="if ($pb/@n) then string($pb/@n) else string(te:page-breaks(te:top($pb))(generate-id($pb)) + 1)"/>
  </xsl:function>

  <xd:doc><xd:desc>Where a message is about, at its end ("@ id path"): the nearest id, and the element's
    path in the edition's corpus, by which the build finds its file, line and column (a foreign
    file has few ids, and a message placed at its root's line helped no one).</xd:desc></xd:doc>
  <xsl:function name="te:message-place" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="'@ ' || string($element/ancestor-or-self::*[@xml:id][1]/@xml:id) || ' ' || path($element)"/>
  </xsl:function>

  <xd:doc><xd:desc>The place of each page break of a document among its page breaks, computed once per document.</xd:desc></xd:doc>
  <xsl:function name="te:page-breaks" as="map(xs:string, xs:integer)" cache="yes">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="te:ordinals($tei//tei:pb)"/>
  </xsl:function>

  <xd:doc><xd:desc>The document an element belongs to, or the outermost element above it when it is in
    no document (a tree the stylesheets made).</xd:desc></xd:doc>
  <xsl:function name="te:top" as="element()">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="(te:document($element), $element/ancestor-or-self::*[last()])[1]"/>
  </xsl:function>

  <xd:doc><xd:desc>The place of each of `$elements` (all in one tree, each after those that contain it:
    document order, or parts of it in reading order) among those that come before it in the sequence
    and do not contain it, from 1, by generate-id: numbers that count by scanning
    what comes before each element (count(preceding::…)) grow with the square of a document's length,
    these in proportion to it. Callers keep the map per document (xsl:function cache="yes").</xd:desc></xd:doc>
  <xsl:function name="te:ordinals" as="map(xs:string, xs:integer)">
    <xsl:param name="elements" as="element()*"/>
    <xsl:variable name="ids" select="$elements ! generate-id(.)"/>
    <xsl:variable name="members" select="map:merge($ids ! map{.: true()})"/>
    <xsl:sequence select="map:merge(for-each-pair($elements, 1 to count($elements), function($element, $i) {
      map{generate-id($element): $i - count($element/ancestor::*[map:contains($members, generate-id(.))])} }))"/>
  </xsl:function>

  <xd:doc><xd:desc>A date of XML Schema (the forms TEI's @when allows: YYYY, YYYY-MM, YYYY-MM-DD, with a time
    or a zone after it, --MM-DD, --MM, ---DD; a negative year is BCE) written out in the interface's language,
    by the locale's pattern: "16 February 1986", "16. Februar 1986", "15 March 44 BCE", "1 May". Anything
    else is shown as written, never dropped.</xd:desc></xd:doc>
  <xsl:function name="te:format-date" as="xs:string">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:variable name="months" select="($te:interface?months?*, 'January', 'February', 'March', 'April', 'May', 'June', 'July',
      'August', 'September', 'October', 'November', 'December')[position() le 12]"/>
    <xsl:variable name="standalone" select="($te:interface?months-standalone?*, $months)[position() le 12]"/>
    <xsl:variable name="value" select="normalize-space($iso)"/>
    <xsl:variable name="zone" select="'(T[0-9:.]+)?(Z|[+\-][0-9]{2}:[0-9]{2})?'"/>
    <xsl:variable name="written" as="xs:string*">
      <xsl:analyze-string select="$value" regex="^(-?)([0-9]{{4,}})(-([0-9]{{2}})(-([0-9]{{2}}))?)?{$zone}$|^--([0-9]{{2}})?(-([0-9]{{2}}))?{$zone}$">
        <xsl:matching-substring>
          <xsl:variable name="month" select="xs:integer((regex-group(4)[.], regex-group(9)[.], '0')[1])"/>
          <xsl:variable name="day" select="xs:integer((regex-group(6)[.], regex-group(11)[.], '0')[1])"/>
          <xsl:variable name="year" select="if (regex-group(2)) then (if (regex-group(1)) then string(xs:integer(regex-group(2))) || ' BCE' else regex-group(2)) else ''"/>
          <xsl:variable name="pattern" select="if ($day gt 0 and $month gt 0) then ($te:interface?date, 'd MMMM y')[1]
            else if ($month gt 0) then ($te:interface?year-month, 'MMMM y')[1] else 'y'"/>
          <xsl:variable name="words" as="xs:string*">
            <xsl:if test="$month le 12 and $day le 31">
              <xsl:analyze-string select="$pattern" regex="'([^']*)'|d+|M{{3,}}|L{{3,}}|y+">
                <xsl:matching-substring>
                  <xsl:sequence select="if (regex-group(1) or starts-with(., &quot;'&quot;)) then regex-group(1)
                    else if (starts-with(., 'd')) then string($day)
                    else if (starts-with(., 'M')) then $months[$month]
                    else if (starts-with(., 'L')) then $standalone[$month]
                    else $year"/>
                </xsl:matching-substring>
                <xsl:non-matching-substring><xsl:sequence select="."/></xsl:non-matching-substring>
              </xsl:analyze-string>
            </xsl:if>
          </xsl:variable>
          <!-- a pattern's punctuation around a part the date lacks (the year of a month and day) goes with it -->
          <xsl:variable name="text" select="replace(normalize-space(string-join($words)), '^[\s.,]+|[\s,]+$', '')"/>
          <xsl:sequence select="if ($text) then $text else $value"/>
        </xsl:matching-substring>
        <xsl:non-matching-substring><xsl:sequence select="$value"/></xsl:non-matching-substring>
      </xsl:analyze-string>
    </xsl:variable>
    <xsl:sequence select="string-join($written)"/>
  </xsl:function>

  <xd:doc><xd:desc>The date a document is dated by: its creation date, else (a letter described as
    CMIF describes it) the date of its sending.</xd:desc></xd:doc>
  <xsl:function name="te:dating" as="element(tei:date)?">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="($tei/tei:teiHeader/tei:profileDesc/tei:creation//tei:date,
      $tei/tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent']/tei:date)[1]"/>
  </xsl:function>

  <xd:doc><xd:desc>The date of a document (when, or notBefore–notAfter) as an ISO string.</xd:desc></xd:doc>
  <xsl:function name="te:document-date" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="string(te:iso-date(te:dating($tei)))"/>
  </xsl:function>

  <xd:doc><xd:desc>A date element's ISO date, as far as it is asserted: @when; of a range known to
    lie between two dates, what they have in common; else where it starts.</xd:desc></xd:doc>
  <xsl:function name="te:iso-date" as="xs:string?">
    <xsl:param name="date" as="element()?"/>
    <xsl:sequence select="if ($date/@when or not($date/@notBefore and $date/@notAfter))
                          then ($date/@when, $date/@from, $date/@notBefore)[1] ! string(.)
                          else te:common-date($date/@notBefore, $date/@notAfter)[.]"/>
  </xsl:function>

  <xd:doc><xd:desc>What two ISO dates bounding a date have in common, component by component: the
    date as far as it is asserted ("2011" of 2011-06-01 to 2011-08-31; "1986-02" of two days of
    February), so that a citation or a machine-readable date never states a day nobody asserts.</xd:desc></xd:doc>
  <xsl:function name="te:common-date" as="xs:string">
    <xsl:param name="from" as="xs:string"/>
    <xsl:param name="to" as="xs:string"/>
    <xsl:variable name="a" select="tokenize($from, '-')"/>
    <xsl:variable name="b" select="tokenize($to, '-')"/>
    <xsl:variable name="same" select="(for $i in 1 to min((count($a), count($b))) return $i[$a[$i] ne $b[$i]], min((count($a), count($b))) + 1)[1] - 1"/>
    <xsl:sequence select="string-join($a[position() le $same], '-')"/>
  </xsl:function>

  <xd:doc><xd:desc>The date of a document as a reader reads it: written out when exact, else the
    words of the header ("probably June–August 2011").</xd:desc></xd:doc>
  <xsl:function name="te:document-date-label" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="date" select="te:dating($tei)"/>
    <xsl:sequence select="if ($date/@when) then te:format-date($date/@when) else normalize-space($date)"/>
  </xsl:function>

  <xd:doc><xd:desc>An HTML id for a role ("ref", "tip") of an element: from its xml:id, or from the
    nearest xml:id above it and its place there, so that ids do not change when other
    documents do.</xd:desc></xd:doc>
  <xsl:function name="te:id" as="xs:string">
    <xsl:param name="role" as="xs:string"/>
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="anchor" select="$element/ancestor::*[@xml:id][1]"/>
    <xsl:sequence select="$role || '-' || (if ($element/@xml:id) then $element/@xml:id
      else $anchor/@xml:id || '-' || local-name($element) || te:namesakes($anchor, node-name($element))(generate-id($element)))"/>
  </xsl:function>

  <xd:doc><xd:desc>The place of each element named `$name` inside `$anchor` among its namesakes there, computed once per anchor and name.</xd:desc></xd:doc>
  <xsl:function name="te:namesakes" as="map(xs:string, xs:integer)" cache="yes">
    <xsl:param name="anchor" as="element()"/>
    <xsl:param name="name" as="xs:QName"/>
    <xsl:sequence select="te:ordinals($anchor//*[node-name() = $name])"/>
  </xsl:function>

  <xd:doc><xd:desc>True when an element stands inside running text (where only phrasing HTML may go).</xd:desc></xd:doc>
  <xsl:function name="te:in-phrase" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element/ancestor::*[self::tei:p or self::tei:ab or self::tei:head or self::tei:l
      or self::tei:item or self::tei:label or self::tei:fw or self::tei:salute or self::tei:dateline or self::tei:signed
      or self::tei:addrLine or self::tei:byline or self::tei:title or self::tei:bibl or self::tei:note or self::tei:docDate
      or self::tei:quote or self::tei:q or self::tei:said or self::tei:speaker or self::tei:stage or self::tei:castItem][1])"/>
  </xsl:function>
</xsl:stylesheet>
