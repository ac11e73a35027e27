package org.newsdesk.index.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    assertEquals(InputProblem.Kind.HEADLINE_ONLY, brief.kind(), "a brief is not a record whose text is missing");
    assertTrue(brief.location().endsWith("reut2-sample.sgm:33"), brief.location());
    assertTrue(brief.reason().contains("reuters-103 is a headline-only brief"), brief.reason());
    assertTrue(brief.skipped());
  }

  private static String unprocessed(int newId, String text) {
    return "<REUTERS NEWID=\"" + newId + "\">\n<DATE>26-FEB-1987 16:34:34.40</DATE>\n<TEXT TYPE=\"UNPROC\">&#2;\n" + text
        + "&#3;</TEXT>\n</REUTERS>\n";
  }

  /** Unprocessed records carry their headline as the first lines in capitals: it is the title, not the body. */
  @Test
  void unprocessedRecordsGetTheirHeadlineAsTitle() throws IOException {
    Path file = Files.writeString(dir.resolve("unproc.sgm"), "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
        + unprocessed(1, "HARBOUR BOARD WEEKLY REPORT 1 - FEB 26\n    Two weeks ended Feb 25      daily avgs\n"
            + " Ships in port...........64 vs.....37\n")
        + unprocessed(2, "161125******S/P DOWNGRADES HARBOUR CITY'S 17.6 BILLION DLR\nLONG-TERM DEBT\n")
        + unprocessed(3, "    (EMBARGOED FOR RELEASE AT 1130 GMT)\nFEB UNEMPLOYMENT FELL 44,100\n"
            + "March 16 - The board said it provided the market with help.\n")
        + unprocessed(4, "    In today's item please read 17 cts, not 71 cts.\n Reuter\n")
        + unprocessed(5, "NY COMEX COPPER 12:30\nAPR7 UNTRD\nMAY7 6265 UNCH\n")
        + unprocessed(6, "HARBOUR DOLLAR CROSS RATES OPENING IN THE GULF - APRIL 7\nEMIRATES 3.6727/32 BAHRAIN 0.37693/03\n")
        + unprocessed(7, "HARBOUR BOARD SELLS SHARES AT HIGHER PRICE THAN PLANNED LONDON, March 24 -\n"
            + "The board sold its shares at a higher price.\n")
        + unprocessed(8, "HARBOUR BOARD BUYS SHARES AT LOWER PRICE THAN PLANNED TODAY NEW YORK, March 24 -\n"
            + "The board bought shares.\n")
        + unprocessed(9, "HARBOUR CD'S RATE - APRIL 7 ONE MTH 3-3/8 3-1/4 TWO MTHS 3-3/8 3-1/4 THREE MTHS 3-3/8\n")
        + unprocessed(10, "HARBOUR MONEY MARKET GIVEN 451 MLN STG HELP LONDON,\nMarch 16 - The board said it helped.\n")
        + unprocessed(11, "(CORRECTION) - MARCH 30 - HARBOUR TRADE FALLS\nThe board's trade fell.\n")
        + unprocessed(12, "HARBOUR MARKETS DECLINES - SHARES FALL AS BOARD SELLS STAKE IN FERRY\nThe board sold.\n"));
    Reading r = Reading.of(file);
    assertEquals(List.of("HARBOUR BOARD WEEKLY REPORT 1 - FEB 26", "S/P DOWNGRADES HARBOUR CITY'S 17.6 BILLION DLR LONG-TERM DEBT",
        "FEB UNEMPLOYMENT FELL 44,100"), r.articles.stream().limit(3).map(a -> a.field(RawArticle.TITLE)).toList());
    assertTrue(r.articles.get(0).content().strip().startsWith("Two weeks ended"), r.articles.get(0).content());
    assertTrue(r.articles.get(1).content().contains("S/P DOWNGRADES"), "a headline alone stays the text as well");
    assertTrue(r.articles.get(2).content().strip().startsWith("March 16 - The board"), r.articles.get(2).content());
    assertEquals(null, r.articles.get(3).field(RawArticle.TITLE), "no line in capitals: no title");
    assertEquals("NY COMEX COPPER 12:30", r.articles.get(4).field(RawArticle.TITLE), "a table's first row is not the title");
    assertEquals("HARBOUR DOLLAR CROSS RATES OPENING IN THE GULF - APRIL 7", r.articles.get(5).field(RawArticle.TITLE),
        "a headline ending in the wire's date is whole; the figures below are no headline");
    assertEquals("HARBOUR BOARD SELLS SHARES AT HIGHER PRICE THAN PLANNED", r.articles.get(6).field(RawArticle.TITLE),
        "a dateline run into the headline is cut off");
    assertEquals("HARBOUR BOARD BUYS SHARES AT LOWER PRICE THAN PLANNED TODAY", r.articles.get(7).field(RawArticle.TITLE));
    assertEquals("HARBOUR CD'S RATE - APRIL 7", r.articles.get(8).field(RawArticle.TITLE), "the table after the date is cut");
    assertEquals("HARBOUR MONEY MARKET GIVEN 451 MLN STG HELP", r.articles.get(9).field(RawArticle.TITLE));
    assertEquals("(CORRECTION) - MARCH 30 - HARBOUR TRADE FALLS", r.articles.get(10).field(RawArticle.TITLE),
        "a headline going on after the date is kept whole");
    assertEquals("HARBOUR MARKETS DECLINES - SHARES FALL AS BOARD SELLS STAKE IN FERRY", r.articles.get(11).field(RawArticle.TITLE),
        "MARKETS and DECLINES are no months");
  }

  /** A record with an empty BODY is missing its text, unlike a brief: the two are counted apart. */
  @Test
  void anEmptyBodyIsNoBodyNotABrief() throws IOException {
    Path file = Files.writeString(dir.resolve("empty.sgm"), "<REUTERS NEWID=\"12793\">\n<DATE>26-FEB-1987 16:34:34.40</DATE>\n"
        + "<TEXT>&#2;\n<TITLE>HARBOUR BOARD MEETS</TITLE>\n<BODY></BODY></TEXT>\n</REUTERS>\n"
        + "<REUTERS NEWID=\"12794\">\n<DATE>26-FEB-1987 16:34:34.40</DATE>\n"
        + "<TEXT TYPE=\"BRIEF\">&#2;\n******<TITLE>HARBOUR BOARD BRIEF\n</TITLE>\n</TEXT>\n</REUTERS>\n");
    Reading r = Reading.of(file);
    assertEquals(List.of(), r.articles);
    assertEquals(List.of(InputProblem.Kind.NO_BODY, InputProblem.Kind.HEADLINE_ONLY),
        r.problems.stream().map(InputProblem::kind).toList(), r.problems.toString());
    assertTrue(r.problems.get(0).reason().contains("reuters-12793 has no <BODY> text"), r.problems.get(0).reason());
  }
}
