package org.newsdesk.index.clean.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Class and id hints, read from the element of a {@link PageTree}: a few verdicts, and the one-pass reading against
 * the plain one it replaced (words as strings, then set and prefix tests), on generated values.
 */
class ClassHintsTest {
  private static final List<String> ALWAYS = List.of(
      "comment", "disqus", "outbrain", "taboola", "newsletter", "related", "recirc", "sharing", "sharebar",
      "share", "social", "sponsor", "promo", "breadcrumb");
  private static final List<String> STRONG = List.of(
      "comment", "sidebar", "related", "advert", "cookie", "footer", "caption", "byline", "ad-slot", "sr-only");
  private static final List<String> WEAK = List.of("ad", "nav", "menu", "header", "meta", "tags", "widget", "rail");
  private static final List<String> POSITIVE = List.of("article", "content", "body", "entry", "main", "story", "text");

  /** A page's tree and the node of its div. */
  private record Div(PageTree tree, int node) {}

  private static Div div(String cls, String id) {
    PageTree tree = PageTree.of(Jsoup.parse("<div class=\"" + cls + "\" id=\"" + id + "\"></div>"));
    return new Div(tree, NodeMatch.first(tree, 0, NodeMatch.tag("div")));
  }

  private static boolean isBoilerplate(Div d) {
    return ClassHints.isBoilerplate(d.tree(), d.node(), new HashMap<>());
  }

  private static int weight(Div d) {
    return ClassHints.weight(d.tree(), d.node(), new HashMap<>());
  }

  private static boolean isMedia(Div d) {
    return ClassHints.isMedia(d.tree(), d.node());
  }

  @Test
  void verdicts() {
    assertTrue(isBoilerplate(div("article-comments", "")));
    assertFalse(isBoilerplate(div("with-sidebar article", "")));
    assertTrue(isBoilerplate(div("site-Nav", "")));
    assertTrue(isBoilerplate(div("", "comments")), "the id counts too");
    assertFalse(isBoilerplate(div("", "")));
    assertEquals(25, weight(div("storyBody", "")));
    assertEquals(0, weight(div("storyBody sidebar", "")));
    assertEquals(-50, weight(div("ad", "footer")));
    assertEquals(50, weight(div("  content ", "main")), "the class is trimmed, as jsoup's className()");
    PageTree bare = PageTree.of(Jsoup.parse("<div>x</div>"));
    int node = NodeMatch.first(bare, 0, NodeMatch.tag("div"));
    assertEquals(0, ClassHints.weight(bare, node, new HashMap<>()));
    assertFalse(ClassHints.isBoilerplate(bare, node, new HashMap<>()));
    assertFalse(ClassHints.isMedia(bare, node));
  }

  @Test
  void mediaVerdicts() {
    for (String cls : List.of("image top", "photo-wrap", "media", "Gallery_item", "x imgBox", "picture", "figure-1",
        "slideshow", "top-image", "my-Photograph", "IMAGE")) {
      assertTrue(isMedia(div(cls, "")), cls);
    }
    for (String cls : List.of("", "multimedia", "medias", "mediabox", "article", "thumbnail")) {
      assertFalse(isMedia(div(cls, "")), cls);
    }
    assertFalse(isMedia(div("", "photo")), "the id does not count");
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
    List<String> values = new ArrayList<>();
    StringBuilder page = new StringBuilder();
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
      values.add(value);
      page.append("<div class=\"").append(value).append("\" id=\"").append(random.nextInt(4) == 0 ? value : "")
          .append("\"></div>");
    }
    // one page of divs, read as the extractor reads a page: one memo for all its elements
    PageTree tree = PageTree.of(Jsoup.parse(page.toString()));
    int[] divs = NodeMatch.all(tree, NodeMatch.tag("div"));
    assertEquals(values.size(), divs.length);
    Map<String, Integer> pageMemo = new HashMap<>();
    for (int i = 0; i < divs.length; i++) {
      int node = divs[i];
      String value = values.get(i);
      String className = tree.className(node);
      String id = tree.id(node);
      assertEquals(value.trim(), className);
      boolean boilerplate = ClassHints.isBoilerplate(tree, node, new HashMap<>());
      int weight = ClassHints.weight(tree, node, new HashMap<>());
      assertEquals(referenceBoilerplate(className) || referenceBoilerplate(id), boilerplate, value);
      assertEquals(boilerplate, ClassHints.isBoilerplate(tree, node, pageMemo), value);
      assertEquals(referenceWeight(className) + referenceWeight(id), weight, value);
      assertEquals(weight, ClassHints.weight(tree, node, pageMemo), value);
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
