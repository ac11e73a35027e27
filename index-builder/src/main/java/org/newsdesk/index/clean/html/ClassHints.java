package org.newsdesk.index.clean.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Reads an element's {@code class} and {@code id} as words and says whether they hint at article content or at
 * boilerplate. The words are generic web vocabulary (comment, sidebar, share, article, body...), never site names.
 */
final class ClassHints {
  /** Word prefixes that mark boilerplate even when a positive word is present too ({@code article-comments}). */
  private static final List<String> ALWAYS_NEGATIVE = List.of(
      "comment", "disqus", "outbrain", "taboola", "newsletter", "related", "recirc", "sharing", "sharebar",
      "share", "social", "sponsor", "promo", "breadcrumb");
  /** Substrings that mark boilerplate when no positive word is present. */
  private static final List<String> STRONG_NEGATIVE = List.of(
      "comment", "disqus", "sidebar", "related", "share", "sharing", "social", "newsletter", "promo", "advert",
      "sponsor", "breadcrumb", "cookie", "subscribe", "signup", "outbrain", "taboola", "recirc", "recommend",
      "trending", "popular", "footer", "navbar", "pagination", "paginat", "consent", "gdpr", "taglist", "tag-list",
      "most-read", "mostread", "readmore", "read-more", "morestories", "more-stories", "nextarticle", "next-article",
      "author-bio", "authorbio", "about-author", "skiplink", "skip-link", "visually-hidden", "visuallyhidden",
      "sr-only", "screen-reader", "screenreader", "offscreen", "jump-link", "toolbar", "print-only", "ad-container",
      "adslot", "ad-slot", "adunit", "ad-unit", "advertisement", "dfp", "banner", "popup",
      "masthead", "site-header", "siteheader", "site-nav", "sitenav", "caption", "credit", "byline", "dateline");
  /** {@link #STRONG_NEGATIVE} by first character (all are ASCII). */
  private static final String[][] STRONG_NEGATIVE_BY_FIRST = byFirst(STRONG_NEGATIVE);
  /** Exact words that mark boilerplate only when no positive word is present. */
  private static final Set<String> WEAK_NEGATIVE = Set.of(
      "ad", "ads", "adv", "nav", "menu", "header", "meta", "tags", "tag", "widget", "widgets", "author", "tools",
      "hidden", "hide", "promo", "aside", "rail", "links", "extra", "subnav", "topics", "teaser", "teasers",
      "modal", "overlay", "shoutbox", "combx", "remark", "rss", "skyscraper", "supplemental", "legal", "login",
      "print", "email", "feedback", "rating", "survey", "poll", "alert", "notice", "tooltip", "video", "gallery",
      "slideshow", "carousel", "thumb", "thumbnail", "icon", "logo", "signin", "account", "search", "follow");
  /** Words that mark the article container. */
  private static final Set<String> POSITIVE = Set.of(
      "article", "articles", "content", "body", "entry", "main", "post", "story", "text", "blog", "prose", "hentry",
      "paragraph", "paragraphs", "page", "column", "richtext", "rte", "copy", "articlebody", "storybody",
      "postbody", "entrycontent", "article_body", "maintext", "bodytext");

  private ClassHints() {}

  /** Readability-style weight: +25 for a positive class, -25 for a negative class, the same again for the id. */
  static int weight(Element e) {
    return weightOf(e.className()) + weightOf(e.id());
  }

  private static int weightOf(String value) {
    if (value.isEmpty()) {
      return 0;
    }
    List<String> words = words(value);
    int w = 0;
    if (isNegative(value, words)) {
      w -= 25;
    }
    if (hasPositive(words)) {
      w += 25;
    }
    return w;
  }

  /** True when the class names a photo or media box ({@code image top}, {@code photo-wrap}, {@code media}). */
  static boolean isMedia(Element e) {
    for (String w : words(e.className())) {
      if (w.startsWith("image") || w.startsWith("img") || w.startsWith("photo") || w.startsWith("picture")
          || w.startsWith("figure") || w.equals("media") || w.startsWith("gallery") || w.startsWith("slideshow")) {
        return true;
      }
    }
    return false;
  }

  /** True when the class or id says the element is boilerplate (comments, share bar, related list...). */
  static boolean isBoilerplate(Element e) {
    return isBoilerplateValue(e.className()) || isBoilerplateValue(e.id());
  }

  /** {@link #isBoilerplate(Element)}, remembering the answer per class or id value in {@code memo}. */
  static boolean isBoilerplate(Element e, Map<String, Boolean> memo) {
    if (e.attributesSize() == 0) {
      return false;
    }
    return isBoilerplateValue(e.className(), memo) || isBoilerplateValue(e.id(), memo);
  }

  private static boolean isBoilerplateValue(String value, Map<String, Boolean> memo) {
    if (value.isEmpty()) {
      return false;
    }
    Boolean known = memo.get(value);
    if (known == null) {
      known = isBoilerplateValue(value);
      memo.put(value, known);
    }
    return known;
  }

  private static boolean isBoilerplateValue(String value) {
    if (value.isEmpty()) {
      return false;
    }
    List<String> words = words(value);
    for (String w : words) {
      for (String prefix : ALWAYS_NEGATIVE) {
        if (w.startsWith(prefix)) {
          return true;
        }
      }
    }
    if (hasPositive(words)) {
      return false;
    }
    return hasStrongNegative(value) || hasWeakNegative(words);
  }

  private static boolean isNegative(String value, List<String> words) {
    return hasStrongNegative(value) || hasWeakNegative(words);
  }

  private static boolean hasStrongNegative(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    // Looks up the substrings starting with each character, instead of searching all 70 of them: an array
    // lookup and a compare of the second character, no hashing or boxing.
    for (int i = 0; i + 1 < lower.length(); i++) {
      char c = lower.charAt(i);
      String[] candidates = c < STRONG_NEGATIVE_BY_FIRST.length ? STRONG_NEGATIVE_BY_FIRST[c] : null;
      if (candidates != null) {
        char next = lower.charAt(i + 1);
        for (String s : candidates) {
          if (s.charAt(1) == next && lower.startsWith(s, i)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static String[][] byFirst(List<String> substrings) {
    String[][] table = new String[128][];
    for (String s : substrings) {
      char c = s.charAt(0);
      if (c >= table.length || s.length() < 2) {
        throw new IllegalStateException("strong negative '" + s + "' must be ASCII, 2+ characters");
      }
      String[] old = table[c] == null ? new String[0] : table[c];
      String[] grown = Arrays.copyOf(old, old.length + 1);
      grown[old.length] = s;
      table[c] = grown;
    }
    return table;
  }

  private static boolean hasWeakNegative(List<String> words) {
    for (String w : words) {
      if (WEAK_NEGATIVE.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasPositive(List<String> words) {
    for (String w : words) {
      if (POSITIVE.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** Splits {@code storyBody main-text__inner} into {@code story, body, main, text, inner}. */
  static List<String> words(String value) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    char prev = ' ';
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(w, words);
      } else {
        if (Character.isUpperCase(c) && Character.isLowerCase(prev)) {
          flush(w, words);
        }
        w.append(Character.toLowerCase(c));
      }
      prev = c;
    }
    flush(w, words);
    return words;
  }

  private static void flush(StringBuilder w, List<String> words) {
    if (w.length() > 0) {
      words.add(w.toString());
      w.setLength(0);
    }
  }
}
