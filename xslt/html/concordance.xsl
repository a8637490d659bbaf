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
    <xd:desc>The concordance of identifiers (divGen type concordance in edition.xml): one row per
      document, in the order of its number, with the identifiers read from its header: RGANI
      signature and leaves (msIdentifier, locus), Hoover microfilm (altIdentifier), Wilson Center
      record (idno type wcda) and the address of the record, said to be inferred where it is, with the copy
      the text was edited from where that is another.</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>The table, where the divGen stands.</xd:desc></xd:doc>
  <xsl:template match="tei:divGen[@type = 'concordance']">
    <xsl:variable name="from" select="te:page-of(.)"/>
    <xsl:variable name="table" as="element()">
    <table class="concordance cards" id="concordance-table">
      <thead>
        <tr><th scope="col"><xsl:value-of select="te:t('No.')"/></th><th scope="col"><xsl:value-of select="te:t('Document')"/></th><th scope="col">RGANI</th><th scope="col"><xsl:value-of select="te:t('Leaves')"/></th>
          <th scope="col"><xsl:value-of select="te:t('Hoover microfilm')"/></th><th scope="col"><xsl:value-of select="te:t('Wilson Center record')"/></th><th scope="col"><xsl:value-of select="te:t('Address of the record')"/></th></tr>
      </thead>
      <tbody>
        <xsl:for-each select="$documents">
          <xsl:sort select="xs:integer((@n[. castable as xs:integer], 0)[1])"/>
          <xsl:variable name="file" select="tei:teiHeader/tei:fileDesc"/>
          <xsl:variable name="id" select="$file/tei:sourceDesc/tei:msDesc/tei:msIdentifier"/>
          <xsl:variable name="online" select="$file/tei:sourceDesc/tei:bibl[@type = 'online'][1]"/>
          <xsl:variable name="record" select="($online/tei:ref[not(@type)])[1]"/>
          <xsl:variable name="url" select="$record/@target"/>
          <xsl:variable name="edited" select="($online//tei:ref[@type = 'copy']/@target)[1]"/>
          <xsl:variable name="copy" select="($online/tei:ref[@type = 'republished']/@target)[1]"/>
          <tr id="concordance-{@xml:id}">
            <td><xsl:value-of select="te:doc-number(.)"/></td>
            <td>
              <xsl:call-template name="te:apparatus-link">
                <xsl:with-param name="target" select="."/>
                <xsl:with-param name="from" select="$from"/>
                <xsl:with-param name="content" select="te:short-title(.)"/>
              </xsl:call-template>
            </td>
            <td><xsl:value-of select="(string-join(($id/tei:collection, $id/tei:idno) ! te:text-of(.), ', ')[.], '—')[1]"/></td>
            <td><xsl:value-of select="(($file/tei:sourceDesc/tei:msDesc/tei:msContents/tei:msItem/tei:locus)[1] ! te:text-of(.), '—')[1]"/></td>
            <td><xsl:value-of select="(string-join($id/tei:altIdentifier[@type = 'microfilm']/tei:idno ! te:text-of(.), '; ')[.], '—')[1]"/></td>
            <td>
              <xsl:value-of select="($online/tei:idno[@type = 'wcda'] ! te:text-of(.), '—')[1]"/>
              <!-- an address the editors inferred is said to be one (here: the address cell breaks anywhere) -->
              <xsl:if test="$record/@cert = ('medium', 'low')"><xsl:value-of select="' (' || te:t('address inferred, not confirmed') || ')'"/></xsl:if>
            </td>
            <td class="url"><xsl:choose>
              <xsl:when test="$url">
                <a href="{$url}"><xsl:value-of select="$url"/></a>
                <!-- the copy edited, where it is another, its label on a line of its own: the cell breaks anywhere -->
                <xsl:if test="$edited"><br/><xsl:value-of select="te:t('copy edited:')"/><br/><a href="{$edited}"><xsl:value-of select="$edited"/></a></xsl:if>
              </xsl:when>
              <xsl:when test="$copy"><xsl:value-of select="te:t('not known')"/><br/><xsl:value-of select="te:t('republished:')"/><br/><a href="{$copy}"><xsl:value-of select="$copy"/></a></xsl:when>
              <xsl:otherwise><xsl:value-of select="te:t('not known')"/></xsl:otherwise>
            </xsl:choose></td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
    </xsl:variable>
    <xsl:sequence select="te:card-table($table)"/>
  </xsl:template>
</xsl:stylesheet>
