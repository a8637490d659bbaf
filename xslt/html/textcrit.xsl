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
    <xd:desc>Interventions and readings (Guidelines ch. 3.5, 12): choice with sic/corr,
      orig/reg and abbr/expan; app with lem and rdg. Both readings are in the page: the
      reading view shows the editors' text, the diplomatic view the source's, switched by
      CSS. The intervention is marked, and focus or hover shows the source reading and the
      editors' note (a tooltip the intervention is described by).
      Hook: te:intervention.</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>An intervention of the editors: both readings, marked, with a tooltip.</xd:desc></xd:doc>
  <xsl:template match="tei:choice[count(*) = 2][(tei:sic and tei:corr) or (tei:orig and tei:reg) or (tei:abbr and tei:expan)]">
    <xsl:call-template name="te:intervention">
      <xsl:with-param name="source" select="(tei:sic, tei:orig, tei:abbr)[1]"/>
      <xsl:with-param name="edited" select="(tei:corr, tei:reg, tei:expan)[1]"/>
    </xsl:call-template>
  </xsl:template>

  <xd:doc><xd:desc>The two readings of an intervention and its tooltip. `$source` is what the source
    reads, `$edited` what the editors read; the first editors' note right after it (no words
    between) joins the tooltip.</xd:desc></xd:doc>
  <xsl:template name="te:intervention">
    <xsl:param name="source" as="element()"/>
    <xsl:param name="edited" as="element()"/>
    <xsl:variable name="kind" select="if ($edited/self::tei:corr) then 'correction' else if ($edited/self::tei:reg) then 'regularisation' else 'expansion'"/>
    <xsl:variable name="note" select="te:intervention-note(.)"/>
    <xsl:variable name="tip" select="te:id('tip', .)"/>
    <span class="intervention {$kind}">
      <xsl:if test="not(ancestor::*[te:is-link(.)])">
        <xsl:attribute name="tabindex" select="0"/>
        <xsl:attribute name="aria-describedby" select="$tip"/>
      </xsl:if>
      <span class="reading-edited"><xsl:apply-templates select="$edited/node()"/></span>
      <!-- never shown: keeps the two readings two words for the search index -->
      <span class="separator" hidden="hidden"><xsl:text> </xsl:text></span>
      <span class="reading-source"><xsl:apply-templates select="$source/node()"/></span>
      <span class="tip" role="tooltip" id="{$tip}">
        <xsl:value-of select="te:t('The source reads') || ' “' || te:plain($source) || '”; ' || te:t($kind || ' by the editors:') || ' “' || te:plain($edited) || '”'
          || ($edited/@cert ! (' (' || te:t('certainty:') || ' ' || te:t(.) || ')')) || '.'"/>
        <xsl:if test="$note"><xsl:text> </xsl:text><xsl:value-of select="te:plain($note)"/></xsl:if>
      </span>
    </span>
  </xsl:template>

  <xd:doc><xd:desc>The editors' note that explains an intervention: the first note right after it, with no
    words between, or right after the name it stands in ("the XXVIIInd Congress of the CPSU", whose
    note follows the whole name). The tooltip and the list of interventions both use it.</xd:desc></xd:doc>
  <xsl:function name="te:intervention-note" as="element(tei:note)?">
    <xsl:param name="intervention" as="element()"/>
    <xsl:variable name="scopes" select="($intervention, reverse($intervention/ancestor::*[self::tei:name or self::tei:rs
      or self::tei:persName or self::tei:orgName or self::tei:placeName or self::tei:title][ancestor::tei:text]))"/>
    <xsl:sequence select="($scopes ! following::node()[self::tei:note or self::text()[normalize-space()]][1][self::tei:note][te:is-ours(.)])[1]"/>
  </xsl:function>

  <xd:doc><xd:desc>A choice whose parts do not pair (a lone sic, three alternatives): each part rendered in turn.</xd:desc></xd:doc>
  <xsl:template match="tei:choice">
    <xsl:call-template name="te:inline"/>
  </xsl:template>

  <xd:doc><xd:desc>Parts of a choice outside a pair: spans.</xd:desc></xd:doc>
  <xsl:template match="tei:sic | tei:corr | tei:orig | tei:reg | tei:abbr | tei:expan">
    <xsl:call-template name="te:inline"/>
  </xsl:template>

  <xd:doc><xd:desc>A critical apparatus entry: the lemma in the text, the readings in its tooltip.</xd:desc></xd:doc>
  <xsl:template match="tei:app">
    <xsl:variable name="tip" select="te:id('tip', .)"/>
    <span class="intervention app">
      <xsl:if test="not(ancestor::*[te:is-link(.)])">
        <xsl:attribute name="tabindex" select="0"/>
        <xsl:attribute name="aria-describedby" select="$tip"/>
      </xsl:if>
      <!-- the lemma, or the first reading; either may stand in a group of readings (rdgGrp) -->
      <xsl:variable name="lemma" select="(tei:lem, .//tei:lem[ancestor::tei:app[1] is current()], .//tei:rdg[ancestor::tei:app[1] is current()])[1]"/>
      <span class="lem"><xsl:apply-templates select="$lemma/node()"/></span>
      <span class="tip" role="tooltip" id="{$tip}">
        <!-- readings grouped in rdgGrp count as readings; only the first lemma stands in the text -->
        <xsl:for-each select=".//(tei:lem | tei:rdg | tei:witDetail | tei:wit)[ancestor::tei:app[1] is current()] except ($lemma except .//tei:rdg)">
          <xsl:value-of select="normalize-space(@wit) || ': ' || te:plain(.) || '. '"/>
        </xsl:for-each>
      </span>
    </span>
    <!-- notes on the entry keep their own markers -->
    <xsl:apply-templates select="tei:note | tei:noteGrp"/>
  </xsl:template>
</xsl:stylesheet>
