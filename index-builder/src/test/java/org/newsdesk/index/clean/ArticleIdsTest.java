package org.newsdesk.index.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {
  @Test
  void givenIdWins() {
    assertEquals("wire-1", ArticleIds.of(" wire-1 ", "https://x.example/a", "/in/f.jsonl:3"));
  }

  @Test
  void urlIdIsStableAndDistinguishesQueryStrings() {
    String a = ArticleIds.of(null, "https://www.news.example.com/2020/09/story.html?id=1", "x.warc#3");
    assertEquals(a, ArticleIds.of(null, "https://www.news.example.com/2020/09/story.html?id=1", "other.warc#9"));
    assertEquals("news-example-com-2020-09-story-html-", a.substring(0, a.length() - 6));
    assertNotEquals(a, ArticleIds.of(null, "https://www.news.example.com/2020/09/story.html?id=2", "x.warc#3"));
  }

  @Test
  void pathIdUnderTurkishLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertEquals("istanbul-index", ArticleIds.of(null, null, "/data/ISTANBUL INDEX.txt.gz"));
    } finally {
      Locale.setDefault(saved);
    }
  }
}
