package org.newsdesk.index.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsdesk.index.corpus.CorpusFormat;
import org.newsdesk.index.corpus.InputProblem;
import org.newsdesk.index.corpus.RawArticle;
import org.newsdesk.model.Article;

/** The HTML cleaner as the pipeline uses it: raw page in, normalized article out. */
class HtmlArticleCleanerTest {
  private final HtmlArticleCleaner cleaner = new HtmlArticleCleaner();

  @Test
  void cleansAPageIntoAnArticle() throws SkippedArticleException {
    String html = "<html><head><meta property=\"og:title\" content=\"Cafe\u0301 reopens | Town Crier\">"
        + "<meta property=\"og:site_name\" content=\"Town Crier\"><meta name=\"author\" content=\"By Sam Reed\">"
        + "</head><body><nav><a href=\"/\">Home</a></nav><article><h1>Café reopens</h1>"
        + "<figure><img src=\"c.jpg\"><figcaption>The terrace.  <span class=\"credit\">Sam Reed</span></figcaption>"
        + "</figure><p>The old cafe on the square reopened on Monday, after a long, careful and expensive"
        + " restoration of its  painted ceiling.</p><p>Its owners said the menu, like the ceiling, would stay"
        + " exactly as it was in 1920, down to the price of coffee.</p></article></body></html>";
    RawArticle raw = new RawArticle("pages/cafe.html", CorpusFormat.HTML, html,
        Map.of(RawArticle.URL, "https://towncrier.example/2021/06/07/cafe"), "h1");
    Article a = cleaner.clean(raw);
    assertEquals("Café reopens", a.title());
    assertEquals("Town Crier", a.source());
    assertEquals("Sam Reed", a.author());
    assertEquals("2021-06-07", a.published().toString());
    assertEquals("The terrace.", a.caption());
    assertEquals("Sam Reed", a.credit());
    assertEquals("https://towncrier.example/2021/06/07/cafe", a.url());
    assertEquals("The old cafe on the square reopened on Monday, after a long, careful and expensive restoration of"
        + " its painted ceiling.\n\nIts owners said the menu, like the ceiling, would stay exactly as it was in 1920,"
        + " down to the price of coffee.", a.body());
  }

  @Test
  void aPageWithNoArticleTextIsSkipped() {
    RawArticle raw = new RawArticle("pages/empty.html", CorpusFormat.HTML, "<html><body><nav>Home</nav></body></html>",
        null, "h2");
    SkippedArticleException e = assertThrows(SkippedArticleException.class, () -> cleaner.clean(raw));
    assertEquals(InputProblem.Kind.NO_BODY, e.kind());
  }
}
