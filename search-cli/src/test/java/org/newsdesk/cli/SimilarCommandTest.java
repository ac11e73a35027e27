package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsdesk.cli.CliRun.onIndex;
import static org.newsdesk.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsdesk.search.NewsSearcher;
import org.newsdesk.search.SearchHit;

/** {@code newsdesk similar ID} end to end on the sample corpus's JSON Lines. */
class SimilarCommandTest {
  private static final String ID = "mw-2020-10-12-022"; // Lavrov on observers for the Karabakh truce

  @Test
  void listsTheLibrarysMoreLikeThisWithoutTheArticleItself() {
    List<String> expected;
    try (NewsSearcher s = NewsSearcher.open(CliRun.index())) {
      expected = s.moreLikeThis(ID, 5).hits().stream().map(SearchHit::id).toList();
    }
    assertEquals(5, expected.size());
    CliRun ids = run(onIndex("similar", ID, "--ids", "--limit", "5"));
    assertEquals(ExitCodes.OK, ids.code(), ids.err());
    assertEquals(expected, ids.lines());
    assertFalse(ids.lines().contains(ID));
  }

  @Test
  void peopleGetTheArticleThenNumberedHitsAndACount() {
    CliRun r = run(CliEnvironment.of(Map.of("COLUMNS", "200"), false), onIndex("similar", ID, "--limit", "3"));
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertEquals("Articles like \"Sergei Lavrov says Russia could send military observers to monitor Karabakh truce\""
        + " (" + ID + "):", r.lines().get(0));
    assertTrue(r.lines().get(2).startsWith("  1. "), r.out());
    assertTrue(r.out().contains("\n  3. "), r.out());
    assertTrue(r.lines().get(r.lines().size() - 1).matches("3 articles in \\d+ ms"), r.out());
    assertFalse(r.out().contains("\u001b["), "no colour when stdout is not a terminal");
  }

  @Test
  void jsonIsShapedLikeSearch() throws Exception {
    CliRun r = run(onIndex("similar", ID, "--json", "--limit", "2"));
    assertEquals(ExitCodes.OK, r.code(), r.err());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertEquals("like:" + ID, doc.get("query").asText());
    assertEquals(2, doc.get("hits").size());
    for (JsonNode hit : doc.get("hits")) {
      assertTrue(hit.get("id").isTextual() && hit.get("title").isTextual() && hit.get("entities").isObject(), hit.toString());
    }
  }

  @Test
  void anUnknownIdIsOneAndABadLimitTwo() {
    CliRun unknown = run(onIndex("similar", "no-such-article"));
    assertEquals(ExitCodes.NO_HITS, unknown.code());
    assertTrue(unknown.err().startsWith("newsdesk: no article with id 'no-such-article'"), unknown.err());
    assertEquals(ExitCodes.ERROR, run(onIndex("similar", ID, "--limit", "0")).code());
    assertEquals(ExitCodes.ERROR, run(onIndex("similar")).code());
  }
}
