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
      register of events: each event that falls wholly or in part in those years, in order of date, with its
      date as the register establishes it and the numbers of the documents that name it.</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>Elements of the documents that point to an entry of a register, by the pointer.</xd:desc></xd:doc>
  <xsl:key name="te:mentions" match="tei:text//*[@ref]" use="tokenize(normalize-space(@ref))"/>

  <xd:doc><xd:desc>The first day an event may have begun on, as an ISO string, for sorting and selection.</xd:desc></xd:doc>
  <xsl:function name="te:event-start" as="xs:string">
    <xsl:param name="event" as="element(tei:event)"/>
    <xsl:sequence select="string(($event/@when, $event/@from, $event/@notBefore, '')[1])"/>
  </xsl:function>

  <xd:doc><xd:desc>An event's date for the reader: a day, a span, or the range the sources leave open; "probably" where the register is not certain.</xd:desc></xd:doc>
  <xsl:function name="te:event-date" as="xs:string">
    <xsl:param name="event" as="element(tei:event)"/>
    <xsl:sequence select="
      (if ($event/@when) then te:format-date($event/@when)
       else if ($event/@from) then te:format-date($event/@from) || ' – ' || te:format-date($event/@to)
       else if ($event/@notBefore) then replace(replace(te:t('between {from} and {to}'), '{from}', te:format-date($event/@notBefore), 'q'), '{to}', te:format-date($event/@notAfter), 'q')
       else '')
      || (if ($event/@cert = ('medium', 'low')) then ' ' || te:t('(probably)') else '')"/>
  </xsl:function>

  <xd:doc><xd:desc>The table, where the divGen stands.</xd:desc></xd:doc>
  <xsl:template match="tei:divGen[@type = 'chronology']">
    <xsl:variable name="from" select="te:page-of(.)"/>
    <xsl:variable name="root" select="root(.)"/>
    <!-- an event counts when any part of it falls in 1979–1989: the revolution of 1978–1979 is in -->
    <xsl:variable name="events" select="key('te:id', 'events')/tei:standOff//tei:event[substring(string((@to, @notAfter, @when, @from, @notBefore)[1]), 1, 4) ge '1979' and substring(te:event-start(.), 1, 4) le '1989']"/>
    <table class="chronology" id="chronology-table">
      <thead><tr><th scope="col"><xsl:value-of select="te:t('Date')"/></th><th scope="col"><xsl:value-of select="te:t('Event')"/></th><th scope="col"><xsl:value-of select="te:t('Documents')"/></th></tr></thead>
      <tbody>
        <xsl:for-each select="$events">
          <xsl:sort select="te:event-start(.)"/>
          <xsl:variable name="event" select="."/>
          <xsl:variable name="naming" select="$documents[exists(key('te:mentions', 'evt:' || $event/@xml:id, .))]"/>
          <tr>
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
                <xsl:if test="position() gt 1">, </xsl:if>
                <xsl:call-template name="te:apparatus-link">
                  <xsl:with-param name="target" select="."/>
                  <xsl:with-param name="from" select="$from"/>
                  <xsl:with-param name="content" select="(te:doc-number(.)[.], te:short-title(.))[1]"/>
                </xsl:call-template>
              </xsl:for-each>
            </td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>
</xsl:stylesheet>
