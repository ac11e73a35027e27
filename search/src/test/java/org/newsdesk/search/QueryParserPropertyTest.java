package org.newsdesk.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever the user types, a search either runs or fails with the library's own {@link QuerySyntaxException}
 * (a one-line message, a position inside the query or -1), never with another exception: random sequences of
 * Lucene syntax (operators, quotes, parentheses, fields known and unknown, wildcards, fuzzy and proximity marks,
 * regular expressions, ranges, escapes, boosts) and arbitrary Unicode, through the whole search, 400 tries.
 */
class QueryParserPropertyTest {
  private static Path dir;
  private static NewsSearcher searcher;

  private static final List<String> TOKENS = List.of(
      "ceasefire", "cease", "fire", "armenia", "Putin", "talks", "AND", "OR", "NOT", "&&", "||", "!", "+", "-", "\"", "\"",
      "(", ")", "(", ")", "*", "?", "~", "~2", "^", "^3", "/", "/[a-z]+/", "[", "]", "{", "}", " TO ", "\\", ":", "title:",
      "body:", "person:", "location:", "org:", "entity:", "source:", "published:", "published:[2020-09-01 TO 2020-10-31]",
      "published:2020", "published:[* TO 2020-09]", "foo:", "date:", "caption:", "*:*", "a*", "ce?sefire", "ceasfire~",
      "\"cease fire\"~2", "2020-09-27", "9999-99-99", " ", "  ", "\t", "\n", "é", "😀", "\u0000", "\u001b", "\ud800", "ﬁ");

  @BeforeContainer
  static void open() throws Exception {
    dir = Files.createTempDirectory("newsdesk-query-property");
    Fixtures.writeIndex(dir, Fixtures.articles());
    searcher = NewsSearcher.open(dir);
  }

  @AfterContainer
  static void close() throws Exception {
    searcher.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Provide
  Arbitrary<String> queries() {
    Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.of(TOKENS), Arbitraries.of(TOKENS),
        Arbitraries.strings().all().ofMaxLength(6), Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8));
    Arbitrary<String> separator = Arbitraries.of("", " ", " ");
    return Arbitraries.oneOf(token, separator).list().ofMaxSize(30).map(l -> String.join("", l));
  }

  @Property(tries = 400)
  void aSearchRunsOrRaisesTheLibrarysQuerySyntaxException(@ForAll("queries") String query,
      @ForAll SearchRequest.MatchMode match) {
    try {
      SearchResults r = searcher.search(SearchRequest.of(query).withMatch(match).withLimit(5));
      assertNotNull(r.hits());
      assertTrue(r.total() >= 0);
    } catch (QuerySyntaxException e) {
      assertTrue(e.position() >= -1 && e.position() <= query.length(), "position " + e.position() + " within the query: " + query);
      assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), "one line: " + e.getMessage());
      assertFalse(e.getMessage().contains("org.apache.lucene"), "no Lucene class names: " + e.getMessage());
    }
  }

  /** Found by the property above: the unexpected token itself held the newline, and the message quoted it raw. */
  /**
   * Found by the property above: NFC lengthens some text (U+FB44 becomes two chars), and the error position was the
   * normalized text's, past the end of the query as typed.
   */
  @Example
  void anErrorPositionIsInTheQueryAsTyped() {
    String query = "\uFB44\uFB44\uFB44 ceasefire^";
    QuerySyntaxException e = org.junit.jupiter.api.Assertions.assertThrows(QuerySyntaxException.class,
        () -> searcher.search(SearchRequest.of(query).withLimit(5)));
    assertTrue(e.position() >= 0 && e.position() <= query.length(), e.position() + " in " + query.length());
    org.junit.jupiter.api.Assertions.assertEquals(query, e.query());
    // "c" is at 7 in the NFC form (three letters of two chars and a space), at 4 as typed; the end, 16, at 13
    org.junit.jupiter.api.Assertions.assertEquals(4, QueryFactory.originalPosition("\uFB44\uFB44\uFB44 ceasefire", 7));
    org.junit.jupiter.api.Assertions.assertEquals(13, QueryFactory.originalPosition("\uFB44\uFB44\uFB44 ceasefire", 16));
  }

  @Example
  void aNewlineInTheUnexpectedTokenIsEscaped() {
    QuerySyntaxException e = org.junit.jupiter.api.Assertions.assertThrows(QuerySyntaxException.class,
        () -> searcher.search(SearchRequest.of("[ceasefire ceasefire\n").withLimit(5)));
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    assertTrue(e.getMessage().contains("\\u000A"), e.getMessage());
  }
}
