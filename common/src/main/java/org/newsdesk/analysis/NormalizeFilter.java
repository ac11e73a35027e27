package org.newsdesk.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * {@code EnglishPossessiveFilter}, {@code LowerCaseFilter} and {@code ASCIIFoldingFilter}, in that order, as one
 * filter: a trailing {@code 's}, {@code ’s} or {@code ＇s} is removed, the term lower-cased, then folded to ASCII.
 * An ASCII term (nearly every term of English news) is lower-cased in one pass over its characters; any other
 * goes through the same Lucene code the three filters use, so the terms are identical (NewsAnalyzerChainTest).
 */
final class NormalizeFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private char[] folded = new char[64];

  NormalizeFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] buffer = term.buffer();
    int length = term.length();
    if (length >= 2 && isApostrophe(buffer[length - 2]) && (buffer[length - 1] == 's' || buffer[length - 1] == 'S')) {
      length -= 2;
      term.setLength(length);
    }
    for (int i = 0; i < length; i++) {
      char c = buffer[i];
      if (c >= 0x80) {
        foldNonAscii(buffer, length);
        return true;
      }
      if (c >= 'A' && c <= 'Z') {
        buffer[i] = (char) (c + ('a' - 'A'));
      }
    }
    return true;
  }

  /** The general case, as LowerCaseFilter then ASCIIFoldingFilter do it (the ASCII prefix is already lower case). */
  private void foldNonAscii(char[] buffer, int length) {
    CharacterUtils.toLowerCase(buffer, 0, length);
    int max = 4 * length;
    if (folded.length < max) {
      folded = new char[ArrayUtil.oversize(max, Character.BYTES)];
    }
    int n = ASCIIFoldingFilter.foldToASCII(buffer, 0, folded, 0, length);
    term.copyBuffer(folded, 0, n);
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\uFF07';
  }
}
