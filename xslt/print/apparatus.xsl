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
    <xd:desc>The generated lists of the apparatus (concordance, chronology, interventions) on paper:
      a link to a place in the book becomes a page reference, as every link of the book does;
      a register entry, which the book prints only in its indices, is not linked.</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>A page reference to `$target` when the book prints it, its content alone otherwise;
    text given as a string is the editors' and gets typographic quotes.</xd:desc></xd:doc>
  <xsl:template name="te:apparatus-link">
    <xsl:param name="target" as="element()"/>
    <xsl:param name="from" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:param name="name" as="xs:string?" select="()"/>
    <!-- the web's address of the place; the book refers to the target's page -->
    <xsl:param name="href" as="xs:string?" select="()"/>
    <!-- the link's words are the editors' (a register's label, a short title): their quotes typographic -->
    <xsl:variable name="words" select="$content ! (if (. instance of xs:string) then te:educate(.) else .)"/>
    <xsl:choose>
      <xsl:when test="te:in-book($target)"><a class="pageref" href="#{te:book-id($target)}" data-p="{te:t('p.')}" title="{($name ! te:educate(.), normalize-space(string-join($words ! string(.))))[1]}"><xsl:sequence select="$words"/></a></xsl:when>
      <xsl:otherwise><xsl:sequence select="$words"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xd:doc><xd:desc>A generated list's own words on paper (the register's labels, the archive's citations,
    the editors' notes given as reasons) with typographic quotes, as the editors' prose has them
    everywhere in the book; what the lists quote from the sources (the readings of the source and
    the edited text of an intervention, a request's or answer's passage) keeps its own marks.</xd:desc></xd:doc>
  <xsl:template match="tei:divGen[@type = ('concordance', 'chronology', 'interventions', 'requests-answers')]" priority="2">
    <xsl:variable name="list"><xsl:next-match/></xsl:variable>
    <xsl:apply-templates select="$list" mode="te:editors-quotes"/>
  </xsl:template>

  <xsl:mode name="te:editors-quotes" on-no-match="shallow-copy"/>

  <xd:doc><xd:desc>On paper a request that two rows share is not one cell across them (WeasyPrint drew
    the second row's cell empty, as if the request were missing): each row has its own cell, the
    second saying that its request is the passage of the row above.</xd:desc></xd:doc>
  <xsl:template match="*:table[tokenize(@class) = 'requests-answers']//*:td/@rowspan" mode="te:editors-quotes"/>
  <xsl:template match="*:table[tokenize(@class) = 'requests-answers']//*:tr[*:th][count(*:td) = 1]" mode="te:editors-quotes">
    <xsl:copy>
      <xsl:apply-templates select="@*, *:th" mode="#current"/>
      <xsl:element name="td" namespace="{namespace-uri(*:td[1])}">
        <xsl:element name="p" namespace="{namespace-uri(*:td[1])}">
          <xsl:attribute name="class" select="'same-request'"/>
          <xsl:value-of select="te:t('The same passage as in the row above.')"/>
        </xsl:element>
      </xsl:element>
      <xsl:apply-templates select="*:td" mode="#current"/>
    </xsl:copy>
  </xsl:template>

  <xd:doc><xd:desc>On paper an intervention is two rows: its place, readings and kind in four columns,
    and under them its reason across the whole measure (review 17d #3: as a fifth column of some fifteen
    characters a long reason was set as a tower of twenty lines and more, and the row, which a page did
    not split, left half the page before it empty). The head has the same two rows.</xd:desc></xd:doc>
  <xsl:template match="*:table[tokenize(@class) = 'interventions']//*:tr[count(*) = 5]" mode="te:editors-quotes">
    <xsl:variable name="reason" select="*[5]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*, * except $reason" mode="#current"/>
    </xsl:copy>
    <xsl:element name="tr" namespace="{namespace-uri()}">
      <xsl:attribute name="class" select="'intervention-reason'"/>
      <xsl:element name="{local-name($reason)}" namespace="{namespace-uri($reason)}">
        <xsl:apply-templates select="$reason/@*" mode="#current"/>
        <xsl:attribute name="colspan" select="count(* except $reason)"/>
        <xsl:apply-templates select="$reason/node()" mode="#current"/>
      </xsl:element>
    </xsl:element>
  </xsl:template>

  <xd:doc><xd:desc>A text of the editors in a generated list, its straight quotes typographic.</xd:desc></xd:doc>
  <xsl:template match="text()[not(ancestor::*:td[tokenize(@class) = ('intervention-source', 'intervention-edited')]
                                  or ancestor::*:p[not(@class)][ancestor::*:table[tokenize(@class) = 'requests-answers']])]" mode="te:editors-quotes">
    <xsl:value-of select="te:educate(.)"/>
  </xsl:template>
</xsl:stylesheet>
