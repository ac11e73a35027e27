package org.newsdesk.analysis;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Porter stemming with a cache of the stems already computed. Word frequencies in news follow Zipf's law (the ten
 * thousand most frequent words make nine tokens in ten), so most terms are looked up rather than stemmed again.
 * The stems come from Lucene's own {@link PorterStemFilter}, run on one term at a time, so the output is exactly
 * that filter's (NewsAnalyzerChainTest).
 *
 * <p>Each instance belongs to one token stream, so to one thread at a time; its cache stops growing at
 * {@value #MAX_CACHED} terms (about 2 MB).
 */
final class CachedStemFilter extends TokenFilter {
  static final int MAX_CACHED = 32_768;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  private final CharArrayMap<char[]> stems = new CharArrayMap<>(1024, false);
  private final OneTerm source = new OneTerm();
  private final TokenStream stemmer = new PorterStemFilter(source);
  private final CharTermAttribute stemmed = stemmer.getAttribute(CharTermAttribute.class);

  CachedStemFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (keyword.isKeyword()) {
      return true;
    }
    char[] buffer = term.buffer();
    int length = term.length();
    char[] stem = stems.get(buffer, 0, length);
    if (stem == null) {
      stem = stem(buffer, length);
      if (stems.size() < MAX_CACHED) {
        stems.put(Arrays.copyOf(buffer, length), stem);
      }
    }
    term.copyBuffer(stem, 0, stem.length);
    return true;
  }

  private char[] stem(char[] buffer, int length) throws IOException {
    source.set(buffer, length);
    stemmer.reset();
    stemmer.incrementToken();
    char[] out = new char[stemmed.length()];
    System.arraycopy(stemmed.buffer(), 0, out, 0, out.length);
    return out;
  }

  /** A token stream of one given term, the input of the private stemmer. */
  private static final class OneTerm extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private boolean pending;

    void set(char[] buffer, int length) {
      term.copyBuffer(buffer, 0, length);
      pending = true;
    }

    @Override
    public boolean incrementToken() {
      boolean next = pending;
      pending = false;
      return next;
    }
  }
}
