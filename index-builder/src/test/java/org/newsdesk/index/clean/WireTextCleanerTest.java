package org.newsdesk.index.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsdesk.index.corpus.CorpusFormat;
import org.newsdesk.index.corpus.RawArticle;
import org.newsdesk.model.Article;

class WireTextCleanerTest {
  @Test
  void joinsWrappedLinesAndStartsParagraphsAtIndents() {
    String wire = "Grain shipments rose in February as\nriver ice cleared early, the port said.\n"
        + "    Corn shipments were the highest\nin five years.\n    Shr 1.10 dlrs vs 94 cts\n    Net 5 mln vs 4 mln\n";
    assertEquals("Grain shipments rose in February as river ice cleared early, the port said.\n\n"
        + "Corn shipments were the highest in five years.\n\nShr 1.10 dlrs vs 94 cts\n\nNet 5 mln vs 4 mln",
        WireTextCleaner.unwrap(wire));
  }

  @Test
  void blankLinesAlsoSeparateParagraphs() {
    assertEquals("One two.\n\nThree four.", WireTextCleaner.unwrap("\nOne\ntwo.\n\n\nThree\nfour.\n"));
  }

  @Test
  void fieldsBecomeTheArticle() throws SkippedArticleException {
    Article a = ArticleCleaners.defaults().clean(new RawArticle("f.sgm:2", CorpusFormat.REUTERS_SGML,
        "Acme said profit\nrose.\n", Map.of(RawArticle.ID, "reuters-7", RawArticle.TITLE, "ACME PROFIT UP",
            RawArticle.PUBLISHED, "1987-03-02T10:15:30Z", RawArticle.SOURCE, "Reuters"), "ab".repeat(16)));
    assertEquals("reuters-7", a.id());
    assertEquals("ACME PROFIT UP", a.title());
    assertEquals("Acme said profit rose.", a.body());
    assertEquals("1987-03-02T10:15:30Z", a.published().toString());
    assertEquals("Reuters", a.source());
    assertEquals("f.sgm:2", a.origin());
  }
}
