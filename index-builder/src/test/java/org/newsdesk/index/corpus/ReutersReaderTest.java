package org.newsdesk.index.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** The fixture has the collection's quirks: a 0xFC byte, {@code &#N;} controls, unescaped {@code >}, CSECS, a brief. */
class ReutersReaderTest extends CorpusReaderTest {
  @Override
  String fixture() {
    return "reut2-sample.sgm";
  }

  @Override
  CorpusFormat format() {
    return CorpusFormat.REUTERS_SGML;
  }

  @Override
  int expectedArticles() {
    return 2;
  }

  @Override
  void checkArticles(List<RawArticle> articles) {
    assertEquals(List.of("reuters-101", "reuters-102"), articles.stream().map(a -> a.field(RawArticle.ID)).toList());
    RawArticle first = articles.get(0);
    assertTrue(first.origin().endsWith("reut2-sample.sgm:2"), first.origin());
    assertEquals("GRAIN SHIPMENTS RISE IN FEBRUARY", first.field(RawArticle.TITLE));
    assertEquals("1987-03-02T10:15:30Z", first.field(RawArticle.PUBLISHED));
    assertEquals("CHICAGO, March 2", first.field(RawArticle.DATELINE));
    assertEquals("Reuters", first.field(RawArticle.SOURCE));
    assertTrue(first.content().startsWith("Grain shipments from the port rose"), first.content());
    assertTrue(first.content().contains("corn > 1.2 mln"), "unescaped > kept as text");
    assertTrue(first.content().strip().endsWith("in five years, it said."), "sign-off and &#3; removed: " + first.content());
    for (RawArticle a : articles) {
      assertFalse(a.content().chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t'), "no control characters");
    }
    RawArticle second = articles.get(1);
    assertEquals("<ACME CORP> SETS DIVIDEND", second.field(RawArticle.TITLE), "&lt; decoded; CSECS attribute ignored");
    assertEquals("MüNCHEN, March 2", second.field(RawArticle.DATELINE), "0xFC read as Windows-1252");
  }

  @Override
  void checkProblems(List<InputProblem> problems) {
    assertEquals(2, problems.size(), problems.toString());
    InputProblem encoding = problems.get(0);
    assertEquals(InputProblem.Kind.BAD_ENCODING, encoding.kind());
    assertTrue(encoding.location().endsWith("reut2-sample.sgm:28"), encoding.location());
    assertFalse(encoding.skipped());
    InputProblem brief = problems.get(1);
    assertEquals(InputProblem.Kind.NO_BODY, brief.kind());
    assertTrue(brief.location().endsWith("reut2-sample.sgm:33"), brief.location());
    assertTrue(brief.reason().contains("reuters-103 is a headline-only brief"), brief.reason());
    assertTrue(brief.skipped());
  }
}
