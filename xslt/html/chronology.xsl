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
    <xd:desc>The chronology 1979–1989 (divGen type chronology in edition.xml), generated from the
      register of events: each event that begins in those years, in order of date, with its
      date as the register establishes it and the numbers of the documents that name it, and the
      edition's own documents of those years on their dates.</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>Elements of the documents that point to an entry of a register, by the pointer.</xd:desc></xd:doc>
  <xsl:key name="te:mentions" match="tei:text//*[@ref]" use="tokenize(normalize-space(@ref))"/>

  <xd:doc><xd:desc>The first day an event may have begun on, as an ISO string, for sorting and selection.</xd:desc></xd:doc>
  <xsl:function name="te:event-start" as="xs:string">
    <xsl:param name="event" as="element(tei:event)"/>
    <xsl:sequence select="string(($event/@when, $event/@from, $event/@notBefore, '')[1])"/>
  </xsl:function>

  <xd:doc><xd:desc>Two written dates as one span, their shared end written once, in the words of any
    language's date pattern: "1–4 January 1989", "2 July – 13 August 1990", "1978–1979" (review 18i #13:
    "1 January 1989 – 4 January 1989"). A dash without spaces joins single words, a spaced one phrases.</xd:desc></xd:doc>
  <xsl:function name="te:date-range" as="xs:string">
    <xsl:param name="from" as="xs:string"/>
    <xsl:param name="to" as="xs:string"/>
    <xsl:variable name="a" select="tokenize($from, ' ')"/>
    <xsl:variable name="b" select="tokenize($to, ' ')"/>
    <!-- how many final words the two share, the first words of each always kept -->
    <xsl:variable name="shared" select="(for $n in reverse(0 to min((count($a), count($b))) - 1)
      return $n[every $i in 1 to $n satisfies $a[count($a) - $n + $i] = $b[count($b) - $n + $i]])[1]"/>
    <xsl:variable name="head-a" select="string-join($a[position() le count($a) - $shared], ' ')"/>
    <xsl:variable name="head-b" select="string-join($b[position() le count($b) - $shared], ' ')"/>
    <xsl:variable name="tail" select="string-join($a[position() gt count($a) - $shared], ' ')"/>
    <xsl:sequence select="if ($from = $to) then $from
      else $head-a || (if (contains($head-a, ' ') or contains($head-b, ' ')) then ' – ' else '–') || $head-b || ($tail[.] ! (' ' || .))"/>
  </xsl:function>

  <xd:doc><xd:desc>An event's date for the reader: a day, a span, or the range the sources leave open; "probably" where the register is not certain.</xd:desc></xd:doc>
  <xsl:function name="te:event-date" as="xs:string">
    <xsl:param name="event" as="element(tei:event)"/>
    <xsl:sequence select="
      (if ($event/@when) then te:format-date($event/@when)
       else if ($event/@from) then te:date-range(te:format-date($event/@from), te:format-date($event/@to))
       else if ($event/@notBefore) then replace(replace(te:t('between {from} and {to}'), '{from}', te:format-date($event/@notBefore), 'q'), '{to}', te:format-date($event/@notAfter), 'q')
       else '')
      || (if ($event/@cert = ('medium', 'low')) then ' ' || te:t('(probably)') else '')"/>
  </xsl:function>

  <xd:doc><xd:desc>The table, where the divGen stands: the events of 1979–1989, as its heading says.</xd:desc></xd:doc>
  <xsl:template match="tei:divGen[@type = 'chronology']">
    <!-- an event counts when any part of it falls in 1979–1989: the revolution of 1978–1979 is in -->
    <xsl:call-template name="te:chronology-table">
      <xsl:with-param name="from" select="te:page-of(.)"/>
      <xsl:with-param name="events" select="$te:events[substring(string((@to, @notAfter, @when, @from, @notBefore)[1]), 1, 4) ge '1979' and substring(te:event-start(.), 1, 4) le '1989']"/>
      <!-- the edition's own documents of those years stand among the events they answer -->
      <xsl:with-param name="dated" select="$documents[substring(te:document-date(.), 1, 4)[. ge '1979' and . le '1989']]"/>
      <xsl:with-param name="id" select="'chronology-table'"/>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>The events of the register of events that have a date.</xd:desc></xd:doc>
  <xsl:variable name="te:events" as="element(tei:event)*" select="$te:files('events')/tei:standOff//tei:event[te:event-start(.)]"/>

  <xd:doc><xd:desc>The chronology's own page: every dated event of the register and the documents of
    the edition on their own dates, in one order of time.</xd:desc></xd:doc>
  <xsl:template name="te:chronology-page">
    <xsl:variable name="title" select="te:t('Chronology')"/>
    <xsl:variable name="main" as="element()*">
      <article class="register chronology-page" aria-labelledby="chronology-title">
        <h1 id="chronology-title"><xsl:value-of select="$title"/></h1>
        <p class="register-count"><xsl:value-of select="te:t('The events of the register of events in order of date, each with the documents that name it, and the documents of the edition on their own dates (in bold). Dates the sources do not settle are given as a range or marked as probable.')"/></p>
        <xsl:call-template name="te:chronology-table">
          <xsl:with-param name="from" select="'chronology.html'"/>
          <xsl:with-param name="events" select="$te:events"/>
          <xsl:with-param name="dated" select="$documents[te:document-date(.)]"/>
          <xsl:with-param name="id" select="'chronology'"/>
        </xsl:call-template>
      </article>
    </xsl:variable>
    <xsl:sequence select="map{
      'id': 'chronology', 'kind': 'register', 'path': 'chronology.html', 'title': $title, 'short_title': $title,
      'description': te:t('The events of the edition and its documents in order of date.'),
      'main': te:html($main)
    }"/>
  </xsl:template>

  <xd:doc><xd:desc>The table of a chronology: a row for each event (date, event, the documents that
    name it) and a row for each of the given documents on its own date, in order of date.</xd:desc></xd:doc>
  <xsl:template name="te:chronology-table">
    <xsl:param name="from" as="xs:string"/>
    <xsl:param name="events" as="element(tei:event)*"/>
    <xsl:param name="dated" as="element(tei:TEI)*" select="()"/>
    <xsl:param name="id" as="xs:string"/>
    <!-- on a phone each row a card of labelled lines: three columns there wrapped a date on five lines (review 18j #5) -->
    <xsl:variable name="table" as="element()">
    <table class="chronology cards" id="{$id}">
      <thead><tr><th scope="col"><xsl:value-of select="te:t('Date')"/></th><th scope="col"><xsl:value-of select="te:t('Event')"/></th><th scope="col"><xsl:value-of select="te:t('Documents')"/></th></tr></thead>
      <tbody>
        <xsl:for-each select="$events, $dated">
          <xsl:sort select="if (self::tei:event) then te:event-start(.) else te:document-date(.)"/>
          <xsl:choose>
            <xsl:when test="self::tei:TEI">
              <!-- each row its own id, so that a search lands on the row that holds the words found (review 18h #1) -->
              <!-- a document's own row is its title: the search finds the document, not the chronology by it -->
              <tr class="document-row" id="chronology-{@xml:id}" data-pagefind-ignore="all">
                <td><xsl:value-of select="te:document-date-label(.)"/></td>
                <td>
                  <strong>
                    <xsl:call-template name="te:apparatus-link">
                      <xsl:with-param name="target" select="."/>
                      <xsl:with-param name="from" select="$from"/>
                      <xsl:with-param name="content" select="te:numbered-short-title(.)"/>
                    </xsl:call-template>
                  </strong>
                  <!-- the kind of document beside its title: the last column lists documents, and a document row has none -->
                  <xsl:for-each select="te:doc-type(.)[.]"> (<xsl:value-of select="."/>)</xsl:for-each>
                </td>
                <td/>
              </tr>
            </xsl:when>
            <xsl:otherwise>
              <xsl:variable name="event" select="."/>
              <xsl:variable name="naming" select="$documents[exists(key('te:mentions', 'evt:' || $event/@xml:id, .))]"/>
              <tr id="chronology-{@xml:id}">
                <td><xsl:value-of select="te:event-date(.)"/></td>
                <td>
                  <xsl:call-template name="te:apparatus-link">
                    <xsl:with-param name="target" select="."/>
                    <xsl:with-param name="from" select="$from"/>
                    <xsl:with-param name="content" select="te:text-of(tei:label[1])"/>
                  </xsl:call-template>
                </td>
                <td>
                  <xsl:for-each select="$naming">
                    <xsl:sort select="xs:integer((@n[. castable as xs:integer], 0)[1])"/>
                    <!-- a span, so that the site can space its targets instead (a comma beside a
                         24-pixel target stood apart: "1 , 2"); the book and a screen reader keep it -->
                    <xsl:if test="position() gt 1"><span class="list-comma">, </span></xsl:if>
                    <!-- to the passage that names the event, as the events register leads (review 18i #13) -->
                    <xsl:call-template name="te:apparatus-link">
                      <xsl:with-param name="target" select="te:citable(key('te:mentions', 'evt:' || $event/@xml:id, .)[1])"/>
                      <xsl:with-param name="from" select="$from"/>
                      <xsl:with-param name="content" select="(te:doc-number(.)[.], te:short-title(.))[1]"/>
                      <xsl:with-param name="name" select="te:numbered-short-title(.)"/>
                    </xsl:call-template>
                  </xsl:for-each>
                </td>
              </tr>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </tbody>
    </table>
    </xsl:variable>
    <xsl:sequence select="te:card-table($table)"/>
  </xsl:template>
</xsl:stylesheet>
