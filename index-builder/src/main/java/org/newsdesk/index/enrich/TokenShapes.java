package org.newsdesk.index.enrich;

/**
 * What the tagger asks of a token's shape to accept a gazetteer name there, answered alike by the lazy
 * {@link TextTokens} the tagger scans with and the fully built {@link NameTokens} its test checks it against.
 */
interface TokenShapes {
  /** Token i's first letter is upper or title case. */
  boolean capitalized(int i);

  /** Token i is spelled exactly {@code word}. */
  boolean spelled(int i, String word);

  /** How many tokens the text has. */
  int size();

  /** Token i has a letter and no lower-case letter ({@code LET}, {@code U.S}). */
  boolean inCapitals(int i);

  /** Token i has a lower-case letter. */
  boolean hasLowerCase(int i);

  /** Token i's length in chars. */
  int length(int i);

  /** A sentence, line or quotation ends, or a colon stands, between token i - 1 and token i. */
  boolean breakBefore(int i);

  /** A comma or semicolon stands between token i - 1 and token i: items of a list. */
  boolean listBefore(int i);
}
