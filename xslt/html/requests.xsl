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

  <xd:doc><xd:desc>The table, where the divGen stands.</xd:desc></xd:doc>
  <xsl:template match="tei:divGen[@type = 'requests-answers']">
    <xsl:variable name="from" select="te:page-of(.)"/>
    <xsl:variable name="links" select="root(.)//tei:standOff/tei:linkGrp[@type = 'request-answer']/tei:link"/>
    <table class="requests-answers" id="requests-answers-table">
      <thead><tr><th scope="col"><xsl:value-of select="te:t('Subject')"/></th><th scope="col"><xsl:value-of select="te:t('Request')"/></th><th scope="col"><xsl:value-of select="te:t('Answer')"/></th></tr></thead>
      <tbody>
        <xsl:for-each select="$links">
          <xsl:variable name="link" select="."/>
          <tr>
            <th scope="row"><xsl:value-of select="@n"/></th>
            <xsl:for-each select="tokenize(normalize-space(@target))[position() le 2]">
              <xsl:variable name="target" select="te:target(., $link)"/>
              <td>
                <xsl:if test="$target">
                  <xsl:variable name="doc" select="te:document($target)"/>
                  <p class="where">
                    <xsl:call-template name="te:apparatus-link">
                      <xsl:with-param name="target" select="$target"/>
                      <xsl:with-param name="from" select="$from"/>
                      <xsl:with-param name="content" select="string-join((te:doc-number($doc)[.] ! (te:t('No.') || ' ' || .), te:short-title($doc)), ', ')"/>
                    </xsl:call-template>
                  </p>
                  <p><xsl:value-of select="te:text-of($target)"/></p>
                </xsl:if>
              </td>
            </xsl:for-each>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>
</xsl:stylesheet>
