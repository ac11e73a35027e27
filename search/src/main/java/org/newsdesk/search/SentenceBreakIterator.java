package org.newsdesk.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.util.Locale;

/**
 * The highlighter's passage bounds: the JDK's sentence breaks ({@code BreakIterator.getSentenceInstance}, Lucene's
 * default) without those that follow an abbreviation. The JDK ends a sentence at every period followed by a space
 * and a capital, so "Mr. Smith", "the U.S. Export Markets", "John J. Smith" and "Acme Inc. Chairman" were cut in
 * two and a snippet could start at "Smith" or end at "U.S.". A break is left out when the text before it is a period
 * that ends one of
 * <ul>
 *   <li>{@link #ABBREVIATIONS}: titles (Mr, Dr, Sen, Gen, St, Jr, …), months (Jan, Sept, …) and others (Inc, Corp,
 *       Co, Ltd, No, vs, etc, approx), as written there or in capitals (INC.);
 *   <li>an initialism: capital letters each followed by a period (U.S., U.K., U.S.S.R., the J. of "John J. Smith"),
 * </ul>
 * then spaces without a blank line: a paragraph break stays a break. A real sentence end after an abbreviation ("moved
 * to the U.S. He said") cannot be told from a name that goes on, and is kept with the next sentence: a longer passage
 * reads better than a cut name, and {@link Snippets#shorten} still cuts a passage longer than
 * {@link Snippets#MAX_PASSAGE} around its first match.
 *
 * <p>A break iterator has a position, so one per highlighter field (the highlighter asks its supplier for each); the
 * abbreviations are shared and read-only. Checking a break costs a look at the few characters before it, without
 * allocation; only text given as a {@code CharacterIterator} is copied once (the highlighter gives a String).
 */
final class SentenceBreakIterator extends BreakIterator {
  /** Case-sensitive; a capitalized one also matches in capitals. Sorted by kind, not looked up: they are few. */
  private static final String[] ABBREVIATIONS = {
      // titles
      "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr", "Adm", "Rev",
      "St", "Mt", "Jr", "Sr",
      // months ("May" is never abbreviated; AP writes March to July out, other styles do not)
      "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
      // others
      "Inc", "Corp", "Co", "Ltd", "No", "vs", "etc", "approx"};
  /** The longest abbreviation or initialism looked at (U.S.S.R without its last period). */
  private static final int MAX_WORD = 9;

  private BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
  /** The text, from the {@code CharacterIterator}'s begin index on. */
  private String text = "";
  private int begin;

  @Override
  public void setText(String newText) {
    sentences.setText(newText);
    text = newText;
    begin = 0;
  }

  @Override
  public void setText(CharacterIterator newText) {
    CharacterIterator copy = (CharacterIterator) newText.clone();
    StringBuilder s = new StringBuilder(copy.getEndIndex() - copy.getBeginIndex());
    for (char c = copy.first(); c != CharacterIterator.DONE; c = copy.next()) {
      s.append(c);
    }
    sentences.setText(newText);
    text = s.toString();
    begin = newText.getBeginIndex();
  }

  @Override
  public CharacterIterator getText() {
    return sentences.getText();
  }

  @Override
  public int first() {
    return sentences.first();
  }

  @Override
  public int last() {
    return sentences.last(); // the end of the text: never after an abbreviation with text following
  }

  @Override
  public int current() {
    return sentences.current(); // always one of ours: every move below ends on a break that is kept
  }

  @Override
  public int next() {
    int b = sentences.next();
    while (b != DONE && afterAbbreviation(b)) {
      b = sentences.next();
    }
    return b;
  }

  @Override
  public int previous() {
    int b = sentences.previous();
    while (b != DONE && afterAbbreviation(b)) {
      b = sentences.previous();
    }
    return b;
  }

  @Override
  public int next(int n) {
    int b = current();
    for (; n > 0 && b != DONE; n--) {
      b = next();
    }
    for (; n < 0 && b != DONE; n++) {
      b = previous();
    }
    return b;
  }

  @Override
  public int following(int offset) {
    int b = sentences.following(offset);
    while (b != DONE && afterAbbreviation(b)) {
      b = sentences.next();
    }
    return b;
  }

  @Override
  public int preceding(int offset) {
    int b = sentences.preceding(offset);
    while (b != DONE && afterAbbreviation(b)) {
      b = sentences.previous();
    }
    return b;
  }

  @Override
  public boolean isBoundary(int offset) {
    if (offset < begin || offset > begin + text.length()) {
      throw new IllegalArgumentException("offset out of bounds: " + offset);
    }
    if (offset == begin) {
      first();
      return true;
    }
    return following(offset - 1) == offset;
  }

  @Override
  public SentenceBreakIterator clone() {
    SentenceBreakIterator copy = (SentenceBreakIterator) super.clone();
    copy.sentences = (BreakIterator) sentences.clone();
    return copy;
  }

  /**
   * True if the JDK's break at {@code boundary} follows an abbreviation's period and spaces without a blank line,
   * and text follows it.
   */
  private boolean afterAbbreviation(int boundary) {
    int at = boundary - begin;
    if (at <= 0 || at >= text.length()) {
      return false;
    }
    int p = at;
    int lineBreaks = 0;
    for (char c; p > 0 && (Character.isWhitespace(c = text.charAt(p - 1)) || Character.isSpaceChar(c)); p--) {
      if (c == '\n' || c == '\u2028' || c == '\u0085' || c == '\r' && text.charAt(p) != '\n') {
        lineBreaks++;
      } else if (c == '\u2029') {
        lineBreaks += 2;
      }
      if (lineBreaks >= 2) {
        return false; // a paragraph ends here
      }
    }
    if (p == at || p == 0 || text.charAt(p - 1) != '.') {
      return false;
    }
    int end = p - 1; // the period
    int start = end;
    while (start > 0 && !startsAWord(text.charAt(start - 1))) {
      if (end - --start > MAX_WORD) {
        return false;
      }
    }
    return end > start && (isInitialism(start, end) || isAbbreviation(start, end));
  }

  /** What may stand right before an abbreviation: a space, an opening bracket or quote, a dash or a slash. */
  private static boolean startsAWord(char c) {
    return switch (c) {
      case '(', '[', '{', '"', '\'', '\u201C', '\u2018', '\u00AB', '-', '\u2013', '\u2014', '/' -> true;
      default -> Character.isWhitespace(c) || Character.isSpaceChar(c);
    };
  }

  /** Capital letters, each but the last followed by a period: J, U.S, U.S.S.R. */
  private boolean isInitialism(int start, int end) {
    if ((end - start) % 2 == 0) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if ((i - start) % 2 == 0 ? !Character.isUpperCase(c) : c != '.') {
        return false;
      }
    }
    return true;
  }

  private boolean isAbbreviation(int start, int end) {
    int length = end - start;
    for (String a : ABBREVIATIONS) {
      if (a.length() == length && (text.regionMatches(start, a, 0, length)
          || Character.isUpperCase(a.charAt(0)) && isCapitals(start, end) && text.regionMatches(true, start, a, 0, length))) {
        return true;
      }
    }
    return false;
  }

  private boolean isCapitals(int start, int end) {
    for (int i = start; i < end; i++) {
      if (!Character.isUpperCase(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
