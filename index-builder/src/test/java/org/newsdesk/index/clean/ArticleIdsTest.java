package org.newsdesk.index.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {
  @Test
  void givenIdWins() throws Exception {
    assertEquals("wire-1", ArticleIds.of(" wire-1 ", "https://x.example/a", "/in/f.jsonl:3"));
  }

  @Test
  void urlIdIsStableAndDistinguishesQueryStrings() throws Exception {
    String a = ArticleIds.of(null, "https://www.news.example.com/2020/09/story.html?id=1", "x.warc#3");
    assertEquals(a, ArticleIds.of(null, "https://www.news.example.com/2020/09/story.html?id=1", "other.warc#9"));
    assertEquals("news-example-com-2020-09-story-html-", a.substring(0, a.length() - 6));
    assertNotEquals(a, ArticleIds.of(null, "https://www.news.example.com/2020/09/story.html?id=2", "x.warc#3"));
  }

  @Test
  void pathIdUnderTurkishLocale() throws Exception {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertEquals("istanbul-index", ArticleIds.of(null, null, "ISTANBUL INDEX.txt.gz"));
    } finally {
      Locale.setDefault(saved);
    }
  }

  /** A name qualified by its folders (other files share it) keeps them in the id, and loses only the extensions. */
  /** A name in another script keeps its letters: every Cyrillic or Chinese name was "article", one id for all. */
  @Test
  void namesInAnyScriptKeepTheirLetters() throws Exception {
    assertEquals("новости", ArticleIds.of(null, null, "новости.txt"));
    assertEquals("статья-2020", ArticleIds.of(null, null, "Статья 2020.html"));
    assertEquals("新闻-1", ArticleIds.of(null, null, "新闻_1.txt"));
    assertEquals("café", ArticleIds.of(null, null, "Cafe\u0301.txt"), "one id however the accent is written");
    assertEquals("café", ArticleIds.of(null, null, "Caf\u00e9.txt"));
    assertEquals("article", ArticleIds.of(null, null, "___.txt"));
  }

  @Test
  void qualifiedNameKeepsItsFolders() throws Exception {
    assertEquals("business-001", ArticleIds.of(null, null, "business/001.txt"));
    assertEquals("2020-09-v1-2-story", ArticleIds.of(null, null, "2020/09/v1.2/story.txt.gz"));
    assertEquals("a-b-story", ArticleIds.of(null, null, "a\\b\\story.html"));
    // a deep path keeps its end, where files differ, and a hash of the whole, so two deep paths stay two ids
    String deep = "international-affairs-and-diplomacy/europe-and-central-asia/eastern-partnership-countries/";
    String armenia = ArticleIds.of(null, null, deep + "armenia/story-of-the-day.txt");
    String georgia = ArticleIds.of(null, null, deep + "georgia/story-of-the-day.txt");
    assertTrue(armenia.length() <= 80 && armenia.contains("armenia-story-of-the-day-"), armenia);
    assertTrue(georgia.contains("georgia-story-of-the-day-"), georgia);
    assertEquals(armenia, ArticleIds.of(null, null, deep + "armenia/story-of-the-day.txt"), "the same path, the same id");
  }

  /** Ids are printed one per line and on terminals: an escape sequence or a line break in one is refused. */
  @Test
  void aGivenIdWithAControlCharacterIsRefused() {
    for (String id : new String[] {"esc\u001b[31mred", "line\nbreak", "sep\u2028x"}) {
      SkippedArticleException e = assertThrows(SkippedArticleException.class, () -> ArticleIds.of(id, null, "f.jsonl:1"));
      assertEquals(org.newsdesk.index.corpus.InputProblem.Kind.BAD_RECORD, e.kind());
      assertEquals(-1, e.getMessage().indexOf('\u001b'), e.getMessage());
      assertEquals(-1, e.getMessage().indexOf('\n'), e.getMessage());
    }
    // a lone surrogate has no UTF-8 form: the index would have stored it as '?'
    SkippedArticleException lone = assertThrows(SkippedArticleException.class,
        () -> ArticleIds.of("bad\ud800", null, "f.jsonl:1"));
    assertEquals("id \"bad\\uD800\" contains the lone surrogate U+D800; ids must be printable", lone.getMessage());
  }

  /** Ids are NFC like all text: the same id typed with a precomposed or a combining accent is one article. */
  @Test
  void givenIdsAreNormalizedToNfc() throws Exception {
    assertEquals("caf\u00e9", ArticleIds.of("cafe\u0301", null, "f.jsonl:1"));
    assertEquals("caf\u00e9", ArticleIds.of("caf\u00e9", null, "f.jsonl:1"));
  }
}
