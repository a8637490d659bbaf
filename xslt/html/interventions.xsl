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
    <xd:desc>The list of the editors' interventions (divGen type interventions in edition.xml),
      generated from the choice elements of each document, its header included: where, the source's reading,
      the editors' reading, the kind and certainty of the intervention, and the reason given by
      the editors' note that follows it (the note the tooltip of the text shows too). Changes of form
      that no choice can hold (a label or bracket of the translation not kept, a paragraph boundary
      restored) are recorded by a textual note of subtype "intervention", whose first quote is the
      source's reading; they are listed in their place among the choices.</xd:desc>
  </xd:doc>

  <xd:doc><xd:desc>One table per document, in the order of the documents' numbers.</xd:desc></xd:doc>
  <xsl:template match="tei:divGen[@type = 'interventions']">
    <xsl:variable name="from" select="te:page-of(.)"/>
    <xsl:for-each select="$documents">
      <xsl:sort select="xs:integer((@n[. castable as xs:integer], 0)[1])"/>
      <!-- the header's choices too (the archive's citation and summary): the list claims every place -->
      <xsl:variable name="choices" select="(tei:teiHeader | tei:text)//tei:choice[(tei:sic and tei:corr) or (tei:orig and tei:reg)]
        | tei:text//tei:note[@subtype = 'intervention']"/>
      <section class="interventions" id="interventions-{@xml:id}">
        <h3><xsl:value-of select="(te:numbered-heading(.)[.], te:title(.))[1]"/></h3>
        <xsl:choose>
          <xsl:when test="empty($choices)"><p><xsl:value-of select="te:t('No intervention.')"/></p></xsl:when>
          <xsl:otherwise>
            <xsl:variable name="table" as="element()">
            <table class="interventions cards">
              <thead><tr><th scope="col"><xsl:value-of select="te:t('Place')"/></th><th scope="col"><xsl:value-of select="te:t('Source')"/></th><th scope="col"><xsl:value-of select="te:t('Edited')"/></th><th scope="col"><xsl:value-of select="te:t('Kind')"/></th><th scope="col"><xsl:value-of select="te:t('Reason')"/></th></tr></thead>
              <tbody>
                <xsl:for-each select="$choices">
                  <xsl:variable name="edited" select="(tei:corr, tei:reg)[1]"/>
                  <xsl:variable name="note" select="if (self::tei:note) then . else te:intervention-note(.)"/>
                  <xsl:variable name="anchor" select="te:citable(if (self::tei:note) then .. else .)"/>
                  <tr id="{te:id('intervention', .)}">
                    <td>
                      <xsl:call-template name="te:apparatus-link">
                        <xsl:with-param name="target" select="$anchor"/>
                        <xsl:with-param name="from" select="$from"/>
                        <xsl:with-param name="href" select="te:citable-link($anchor, $from)"/>
                        <xsl:with-param name="content" select="te:citable-label($anchor)"/>
                      </xsl:call-template>
                    </td>
                    <td class="intervention-source"><xsl:value-of select="if (self::tei:note) then te:text-of(tei:quote[1]) else te:reading-in-word(., (tei:sic, tei:orig)[1])"/></td>
                    <td class="intervention-edited"><xsl:value-of select="if (self::tei:note) then te:t('see the reason') else te:reading-in-word(., $edited)"/></td>
                    <td><xsl:value-of select="if (self::tei:note) then te:t('change of form') else (if ($edited/self::tei:corr) then te:t('correction') else te:t('regularisation')) || ($edited/@cert ! (', ' || replace(te:t('certainty {level}'), '{level}', te:t(.), 'q')))"/></td>
                    <td><xsl:value-of select="if ($note) then te:plain($note) else if ($edited/self::tei:corr) then te:t('An evident slip of the source; no note.') else te:t('Regularised for the reader; no note.')"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
            </xsl:variable>
            <xsl:sequence select="te:card-table($table)"/>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
