package org.newsdesk.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy word wrapping to a width, treating {@link Palette#MATCH_START}/{@link Palette#MATCH_END} markers and ANSI
 * colour sequences as zero-width so that highlighted snippets wrap like plain text. Words longer than a line are split.
 */
final class TextWrapper {
  private TextWrapper() {}

  /**
   * Wraps {@code text} into lines of at most {@code width} visible characters.
   *
   * @throws IllegalArgumentException if width is not positive
   */
  static List<String> wrap(String text, int width) {
    if (width < 1) {
      throw new IllegalArgumentException("width must be > 0, got " + width);
    }
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int lineWidth = 0;
    for (String word : text.strip().split("\\s+")) {
      int w = visibleLength(word);
      if (w == 0 && word.isEmpty()) {
        continue;
      }
      if (lineWidth > 0 && lineWidth + 1 + w > width) {
        lines.add(line.toString());
        line.setLength(0);
        lineWidth = 0;
      }
      while (w > width) {
        int cut = cutIndex(word, width - lineWidth - (lineWidth > 0 ? 1 : 0));
        if (lineWidth > 0) {
          line.append(' ');
        }
        line.append(word, 0, cut);
        lines.add(line.toString());
        line.setLength(0);
        lineWidth = 0;
        word = word.substring(cut);
        w = visibleLength(word);
      }
      if (lineWidth > 0) {
        line.append(' ');
        lineWidth++;
      }
      line.append(word);
      lineWidth += w;
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** Characters shown on screen: everything but match markers and ANSI colour sequences. */
  static int visibleLength(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i = next(s, i)) {
      if (isVisible(s, i)) {
        n++;
      }
    }
    return n;
  }

  private static int cutIndex(String word, int visible) {
    int seen = 0;
    for (int i = 0; i < word.length(); i = next(word, i)) {
      if (isVisible(word, i)) {
        if (seen == Math.max(1, visible)) {
          return i;
        }
        seen++;
      }
    }
    return word.length();
  }

  private static boolean isVisible(String s, int i) {
    char c = s.charAt(i);
    return c != '\u001b' && c != Palette.MATCH_START.charAt(0) && c != Palette.MATCH_END.charAt(0);
  }

  /** The index after the character (or whole surrogate pair, or whole ANSI sequence) at {@code i}. */
  private static int next(String s, int i) {
    char c = s.charAt(i);
    if (c == '\u001b') {
      int m = s.indexOf('m', i);
      return m < 0 ? s.length() : m + 1;
    }
    return Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
  }
}
