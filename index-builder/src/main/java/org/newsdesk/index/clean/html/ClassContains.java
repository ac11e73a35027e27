package org.newsdesk.index.clean.html;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * {@code [class*=word]}, or any of several such words, without the lower-cased copy of every class value that
 * jsoup's evaluator makes: the metadata readers ask it of every element of the page. Same answers as jsoup's
 * {@code [class*=...]}. Immutable.
 */
final class ClassContains extends Evaluator {
  /** Lower-case ASCII. */
  private final List<String> words;

  ClassContains(String... words) {
    for (String w : words) {
      if (!w.chars().allMatch(c -> c < 128 && !Character.isUpperCase(c))) {
        throw new IllegalArgumentException("word must be lower-case ASCII, got '" + w + "'");
      }
    }
    this.words = List.of(words);
  }

  @Override
  public boolean matches(Element root, Element element) {
    if (element.attributesSize() == 0) {
      return false;
    }
    String value = element.attr("class");
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) >= 128) { // jsoup lower-cases in English, which may change the length: do the same
        String lower = value.toLowerCase(Locale.ENGLISH);
        return words.stream().anyMatch(lower::contains);
      }
    }
    for (String w : words) {
      if (containsAscii(value, w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsAscii(String value, String word) {
    char first = word.charAt(0);
    for (int i = 0, last = value.length() - word.length(); i <= last; i++) {
      if (lower(value.charAt(i)) == first && value.regionMatches(true, i + 1, word, 1, word.length() - 1)) {
        return true;
      }
    }
    return false;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  @Override
  public String toString() {
    return words.stream().map(w -> "[class*=" + w + "]").reduce((a, b) -> a + ", " + b).orElse("");
  }
}
