package org.newsdesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a query can be wrong gets the library's own exception, a position and a one-line message. */
class BadQueryTest {
  @TempDir static Path dir;
  static NewsSearcher searcher;

  @BeforeAll
  static void open() {
    Fixtures.writeIndex(dir, Fixtures.articles());
    searcher = NewsSearcher.open(dir);
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  private static QuerySyntaxException bad(String query) {
    return assertThrows(QuerySyntaxException.class, () -> searcher.search(SearchRequest.of(query)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "\"cease fire               | 0  | the quote opened here is never closed",
      "armenia \"cease fire       | 8  | the quote opened here is never closed",
      "(armenia OR azerbaijan     | 0  | the '(' here is never closed",
      "armenia) OR azerbaijan     | 7  | ')' without a matching '('",
      "*fire                      | -1 | a wildcard (* or ?) cannot start a term; put at least one letter before it",
      "armenia AND                | -1 | the query ends too early (a dangling operator?)",
      "foo:bar                    | 0  | unknown field \"foo\": use title, body, person, location, organization (org), entity, source or published (or escape the colon: \\:)",
      "published:[2020-13-01 TO *] | 11 | \"2020-13-01\" is not a date: use 2020, 2020-09 or 2020-09-27",
      "published:[2021-01 TO 2020-01] | 11 | the range 2021-01 TO 2020-01 ends before it starts",
      "person:put*                | 7  | wildcards, regular expressions and fuzzy terms work on title and body, not on person:",
      "source:[a TO b]            | 0  | ranges work on published, title and body, not on source:",
      "fire^abc                   | 5  | a boost (^) must be followed by a number, as in ceasefire^2",
      "9/11 fire^abc              | 10 | a boost (^) must be followed by a number, as in ceasefire^2",
      "oil~-1                     | 3  | a fuzzy term's ~ must be followed by 0, 1 or 2 (the letters that may differ), as in ceasefire~1",
      "oil~1.5                    | 3  | a fuzzy term's ~ must be followed by 0, 1 or 2 (the letters that may differ), as in ceasefire~1",
      "'\"oil price\"~-1'           | 11 | a phrase's ~ must be followed by how many words may stand between its words, as in \"cease fire\"~2",
      "oil~1e3                    | 3  | a fuzzy term's ~ must be followed by 0, 1 or 2 (the letters that may differ), as in ceasefire~1",
      "oil^.5                     | 3  | a boost (^) must be a positive number up to 1000000, as in ceasefire^2",
      "oil^1e3                    | 3  | a boost (^) must be a positive number up to 1000000, as in ceasefire^2",
      "oil^0                      | 3  | a boost (^) must be a positive number up to 1000000, as in ceasefire^2",
      "oil^-2                     | 3  | a boost (^) must be a positive number up to 1000000, as in ceasefire^2",
      "oil^999999999999999999999999999999999999999999999 | 3 | a boost (^) must be a positive number up to 1000000, as in ceasefire^2",
  })
  void rejected(String query, int position, String reason) {
    QuerySyntaxException e = bad(query.strip());
    assertEquals(reason, messageReason(e), e.getMessage());
    if (position >= 0) {
      assertEquals(position, e.position(), e.getMessage());
    }
    assertOneLine(e);
  }

  /** News text is full of slashes (9/11, 24/7, and/or): they are words, not the start of a regular expression. */
  @Test
  void slashesInWordsAndATrailingBackslashAreSearchedAsText() {
    assertEquals(4, searcher.search(SearchRequest.of("cease/fire")).total()); // the phrase "cease fire"
    assertEquals(4, searcher.search(SearchRequest.of("ceasefire\\")).total());
    assertEquals(4, searcher.search(SearchRequest.of("/ceasefi.*/")).total(), "a regular expression still works");
    assertEquals("9\\/11 \"a/b\" /x.*/ and\\/or \\\\", QueryChecks.escapeLiterals("9/11 \"a/b\" /x.*/ and/or \\"));
    assertEquals(5, QueryChecks.positionBeforeEscaping("9/11 x^y", "9\\/11 x^y", 6));
    assertEquals(3, QueryChecks.positionBeforeEscaping("ab\\", "ab\\\\", 4), "past the end: the end");
    assertTrue(bad("a/b AND").position() <= "a/b AND".length());
    assertEquals(Set.of("a01", "a02", "a03"),
        ids(searcher.search(SearchRequest.of("armenia ceasefire?").withMatch(SearchRequest.MatchMode.ALL))),
        "a question mark ends a question");
    assertEquals(Set.of("a01", "a02", "a03", "a08"), ids(searcher.search(SearchRequest.of("ceasefire?"))));
    assertEquals("ceasefire\\? wom?n (fire\\?)", QueryChecks.escapeLiterals("ceasefire? wom?n (fire?)"));
    String same = "no slash";
    assertTrue(same == QueryChecks.escapeLiterals(same));
  }

  /** What Lucene reads, capped or truncated, stays accepted: the checks refuse only what it cannot run as written. */
  @Test
  void fuzzyDistancesAndSlopsLuceneReadsAreAccepted() {
    for (String q : java.util.List.of("ceasfire~3", "title:ceasfire~3", "ceasfire~0.5", "\"cease fire\"~1.5",
        "\"cease fire\"~99999", "ceasefire^0.5", "ceasefire^2 armenia", "(ceasefire~1)", "ceasefire~")) {
      searcher.search(SearchRequest.of(q)); // no exception
    }
  }

  @Test
  void leadingWildcardGetsAPosition() {
    QuerySyntaxException e = bad("armenia *fire");
    assertEquals(8, e.position());
  }

  @Test
  void tooManyClauses() {
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < 1100; i++) {
      q.append("w").append(i).append(' ');
    }
    QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
        () -> searcher.search(SearchRequest.of(q.toString().strip()).withMatch(SearchRequest.MatchMode.ANY)));
    assertTrue(e.getMessage().contains("longer than") || e.getMessage().contains("too many clauses"), e.getMessage());
    // 600 words searched in title and body are 1200 clauses, in a query short enough to parse.
    QuerySyntaxException clauses = bad("zq ".repeat(600).strip());
    assertTrue(clauses.getMessage().startsWith("bad query: too many clauses (the limit is 1024 terms)"), clauses.getMessage());
    assertOneLine(clauses);
  }

  @Test
  void tooLong() {
    QuerySyntaxException e = bad("a".repeat(QueryChecks.MAX_LENGTH + 1));
    assertEquals(QueryChecks.MAX_LENGTH, e.position());
    assertTrue(e.getMessage().length() < 200, "the message quotes a shortened query");
  }

  @Test
  void hugeRegularExpressionsAndWildcardsAreBounded() {
    QuerySyntaxException e = bad("/(a|b|c|d|e|f|g|h)*(a|b|c|d|e|f|g|h){20}[a-z]{1,50}(x|y){1,30}/");
    assertTrue(e.getMessage().contains("too complex"), e.getMessage());
    QuerySyntaxException broken = bad("/[a-/");
    assertOneLine(broken);
    // A short prefix expands to at most a bounded number of terms and still answers.
    SearchResults r = searcher.search(SearchRequest.of("a*").withMatch(SearchRequest.MatchMode.ANY));
    assertTrue(r.total() > 0);
  }

  @Test
  void fineQueriesWithSyntaxCharactersAreNotRejected() {
    assertFalse(searcher.search(SearchRequest.of("\"cease fire\"~2 AND (armenia OR azerbaijan) -harvest")).hits().isEmpty());
    assertFalse(searcher.search(SearchRequest.of(SearchRequest.literal("Armenia: (cease-fire) \"talks"))).hits().isEmpty());
    assertFalse(searcher.search(SearchRequest.of("ceasfire~2")).hits().isEmpty());
  }

  private static String messageReason(QuerySyntaxException e) {
    String m = e.getMessage();
    int start = m.indexOf(": ") + 2;
    int end = m.lastIndexOf(" (query: ");
    return m.substring(start, end);
  }

  private static void assertOneLine(QuerySyntaxException e) {
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertFalse(e.getMessage().contains("org.apache"), e.getMessage());
    assertFalse(e.getMessage().contains("Exception"), e.getMessage());
  }

  private static Set<String> ids(SearchResults r) {
    Set<String> ids = new TreeSet<>();
    r.hits().forEach(h -> ids.add(h.id()));
    return ids;
  }
}
