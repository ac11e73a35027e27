package org.newsdesk.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lucene's {@code PorterStemFilter} with the stem made in the term's own buffer by {@link PorterStemmer}: the same
 * terms (NewsAnalyzerChainTest), without copying every term out and back. Unlike Lucene's filter it does not look
 * at {@code KeywordAttribute}: nothing in newsdesk's chain marks a term as a keyword.
 */
final class StemFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PorterStemmer stemmer = new PorterStemmer();

  StemFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    int length = term.length();
    int stemmed = stemmer.stem(term.buffer(), length);
    if (stemmed != length) {
      term.setLength(stemmed);
    }
    return true;
  }
}
