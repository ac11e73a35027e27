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

/** The real Reuters-21578 distribution in ../shared, read whole; skipped when it is absent. */
class ReutersCorpusTest {
  @Test
  void readsEveryRecordOfTheDistribution() throws IOException {
    Path dir = Path.of(System.getProperty("newsdesk.shared",
        Path.of(System.getProperty("newsdesk.repo", "."), "..", "shared").toString()), "corpora", "reuters21578");
    assumeTrue(Files.isDirectory(dir), "../shared/corpora/reuters21578 not present; skipping");
    Path[] sgm;
    try (var files = Files.list(dir)) {
      sgm = files.filter(p -> p.toString().endsWith(".sgm")).sorted().toArray(Path[]::new);
    }
    assertEquals(22, sgm.length);
    Reading r = Reading.of(sgm);
    // 21,578 records (SOURCE.md): 1,798 are headline-only briefs, one has an empty BODY.
    long briefs = r.problems.stream().filter(p -> p.reason().contains("headline-only brief")).count();
    assertEquals(1798, briefs);
    assertEquals(21578, r.articles.size() + briefs + 1);
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
