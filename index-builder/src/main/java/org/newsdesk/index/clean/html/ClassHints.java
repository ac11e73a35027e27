package org.newsdesk.index.clean.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
  /** {@link #STRONG_NEGATIVE} by first character (all are ASCII). */
  private static final String[][] STRONG_NEGATIVE_BY_FIRST = byFirst(STRONG_NEGATIVE);

  /** {@link #WEAK_NEGATIVE} and {@link #POSITIVE}, looked up by a range of chars. */
  private static final WordTable WEAK_TABLE = new WordTable(WEAK_NEGATIVE);
  private static final WordTable POSITIVE_TABLE = new WordTable(POSITIVE);
  /** {@link #ALWAYS_NEGATIVE} by first character (all are ASCII). */
  private static final String[][] ALWAYS_NEGATIVE_BY_FIRST = byFirst(ALWAYS_NEGATIVE);

  // What the words of one class or id value say, as bits: read once per value, then combined both ways.
  private static final int ALWAYS = 1;
  private static final int POSITIVE_WORD = 1 << 1;
  private static final int WEAK = 1 << 2;
  private static final int STRONG = 1 << 3;

  private ClassHints() {}

  /**
   * Readability-style weight of an element: +25 for a positive class, -25 for a negative class, the same again for
   * the id; what each class or id value says is remembered in {@code memo} (one per page: values repeat across a
   * page).
   */
  static int weight(PageTree tree, int node, Map<String, Integer> memo) {
    if (tree.attributesSize(node) == 0) {
      return 0;
    }
    return weightOf(hints(tree.className(node), memo)) + weightOf(hints(tree.id(node), memo));
  }

  /** True when the class names a photo or media box ({@code image top}, {@code photo-wrap}, {@code media}). */
  static boolean isMedia(PageTree tree, int node) {
    for (String w : words(tree.className(node))) {
      if (w.startsWith("image") || w.startsWith("img") || w.startsWith("photo") || w.startsWith("picture")
          || w.startsWith("figure") || w.equals("media") || w.startsWith("gallery") || w.startsWith("slideshow")) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the class or id says the element is boilerplate (comments, share bar, related list...); what each
   * value says is remembered in {@code memo}.
   */
  static boolean isBoilerplate(PageTree tree, int node, Map<String, Integer> memo) {
    if (tree.attributesSize(node) == 0) {
      return false;
    }
    return isBoilerplate(hints(tree.className(node), memo)) || isBoilerplate(hints(tree.id(node), memo));
  }

  private static int weightOf(int hints) {
    return ((hints & (STRONG | WEAK)) != 0 ? -25 : 0) + ((hints & POSITIVE_WORD) != 0 ? 25 : 0);
  }

  private static boolean isBoilerplate(int hints) {
    return (hints & ALWAYS) != 0 || (hints & POSITIVE_WORD) == 0 && (hints & (STRONG | WEAK)) != 0;
  }

  private static int hints(String value, Map<String, Integer> memo) {
    if (value.isEmpty()) {
      return 0;
    }
    Integer known = memo.get(value);
    if (known == null) {
      known = hints(value);
      memo.put(value, known);
    }
    return known;
  }

  /**
   * The hint bits of a class or id value, from its {@link #words} (read in one pass into one buffer, without a
   * string per word) and its strong-negative substrings.
   */
  static int hints(String value) {
    if (value.isEmpty()) {
      return 0;
    }
    char[] lower = new char[value.length()]; // the words, lower-cased, one after the other
    int length = 0;
    int wordStart = 0;
    int hints = 0;
    char prev = ' ';
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!isLetterOrDigit(c)) {
        hints |= wordHints(lower, wordStart, length);
        wordStart = length;
      } else {
        if (isUpperCase(c) && isLowerCase(prev)) {
          hints |= wordHints(lower, wordStart, length);
          wordStart = length;
        }
        lower[length++] = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
      }
      prev = c;
    }
    hints |= wordHints(lower, wordStart, length);
    if ((hints & WEAK) == 0 && hasStrongNegative(value)) { // with a weak word, a strong one changes nothing
      hints |= STRONG;
    }
    return hints;
  }

  private static int wordHints(char[] chars, int from, int to) {
    if (from == to) {
      return 0;
    }
    int hints = 0;
    char first = chars[from];
    String[] prefixes = first < ALWAYS_NEGATIVE_BY_FIRST.length ? ALWAYS_NEGATIVE_BY_FIRST[first] : null;
    if (prefixes != null) {
      for (String prefix : prefixes) {
        if (startsWith(chars, from, to, prefix)) {
          hints |= ALWAYS;
          break;
        }
      }
    }
    if (POSITIVE_TABLE.contains(chars, from, to)) {
      hints |= POSITIVE_WORD;
    }
    if (WEAK_TABLE.contains(chars, from, to)) {
      hints |= WEAK;
    }
    return hints;
  }

  private static boolean startsWith(char[] chars, int from, int to, String prefix) {
    if (to - from < prefix.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (chars[from + k] != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetterOrDigit(char c) {
    if (c < 128) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
    return Character.isLetterOrDigit(c);
  }

  private static boolean isUpperCase(char c) {
    return c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
  }

  private static boolean isLowerCase(char c) {
    return c < 128 ? c >= 'a' && c <= 'z' : Character.isLowerCase(c);
  }

  /** True when the lower-cased value contains one of {@link #STRONG_NEGATIVE}. */
  private static boolean hasStrongNegative(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) >= 128) {
        return hasStrongNegativeIn(value.toLowerCase(Locale.ROOT)); // full Unicode lower-casing, as before
      }
    }
    // ASCII: lower-cased char by char, no copy. Looks up the substrings starting with each character, instead of
    // searching all 70 of them.
    for (int i = 0; i + 1 < value.length(); i++) {
      String[] candidates = STRONG_NEGATIVE_BY_FIRST[lowerAscii(value.charAt(i))];
      if (candidates != null) {
        char next = lowerAscii(value.charAt(i + 1));
        for (String s : candidates) {
          if (s.charAt(1) == next && regionIsLower(value, i, s)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /** True when {@code value} lower-cased (ASCII) has {@code s} at {@code from}. */
  private static boolean regionIsLower(String value, int from, String s) {
    if (from + s.length() > value.length()) {
      return false;
    }
    for (int k = 2; k < s.length(); k++) {
      if (lowerAscii(value.charAt(from + k)) != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasStrongNegativeIn(String lower) {
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
        throw new IllegalStateException("hint '" + s + "' must be ASCII, 2+ characters");
      }
      String[] old = table[c] == null ? new String[0] : table[c];
      String[] grown = Arrays.copyOf(old, old.length + 1);
      grown[old.length] = s;
      table[c] = grown;
    }
    return table;
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
