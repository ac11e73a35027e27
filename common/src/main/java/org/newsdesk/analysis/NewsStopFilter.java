package org.newsdesk.analysis;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lucene's {@code StopFilter} (same base class, so the same position increments) with a {@link WordPrefilter} in
 * front of the set look-up: most words are longer than any stop word and are kept without hashing them.
 */
final class NewsStopFilter extends FilteringTokenFilter {
  private final CharArraySet stopWords;
  private final WordPrefilter prefilter;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  NewsStopFilter(TokenStream input, CharArraySet stopWords, WordPrefilter prefilter) {
    super(input);
    this.stopWords = stopWords;
    this.prefilter = prefilter;
  }

  @Override
  protected boolean accept() {
    char[] buffer = term.buffer();
    int length = term.length();
    return !prefilter.mayContain(buffer, length) || !stopWords.contains(buffer, 0, length);
  }
}
