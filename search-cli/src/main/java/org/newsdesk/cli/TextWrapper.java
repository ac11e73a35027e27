package org.newsdesk.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy word wrapping to a width in terminal columns, treating {@link Palette#MATCH_START}/{@link Palette#MATCH_END}
 * markers and ANSI colour sequences as zero-width so that highlighted snippets wrap like plain text. Wide characters
 * (Chinese, Japanese, Korean, most emoji) take two columns and combining marks none, as terminals draw them. A word
 * longer than a line stands whole on a line of its own: an id, a path or a url must copy whole, and a terminal folds
 * the long line only for the eye. Unspaced East Asian text, which has no words to keep, is split between characters.
 */
final class TextWrapper {
  /**
   * A space the wrapper never breaks at, and writes out as a space: callers glue the words of a name with it, so that
   * a list of names breaks between names (a private-use character: one column, and not white space).
   */
  static final char GLUE = '\uE000';

  private TextWrapper() {}

  /**
   * Wraps {@code text} into lines of at most {@code width} columns.
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
    List<String> words = new ArrayList<>();
    for (String word : text.strip().split("\\s+")) {
      if (word.indexOf(GLUE) >= 0 && visibleLength(word) > width) {
        words.addAll(List.of(word.split(String.valueOf(GLUE)))); // a glued name longer than a line breaks after all
      } else {
        words.add(word);
      }
    }
    for (String word : words) {
      int w = visibleLength(word);
      if (w == 0 && word.isEmpty()) {
        continue;
      }
      if (lineWidth > 0 && lineWidth + 1 + w > width) {
        lines.add(line.toString());
        line.setLength(0);
        lineWidth = 0;
      }
      if (w > width && !hasWide(word)) { // whole, on its own line
        if (lineWidth > 0) {
          lines.add(line.toString());
          line.setLength(0);
          lineWidth = 0;
        }
        lines.add(word);
        continue;
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
    lines.replaceAll(l -> l.replace(GLUE, ' '));
    return lines;
  }

  /** Columns the text takes on screen: match markers and ANSI colour sequences take none (see {@link #columns}). */
  static int visibleLength(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i = next(s, i)) {
      if (isVisible(s, i)) {
        n += columns(s.codePointAt(i));
      }
    }
    return n;
  }

  /** Whether the text holds a character that takes two columns (East Asian text, emoji). */
  private static boolean hasWide(String s) {
    for (int i = 0; i < s.length(); i = next(s, i)) {
      if (columns(s.codePointAt(i)) == 2) {
        return true;
      }
    }
    return false;
  }

  /** Where to cut {@code word} so that its first part fills at most {@code visible} columns (at least one character). */
  private static int cutIndex(String word, int visible) {
    int seen = 0;
    boolean any = false;
    for (int i = 0; i < word.length(); i = next(word, i)) {
      if (isVisible(word, i)) {
        int w = columns(word.codePointAt(i));
        if (any && seen + w > Math.max(1, visible)) {
          return i;
        }
        seen += w;
        any |= w > 0;
      }
    }
    return word.length();
  }

  /**
   * The columns a code point takes in a terminal (as {@code wcwidth}): 0 for combining marks and format characters,
   * 2 for East Asian wide and fullwidth characters and emoji, else 1.
   */
  static int columns(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
      return 0;
    }
    boolean wide = cp >= 0x1100 && cp <= 0x115F // Hangul jamo
        || cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F // CJK radicals to Yi
        || cp >= 0xAC00 && cp <= 0xD7A3 // Hangul syllables
        || cp >= 0xF900 && cp <= 0xFAFF // CJK compatibility ideographs
        || cp >= 0xFE30 && cp <= 0xFE4F // CJK compatibility forms
        || cp >= 0xFF00 && cp <= 0xFF60 || cp >= 0xFFE0 && cp <= 0xFFE6 // fullwidth forms
        || cp >= 0x1F300 && cp <= 0x1F64F || cp >= 0x1F900 && cp <= 0x1F9FF // emoji
        || cp >= 0x20000 && cp <= 0x3FFFD; // CJK extensions
    return wide ? 2 : 1;
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
