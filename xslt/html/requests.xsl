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
    <xd:desc>Requests and answers (divGen type requests-answers in edition.xml): the links of every
      linkGrp of type request-answer, each a row with the request's paragraph beside the answer's,
      side by side on the web and as a table in the book, each linked to its place.</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>The table, where the divGen stands. A request that several links share (the
    memorandum's one paragraph on the letter's two requests) stands once, across their rows; a
    link's further targets (the letter's own passage of a request) are cited under its subject.</xd:desc></xd:doc>
  <xsl:template match="tei:divGen[@type = 'requests-answers']">
    <xsl:variable name="from" select="te:page-of(.)"/>
    <xsl:variable name="links" select="root(.)//tei:standOff/tei:linkGrp[@type = 'request-answer']/tei:link"/>
    <table class="requests-answers" id="requests-answers-table">
      <thead><tr><th scope="col"><xsl:value-of select="te:t('Subject')"/></th><th scope="col"><xsl:value-of select="te:t('Request')"/></th><th scope="col"><xsl:value-of select="te:t('Answer')"/></th></tr></thead>
      <tbody>
        <xsl:for-each select="$links">
          <xsl:variable name="link" select="."/>
          <xsl:variable name="targets" select="tokenize(normalize-space(@target))"/>
          <xsl:variable name="request" select="$targets[1]"/>
          <xsl:variable name="shared" select="preceding-sibling::tei:link[1][tokenize(normalize-space(@target))[1] = $request]"/>
          <xsl:variable name="run" select="if ($shared) then 0 else 1 + count(following-sibling::tei:link[tokenize(normalize-space(@target))[1] = $request])"/>
          <tr id="{te:id('request', .)}">
            <th scope="row">
              <xsl:value-of select="@n"/>
              <xsl:for-each select="$targets[position() gt 2] ! te:target(., $link)">
                <p class="where">
                  <xsl:call-template name="te:apparatus-link">
                    <xsl:with-param name="target" select="."/>
                    <xsl:with-param name="from" select="$from"/>
                    <xsl:with-param name="content" select="string-join((te:numbered-short-title(te:document(.)), te:citable-label(te:citable(.))), ', ')"/>
                  </xsl:call-template>
                </p>
              </xsl:for-each>
            </th>
            <xsl:for-each select="$targets[position() le 2]">
              <xsl:if test="position() = 2 or not($shared)">
                <xsl:variable name="target" select="te:target(., $link)"/>
                <td>
                  <xsl:if test="position() = 1 and $run gt 1"><xsl:attribute name="rowspan" select="$run"/></xsl:if>
                  <xsl:if test="$target">
                    <xsl:variable name="doc" select="te:document($target)"/>
                    <p class="where">
                      <xsl:call-template name="te:apparatus-link">
                        <xsl:with-param name="target" select="$target"/>
                        <xsl:with-param name="from" select="$from"/>
                        <xsl:with-param name="content" select="te:numbered-short-title($doc)"/>
                      </xsl:call-template>
                    </p>
                    <p><xsl:apply-templates select="$target/node()" mode="te:request-text"/></p>
                  </xsl:if>
                </td>
              </xsl:if>
            </xsl:for-each>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

  <xd:doc><xd:desc>A passage quoted in the table: its words, without notes, a handwritten addition
    marked as on the document's page, and each of the editors' interventions marked as the textual
    notes mark it, the source's reading after the editors' ("Paris [Pants in the source]"): quoted
    here apart from its page, a correction would otherwise be silent.</xd:desc></xd:doc>
  <xsl:mode name="te:request-text" on-no-match="text-only-copy"/>
  <xsl:template match="tei:note" mode="te:request-text"/>
  <xsl:template match="tei:choice[(tei:corr | tei:reg) and (tei:sic | tei:orig)]" mode="te:request-text">
    <xsl:apply-templates select="(tei:corr, tei:reg)[1]/node()" mode="te:request-text"/>
    <span class="source-reading"> [<xsl:apply-templates select="(tei:sic, tei:orig)[1]/node()" mode="te:request-text"/><xsl:text> </xsl:text><i><xsl:value-of select="te:t('in the source')"/></i>]</span>
  </xsl:template>
  <xsl:template match="text()" mode="te:request-text"><xsl:value-of select="replace(., '\s+', ' ')"/></xsl:template>
  <xsl:template match="tei:add" mode="te:request-text">
    <span class="tei-add" title="{te:t('Added by hand.')}"><span class="label"><xsl:value-of select="te:t('handwritten:')"/></span><xsl:text> </xsl:text><span class="added"><xsl:apply-templates mode="te:request-text"/></span></span>
  </xsl:template>
</xsl:stylesheet>
