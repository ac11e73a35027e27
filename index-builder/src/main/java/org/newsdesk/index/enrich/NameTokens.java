package org.newsdesk.index.enrich;

import java.util.Arrays;
import java.util.Locale;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Text split into word tokens for name matching, with everything the matcher needs per token: the folded form (lower
 * case, diacritics removed), the original spelling, its case shape, its offsets, and whether it may continue a name
 * begun by the previous token.
 *
 * <p>A token is a run of letters and digits, with inner apostrophes ({@code O'Brien}, {@code d'Ivoire}). A possessive
 * {@code 's} or {@code ’s} (and a bare trailing apostrophe) ends the token and is not part of it. A token continues a
 * name when the gap before it is only spaces with at most one line break, at most one hyphen or dash
 * ({@code Nagorno-Karabakh}, {@code Nagorno–Karabakh}), or a full stop after a one-letter initial ({@code U.S.},
 * {@code George W. Bush}). Immutable after construction.
 */
final class NameTokens implements TokenShapes {
  final String[] folded;
  final String[] original;
  final int[] start;
  final int[] end;
  /** True when token i may continue a name that token i-1 is part of. */
  final boolean[] joinable;
  /** True when the token's first letter is upper or title case (all-capital tokens included). */
  final boolean[] capitalized;
  /** True when token i follows token i-1 after exactly one hyphen or dash and nothing else ({@code Co-operation}). */
  final boolean[] hyphenated;
  /** True when token i begins a sentence (first token of the text, or after . ! ? or a blank line). */
  final boolean[] sentenceStart;
  final int size;
  /** Abbreviations that a full stop may follow inside a name: {@code St. Helena}, {@code Mt. Everest}. */
  private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of("St", "Ste", "Mt", "Ft", "Pt", "Jr", "Sr",
      "Dr", "Mr", "Mrs", "Ms", "Gen", "Col", "Lt", "Sgt", "Capt", "Gov", "Sen", "Rep", "Prof", "Rev", "Co", "Inc", "Corp");

  /** The text the tokens were read from. */
  private final String text;

  private NameTokens(String text, String[] folded, String[] original, int[] start, int[] end, boolean[] joinable,
      boolean[] capitalized, boolean[] sentenceStart, boolean[] hyphenated, int size) {
    this.text = text;
    this.folded = folded;
    this.original = original;
    this.start = start;
    this.end = end;
    this.joinable = joinable;
    this.capitalized = capitalized;
    this.sentenceStart = sentenceStart;
    this.hyphenated = hyphenated;
    this.size = size;
  }

  /** Splits a text. */
  static NameTokens of(String text) {
    int cap = Math.max(8, text.length() / 5);
    String[] folded = new String[cap];
    String[] original = new String[cap];
    int[] start = new int[cap];
    int[] end = new int[cap];
    boolean[] joinable = new boolean[cap];
    boolean[] capitalized = new boolean[cap];
    boolean[] sentence = new boolean[cap];
    boolean[] hyphen = new boolean[cap];
    int n = 0;
    int prevEnd = -1;
    int prevLen = 0;
    int i = 0;
    int len = text.length();
    while (i < len) {
      char c = text.charAt(i);
      if (!isWordChar(c)) {
        i++;
        continue;
      }
      int s = i;
      int e = tokenEnd(text, s);
      if (n == folded.length) {
        int grow = n * 2;
        folded = Arrays.copyOf(folded, grow);
        original = Arrays.copyOf(original, grow);
        start = Arrays.copyOf(start, grow);
        end = Arrays.copyOf(end, grow);
        joinable = Arrays.copyOf(joinable, grow);
        capitalized = Arrays.copyOf(capitalized, grow);
        sentence = Arrays.copyOf(sentence, grow);
        hyphen = Arrays.copyOf(hyphen, grow);
      }
      String word = text.substring(s, e);
      original[n] = word;
      folded[n] = fold(word);
      start[n] = s;
      end[n] = e;
      capitalized[n] = Character.isUpperCase(word.codePointAt(0)) || Character.isTitleCase(word.codePointAt(0));
      joinable[n] = prevEnd >= 0 && joinableGap(text, prevEnd, s, n > 0 && ABBREVIATIONS.contains(original[n - 1]) ? 1 : prevLen);
      sentence[n] = prevEnd < 0 || sentenceBreak(text, prevEnd, s);
      hyphen[n] = prevEnd >= 0 && s == prevEnd + 1 && isDash(text.charAt(prevEnd));
      prevEnd = e;
      prevLen = e - s;
      n++;
      i = e;
    }
    return new NameTokens(text, folded, original, start, end, joinable, capitalized, sentence, hyphen, n);
  }

  /** The end of the token that starts at {@code s} (a word character). */
  static int tokenEnd(String text, int s) {
    int len = text.length();
    int e = s;
    while (e < len) {
      char d = text.charAt(e);
      if (isWordChar(d)) {
        e++;
      } else if (isApostrophe(d) && e + 1 < len && Character.isLetter(text.charAt(e + 1))
          && !isPossessive(text, e)) {
        e++;
      } else {
        break;
      }
    }
    return e;
  }

  static boolean isWordChar(char c) {
    if (c < 128) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
    return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
  }

  /** Whether a token spelled {@code text[s, e)} may be followed by a full stop inside a name ({@code St.}). */
  static boolean isAbbreviation(String text, int s, int e) {
    return e - s <= 4 && ABBREVIATIONS.contains(text.substring(s, e));
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\u02BC';
  }

  /** An apostrophe at {@code i} followed by {@code s} and then no letter: {@code Armenia's}. */
  private static boolean isPossessive(String text, int i) {
    int s = i + 1;
    return s < text.length() && (text.charAt(s) == 's' || text.charAt(s) == 'S')
        && (s + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(s + 1)));
  }

  /** Spaces with at most one line break, at most one dash; or a full stop after a one-letter initial. */
  static boolean joinableGap(String text, int from, int to, int prevLen) {
    int newlines = 0;
    int dashes = 0;
    int stops = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        newlines++;
      } else if (isDash(c)) {
        dashes++;
      } else if (c == '.') {
        stops++;
      } else if (!Character.isWhitespace(c) && c != '\u00A0') {
        return false;
      }
    }
    if (newlines > 1 || dashes > 1 || stops > 1) {
      return false;
    }
    return stops == 0 || (prevLen == 1 && dashes == 0);
  }

  private static boolean isDash(char c) {
    return c == '-' || (c >= '\u2010' && c <= '\u2015') || c == '\u2212';
  }

  /** A sentence (or a line: headings, bylines, captions) ends between two tokens at . ! ? : a quote or a line break. */
  private static boolean sentenceBreak(String text, int from, int to) {
    int newlines = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == '\u201C') {
        return true;
      }
      if (c == '\n') {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean capitalized(int i) {
    return capitalized[i];
  }

  @Override
  public boolean spelled(int i, String word) {
    return original[i].equals(word);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean inCapitals(int i) {
    return inCapitals(original[i], 0, original[i].length());
  }

  @Override
  public boolean hasLowerCase(int i) {
    return hasLowerCase(original[i], 0, original[i].length());
  }

  @Override
  public int length(int i) {
    return original[i].length();
  }

  @Override
  public boolean breakBefore(int i) {
    return i > 0 && clauseBreak(text, end[i - 1], start[i]);
  }

  /**
   * True when {@code text[from, to)}, the gap between two tokens, ends a sentence, a line or a quotation, or holds a
   * colon: where a stretch of text in capitals (a headline, a shouted quote) can end.
   */
  static boolean clauseBreak(String text, int from, int to) {
    if (sentenceBreak(text, from, to)) {
      return true;
    }
    boolean quote = false;
    boolean space = false;
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (c == '\u201D') {
        return true;
      }
      // an apostrophe right after an s is a plural's possessive (the allies' pact), not a quotation mark
      boolean possessive = k == from && k > 0 && (text.charAt(k - 1) == 's' || text.charAt(k - 1) == 'S');
      quote |= (c == '\'' || c == '\u2018' || c == '\u2019') && !possessive;
      space |= Character.isWhitespace(c);
    }
    return quote && space; // a single quotation mark ('GOD BLESS US ALL,' they said), not a possessive's apostrophe
  }

  @Override
  public boolean listBefore(int i) {
    return i > 0 && listGap(text, end[i - 1], start[i]);
  }

  /** True when {@code text[from, to)}, the gap between two tokens, separates items of a list: a comma or semicolon. */
  static boolean listGap(String text, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (c == ',' || c == ';') {
        return true;
      }
    }
    return false;
  }

  /** True when {@code text[from, to)} has a lower-case letter. */
  static boolean hasLowerCase(String text, int from, int to) {
    for (int k = from; k < to; k++) {
      if (Character.isLowerCase(text.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  /** True when {@code text[from, to)} has a letter and no lower-case letter. */
  static boolean inCapitals(String text, int from, int to) {
    boolean letter = false;
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letter |= Character.isLetter(c);
    }
    return letter;
  }

  /** Lower case, diacritics and ligatures folded to ASCII where Latin; other scripts only lower-cased. */
  static String fold(String word) {
    boolean ascii = true;
    boolean lower = true;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c >= 128) {
        ascii = false;
        break;
      }
      if (c >= 'A' && c <= 'Z') {
        lower = false;
      }
    }
    if (ascii) {
      return (lower ? word : word.toLowerCase(Locale.ROOT)).replace('\u2019', '\'');
    }
    char[] in = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u02BC', '\'').toCharArray();
    char[] out = new char[in.length * 4];
    int n = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      if (Character.getType(out[i]) != Character.NON_SPACING_MARK) {
        sb.append(out[i]);
      }
    }
    return sb.toString();
  }
}
