package org.newsdesk.index.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The real Reuters-21578 distribution in ../shared; skipped when it is absent. */
class ReutersCorpusTest {
  @Test
  void readsEveryRecordOfRealFiles() throws IOException {
    Path dir = Path.of(System.getProperty("newsdesk.shared",
        Path.of(System.getProperty("newsdesk.repo", "."), "..", "shared").toString()), "corpora", "reuters21578");
    assumeTrue(Files.isDirectory(dir), "../shared/corpora/reuters21578 not present; skipping");
    // Three of the 22 files keep the test quick: the first, the one with CSECS on NEWID 15370, the one with 0xFC.
    // (All 22 read the same way: 19,779 articles + 1,798 briefs + 1 empty BODY = 21,578 records; see docs/ingestion.md.)
    Path[] sgm = {dir.resolve("reut2-000.sgm"), dir.resolve("reut2-015.sgm"), dir.resolve("reut2-017.sgm")};
    Reading r = Reading.of(sgm);
    for (Path file : sgm) {
      long articles = r.articles.stream().filter(a -> a.origin().startsWith(file + ":")).count();
      long noBody = r.problemsFor(file).stream().filter(p -> p.kind() == InputProblem.Kind.HEADLINE_ONLY
          || p.kind() == InputProblem.Kind.NO_BODY).count();
      assertEquals(1000, articles + noBody, "every record of " + file.getFileName() + " is an article or a counted skip");
      assertTrue(articles > 850, file + ": " + articles);
    }
    Set<String> ids = new HashSet<>();
    r.articles.forEach(a -> ids.add(a.field(RawArticle.ID)));
    assertEquals(r.articles.size(), ids.size(), "NEWID is unique");
    assertTrue(ids.contains("reuters-996") && ids.contains("reuters-15370"), "records with the extra CSECS attribute");
    long dated = r.articles.stream().filter(a -> a.field(RawArticle.PUBLISHED) != null).count();
    assertEquals(r.articles.size(), dated, "every DATE parses, junk after the time included");
    List<InputProblem> encoding = r.problems.stream().filter(p -> p.kind() == InputProblem.Kind.BAD_ENCODING).toList();
    assertEquals(1, encoding.size());
    assertTrue(encoding.get(0).location().contains("reut2-017.sgm"), encoding.toString());
    assertTrue(r.articles.stream().allMatch(a -> a.content().chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t')),
        "no control characters left from &#N; references");
  }
}
