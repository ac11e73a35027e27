package org.newsdesk.index.clean.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.junit.jupiter.api.Test;

/**
 * Class and id hints: a few verdicts, and the one-pass reading against the plain one it replaced (words as strings,
 * then set and prefix tests), on generated values.
 */
class ClassHintsTest {
  private static final List<String> ALWAYS = List.of(
      "comment", "disqus", "outbrain", "taboola", "newsletter", "related", "recirc", "sharing", "sharebar",
      "share", "social", "sponsor", "promo", "breadcrumb");
  private static final List<String> STRONG = List.of(
      "comment", "sidebar", "related", "advert", "cookie", "footer", "caption", "byline", "ad-slot", "sr-only");
  private static final List<String> WEAK = List.of("ad", "nav", "menu", "header", "meta", "tags", "widget", "rail");
  private static final List<String> POSITIVE = List.of("article", "content", "body", "entry", "main", "story", "text");

  private static Element div(String cls, String id) {
    return Jsoup.parse("<div class=\"" + cls + "\" id=\"" + id + "\"></div>").selectFirst("div");
  }

  @Test
  void verdicts() {
    assertTrue(ClassHints.isBoilerplate(div("article-comments", "")));
    assertFalse(ClassHints.isBoilerplate(div("with-sidebar article", "")));
    assertTrue(ClassHints.isBoilerplate(div("site-Nav", "")));
    assertFalse(ClassHints.isBoilerplate(div("", "")));
    assertEquals(25, ClassHints.weight(div("storyBody", ""), new HashMap<>()));
    assertEquals(0, ClassHints.weight(div("storyBody sidebar", ""), new HashMap<>()));
    assertEquals(-50, ClassHints.weight(div("ad", "footer"), new HashMap<>()));
  }

  @Test
  void onePassReadingAgreesWithWordByWordReading() {
    Random random = new Random(20261202);
    List<String> vocabulary = new ArrayList<>();
    for (List<String> l : List.of(ALWAYS, STRONG, WEAK, POSITIVE)) {
      vocabulary.addAll(l);
    }
    vocabulary.addAll(List.of("x", "row", "col-md-8", "İnfo", "straße", "ΣΤΟΡΥ", "k\u212Aad", "a1", "__", "9ad"));
    String separators = " -_:/.\u00A0\t";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      int words = 1 + random.nextInt(4);
      for (int w = 0; w < words; w++) {
        String word = vocabulary.get(random.nextInt(vocabulary.size()));
        if (random.nextInt(3) == 0) {
          word = word.toUpperCase(Locale.ROOT);
        } else if (random.nextInt(3) == 0 && word.length() > 1) {
          word = Character.toUpperCase(word.charAt(0)) + word.substring(1); // camelCase joins
        }
        b.append(word);
        if (random.nextBoolean()) {
          b.append(separators.charAt(random.nextInt(separators.length())));
        }
      }
      String value = b.toString();
      Element e = div(value, random.nextInt(4) == 0 ? value : "");
      assertEquals(referenceBoilerplate(value) || referenceBoilerplate(e.id()), ClassHints.isBoilerplate(e), value);
      assertEquals(ClassHints.isBoilerplate(e), ClassHints.isBoilerplate(e, new HashMap<>()), value);
      assertEquals(referenceWeight(e.className()) + referenceWeight(e.id()), ClassHints.weight(e, new HashMap<>()), value);
    }
  }

  @Test
  void classContainsAgreesWithJsoup() {
    Evaluator jsoup = QueryParser.parse("[class*=byline], [class*=related]");
    Evaluator ours = new ClassContains("byline", "related");
    for (String cls : List.of("byline", "ByLine", "post-BYLINE-x", "bylin", "related", "unRelated", "İbyline",
        "straße byline", "relat ed", "")) {
      Element e = div(cls, "");
      assertEquals(jsoup.matches(e, e), ours.matches(e, e), cls);
    }
  }

  // The previous implementation, kept as the reference.

  private static boolean referenceBoilerplate(String value) {
    if (value.isEmpty()) {
      return false;
    }
    List<String> words = ClassHints.words(value);
    for (String w : words) {
      for (String prefix : ALWAYS) {
        if (w.startsWith(prefix)) {
          return true;
        }
      }
    }
    if (words.stream().anyMatch(POSITIVE_ALL::contains)) {
      return false;
    }
    return strong(value) || words.stream().anyMatch(WEAK_ALL::contains);
  }

  private static int referenceWeight(String value) {
    if (value.isEmpty()) {
      return 0;
    }
    List<String> words = ClassHints.words(value);
    int w = strong(value) || words.stream().anyMatch(WEAK_ALL::contains) ? -25 : 0;
    return w + (words.stream().anyMatch(POSITIVE_ALL::contains) ? 25 : 0);
  }

  private static boolean strong(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    return STRONG_ALL.stream().anyMatch(lower::contains);
  }

  // The full vocabularies of ClassHints, as the reference needs them.
  private static final List<String> STRONG_ALL = List.of(
      "comment", "disqus", "sidebar", "related", "share", "sharing", "social", "newsletter", "promo", "advert",
      "sponsor", "breadcrumb", "cookie", "subscribe", "signup", "outbrain", "taboola", "recirc", "recommend",
      "trending", "popular", "footer", "navbar", "pagination", "paginat", "consent", "gdpr", "taglist", "tag-list",
      "most-read", "mostread", "readmore", "read-more", "morestories", "more-stories", "nextarticle", "next-article",
      "author-bio", "authorbio", "about-author", "skiplink", "skip-link", "visually-hidden", "visuallyhidden",
      "sr-only", "screen-reader", "screenreader", "offscreen", "jump-link", "toolbar", "print-only", "ad-container",
      "adslot", "ad-slot", "adunit", "ad-unit", "advertisement", "dfp", "banner", "popup",
      "masthead", "site-header", "siteheader", "site-nav", "sitenav", "caption", "credit", "byline", "dateline");
  private static final List<String> WEAK_ALL = List.of(
      "ad", "ads", "adv", "nav", "menu", "header", "meta", "tags", "tag", "widget", "widgets", "author", "tools",
      "hidden", "hide", "promo", "aside", "rail", "links", "extra", "subnav", "topics", "teaser", "teasers",
      "modal", "overlay", "shoutbox", "combx", "remark", "rss", "skyscraper", "supplemental", "legal", "login",
      "print", "email", "feedback", "rating", "survey", "poll", "alert", "notice", "tooltip", "video", "gallery",
      "slideshow", "carousel", "thumb", "thumbnail", "icon", "logo", "signin", "account", "search", "follow");
  private static final List<String> POSITIVE_ALL = List.of(
      "article", "articles", "content", "body", "entry", "main", "post", "story", "text", "blog", "prose", "hentry",
      "paragraph", "paragraphs", "page", "column", "richtext", "rte", "copy", "articlebody", "storybody",
      "postbody", "entrycontent", "article_body", "maintext", "bodytext");
}
