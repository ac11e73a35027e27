package org.newsdesk.analysis;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PackedTokenAttributeImpl;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.AttributeImpl;

/**
 * Lucene's {@link StandardTokenizer} (default maximum token length, 255), token for token: the same terms, offsets
 * (through {@link #correctOffset}), types, position increments and lengths, and final offset, with Latin text
 * scanned by a hand-written loop instead of the JFlex automaton ({@code NewsTokenizerTest} compares the two).
 *
 * <p><b>Segments.</b> The input is cut at <em>separators</em>: ASCII space, controls and punctuation other than
 * {@code ' " # * , . : ; _}, and {@code U+00A0}, Latin-1 symbols, {@code × ÷ – — “ ”}. In Lucene 9's grammar
 * ({@code StandardTokenizerImpl.jflex}, Unicode 9) each of these has word-break class Other, CR, LF or Newline, is
 * no emoji and no keycap base, so no token rule can match it: the automaton skips it alone, never includes it in a
 * token, and starts its next scan right after it. A scan only ever looks forward from its start, so the tokens
 * between two separators depend on those characters alone.
 *
 * <p><b>Fast path.</b> A segment of at most 255 characters made only of letters (ASCII, {@code U+00AA U+00B5
 * U+00BA}, {@code U+00C0-U+02AF} but {@code × ÷}, {@code U+1E00-U+1EFF}: ALetter), ASCII digits (Numeric), {@code :}
 * and {@code U+00B7} (MidLetter), {@code , ;} (MidNum), {@code . ' ‘ ’} (MidNumLet, Single_Quote) and {@code " # *}
 * (Other, as no Hebrew letter or keycap mark can follow them here) is tokenized here. With no Extend, Format,
 * ExtendNumLet, Katakana or Hebrew character about, the grammar's rules reduce to: a token is a run of letters and
 * digits in which a single MidLetter or MidNumLet may stand between two letters, and a single MidNum or MidNumLet
 * between two digits; the longest such run is taken; it is {@code <NUM>} if it has no letter, else
 * {@code <ALPHANUM>}. At most 255 characters, a segment fits the automaton's 255-character window from any scan
 * start inside it, so Lucene cuts none of its tokens.
 *
 * <p><b>Fallback.</b> Any other segment (other scripts, combining marks, soft hyphens, emoji, underscores, longer
 * than 255 characters) is read by a real {@code StandardTokenizer} from its first character to the next separator,
 * and its tokens' offsets are moved by the segment's start. Lucene starts a scan at that first character too (right
 * after a separator, or at the start of the input) and no token reaches past the separator at its end, so the
 * fallback sees every scan of the whole-input tokenizer with the same characters in its window: same tokens. The
 * input is read in blocks; a fallback segment streams through the same buffer, so memory stays bounded however long
 * the input or a segment is.
 *
 * <p><b>Attributes.</b> When the stream's only attribute implementation is Lucene's packed one (the default factory,
 * as in newsdesk's chain and its indexer), a fast token resets position increment, position length and term
 * frequency and sets the rest, which is what {@code clearAttributes()} plus those sets leave; otherwise, and for
 * every fallback token and at the end, attributes are cleared as Lucene does.
 *
 * <p><b>Not reproduced</b> (newsdesk meets neither; both are JFlex reading artefacts, not word-break rules): an
 * input longer than the 4,096-character buffer that ends in a lone high surrogate, where Lucene drops or cuts tokens
 * of its last 255-character read depending on where its reads fell (a shorter one goes whole to the fallback and
 * is exact); and, behind a {@code CharFilter}, the corrected end offset of a token Lucene cuts at 255 characters
 * exactly where the filter changed the text, which for Lucene depends on how far it has read. The maximum token
 * length is fixed at Lucene's default, 255.
 *
 * <p>Not thread-safe: one instance per token stream, as for any tokenizer.
 */
final class NewsTokenizer extends Tokenizer {
  static final int MAX_TOKEN_LENGTH = StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH;
  private static final int DEFAULT_BUFFER_SIZE = 4096;
  private static final String ALPHANUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];
  private static final String NUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];

  // Character classes of the fast path (see the class doc); SLOW sends the whole segment to the fallback.
  static final byte SEPARATOR = 0;
  static final byte LETTER = 1;
  static final byte DIGIT = 2;
  static final byte MID_LETTER = 3;
  static final byte MID_NUM = 4;
  static final byte MID_NUM_LET = 5;
  static final byte OTHER = 6;
  static final byte SLOW = 7;
  /** The class of every UTF-16 unit: one load per character, no range tests. */
  private static final byte[] CLASSES = new byte[Character.MAX_VALUE + 1];

  static {
    Arrays.fill(CLASSES, SLOW);
    Arrays.fill(CLASSES, 0, 0xC0, SEPARATOR);
    Arrays.fill(CLASSES, 0xC0, 0x2B0, LETTER);
    Arrays.fill(CLASSES, 0x1E00, 0x1F00, LETTER);
    CLASSES['\u2018'] = MID_NUM_LET;
    CLASSES['\u2019'] = MID_NUM_LET;
    CLASSES['\u2013'] = SEPARATOR;
    CLASSES['\u2014'] = SEPARATOR;
    CLASSES['\u201C'] = SEPARATOR;
    CLASSES['\u201D'] = SEPARATOR;
    for (int c = 'a'; c <= 'z'; c++) {
      CLASSES[c] = LETTER;
      CLASSES[c - 'a' + 'A'] = LETTER;
    }
    for (int c = '0'; c <= '9'; c++) {
      CLASSES[c] = DIGIT;
    }
    CLASSES[':'] = MID_LETTER;
    CLASSES['\u00B7'] = MID_LETTER;
    CLASSES[','] = MID_NUM;
    CLASSES[';'] = MID_NUM;
    CLASSES['.'] = MID_NUM_LET;
    CLASSES['\''] = MID_NUM_LET;
    CLASSES['"'] = OTHER; // Double_Quote: joins only Hebrew letters
    CLASSES['#'] = OTHER; // keycap bases: an emoji only before U+20E3
    CLASSES['*'] = OTHER;
    CLASSES['_'] = SLOW; // ExtendNumLet
    CLASSES['\u00AA'] = LETTER;
    CLASSES['\u00B5'] = LETTER;
    CLASSES['\u00BA'] = LETTER;
    CLASSES['\u00AD'] = SLOW; // soft hyphen: Format, attaches to what precedes it
    CLASSES['\u00A9'] = SLOW; // © and ® are emoji
    CLASSES['\u00AE'] = SLOW;
    CLASSES['\u00D7'] = SEPARATOR;
    CLASSES['\u00F7'] = SEPARATOR;
  }

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);

  /**
   * Made on the first segment that needs it: Lucene's tokenizer unpacks its automaton's tables when its class is
   * first used, milliseconds a command-line search of plain words (its query and the highlighted hits) need not pay.
   */
  private Fallback fallback;
  private final SegmentReader segmentReader = new SegmentReader();

  private final char[] buffer;
  /** Characters of {@link #buffer} read from the input. */
  private int limit;
  /** The next character to look at. */
  private int pos;
  /** Offset in the input of {@code buffer[0]}. */
  private int bufferStart;
  /** End of the fast segment being tokenized; {@code pos < segmentEnd} while there is one. */
  private int segmentEnd;
  /** True while {@link #fallback} reads a segment, starting at offset {@link #fallbackStart}. */
  private boolean inFallback;
  private int fallbackStart;
  /** Offset of the end of the last token, or of the input once all is read: Lucene's final offset. */
  private int scanned;
  /** True once the input has returned its end. */
  private boolean eof;
  /** The attributes, when clearing them per token can be cut to resetting the few a token does not set. */
  private PackedTokenAttributeImpl packed;
  /** False until the first block of the input is read. */
  private boolean started;
  /** True if the fallback reads the whole input and so decides the final offset. */
  private boolean fallbackFinalOffset;

  NewsTokenizer() {
    this(DEFAULT_BUFFER_SIZE);
  }

  /** With a given buffer size (tests use small ones to cross block boundaries often). */
  NewsTokenizer(int bufferSize) {
    if (bufferSize < MAX_TOKEN_LENGTH + 2) {
      throw new IllegalArgumentException("bufferSize must be > " + (MAX_TOKEN_LENGTH + 1) + ", got " + bufferSize);
    }
    buffer = new char[bufferSize];
  }

  /** The fast-path class of {@code c}. */
  static byte classOf(char c) {
    return CLASSES[c];
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!started) {
      start();
    }
    if (packed != null) {
      // what clearAttributes() would leave in the attributes emit() does not set
      packed.setPositionIncrement(1);
      packed.setPositionLength(1);
      packed.setTermFrequency(1);
    } else {
      clearAttributes();
    }
    while (true) {
      if (inFallback) {
        clearAttributes();
        if (nextFallbackToken()) {
          return true;
        }
      } else if (pos < segmentEnd) {
        if (nextFastToken()) {
          return true;
        }
      } else if (!skipSeparators()) {
        if (!fallbackFinalOffset) {
          scanned = bufferStart + limit;
        }
        clearAttributes(); // as Lucene leaves them at the end
        return false;
      } else if (startSegment()) {
        return true;
      }
    }
  }

  /**
   * Reads the first block. An input that ends in a lone high surrogate goes whole to the fallback: there JFlex drops
   * or cuts tokens of its last block, depending on where its own 255-character reads fell, which segments cannot
   * reproduce. Inputs longer than the buffer are not checked (see the class doc).
   */
  private void start() throws IOException {
    started = true;
    packed = onlyPackedAttributes();
    while (limit < buffer.length && refill()) {
      // fill the buffer, or read the whole input
    }
    if (eof && limit > 0 && Character.isHighSurrogate(buffer[limit - 1])) {
      fallbackFinalOffset = true;
      startFallback(true);
    }
  }

  /**
   * The single attribute implementation of this stream if it is Lucene's packed one (the default factory's, with
   * no filter adding others), else null. Checked once per input, after the consumer has added its attributes.
   */
  private PackedTokenAttributeImpl onlyPackedAttributes() {
    Iterator<AttributeImpl> impls = getAttributeImplsIterator();
    AttributeImpl first = impls.hasNext() ? impls.next() : null;
    return first instanceof PackedTokenAttributeImpl p && first == term && !impls.hasNext() ? p : null;
  }

  /** Moves {@link #pos} past separators to the start of the next segment; false at the end of the input. */
  private boolean skipSeparators() throws IOException {
    while (true) {
      while (pos < limit && classOf(buffer[pos]) == SEPARATOR) {
        pos++;
      }
      if (pos < limit) {
        return true;
      }
      if (!refill()) {
        return false;
      }
    }
  }

  /**
   * Checks the segment at {@link #pos} and emits its first token in the same pass: the segment's characters up to
   * that token's end are read once. A segment the fast path cannot take goes to the fallback instead, before any of
   * its tokens is emitted. True if a token was emitted.
   */
  private boolean startSegment() throws IOException {
    while (limit - pos <= MAX_TOKEN_LENGTH && refill()) {
      // have the whole segment, or more than 255 characters of it, in the buffer
    }
    char[] b = buffer;
    int s = pos;
    int end = Math.min(limit, s + MAX_TOKEN_LENGTH + 1);
    int p = s;
    int start = -1;
    boolean letters = false;
    byte c = SEPARATOR;
    while (p < end && (c = classOf(b[p])) != LETTER && c != DIGIT && c != SEPARATOR && c != SLOW) {
      p++;
    }
    if (p < end && (c == LETTER || c == DIGIT)) {
      start = p;
      p = scanToken(b, p, end);
      letters = this.letters;
    }
    int tokenEnd = p;
    while (p < end && (c = classOf(b[p])) != SEPARATOR && c != SLOW) {
      p++;
    }
    if (p < end && c == SLOW || p - s > MAX_TOKEN_LENGTH) {
      startFallback(false);
      return false;
    }
    segmentEnd = p;
    if (start < 0) {
      pos = p;
      return false;
    }
    emit(b, start, tokenEnd, letters);
    return true;
  }

  /** Emits the next token of the checked fast segment, if any is left in it. */
  private boolean nextFastToken() {
    char[] b = buffer;
    int end = segmentEnd;
    int p = pos;
    byte c;
    do {
      if (p == end) {
        pos = p;
        return false;
      }
      c = classOf(b[p++]);
    } while (c != LETTER && c != DIGIT);
    int start = p - 1;
    int tokenEnd = scanToken(b, start, end);
    emit(b, start, tokenEnd, letters);
    return true;
  }

  /** Set by {@link #scanToken}: whether the token has a letter. */
  private boolean letters;

  /**
   * The end of the token starting with the letter or digit at {@code p}: letters and digits, with one mid character
   * between two letters (MidLetter, MidNumLet: WB6/7) or two digits (MidNum, MidNumLet: WB11/12). Sets
   * {@link #letters}.
   */
  private int scanToken(char[] b, int p, int end) {
    byte last = classOf(b[p++]);
    boolean hasLetter = last == LETTER;
    while (p < end) {
      byte c = classOf(b[p]);
      if (c == LETTER) {
        hasLetter = true;
        last = c;
        p++;
      } else if (c == DIGIT) {
        last = c;
        p++;
      } else if (p + 1 < end && classOf(b[p + 1]) == last
          && (c == MID_NUM_LET || c == (last == LETTER ? MID_LETTER : MID_NUM))) {
        p += 2;
      } else {
        break;
      }
    }
    letters = hasLetter;
    return p;
  }

  private void emit(char[] b, int start, int end, boolean hasLetter) {
    pos = end;
    term.copyBuffer(b, start, end - start);
    scanned = bufferStart + end;
    offset.setOffset(correctOffset(bufferStart + start), correctOffset(scanned));
    type.setType(hasLetter ? ALPHANUM : NUM);
  }

  private void startFallback(boolean wholeInput) throws IOException {
    fallbackStart = bufferStart + pos;
    segmentReader.start(wholeInput);
    if (fallback == null) {
      fallback = new Fallback();
    }
    fallback.tokenizer.setReader(segmentReader);
    fallback.tokenizer.reset();
    inFallback = true;
    segmentEnd = pos;
  }

  /** Emits the fallback's next token, or ends the fallback when its segment is done. */
  private boolean nextFallbackToken() throws IOException {
    Fallback f = fallback;
    if (f.tokenizer.incrementToken()) {
      term.copyBuffer(f.term.buffer(), 0, f.term.length());
      scanned = fallbackStart + f.offset.endOffset();
      offset.setOffset(correctOffset(fallbackStart + f.offset.startOffset()), correctOffset(scanned));
      increment.setPositionIncrement(f.increment.getPositionIncrement());
      type.setType(f.type.type());
      return true;
    }
    f.tokenizer.end();
    if (fallbackFinalOffset) {
      scanned = fallbackStart + f.offset.endOffset();
    }
    f.tokenizer.close();
    inFallback = false;
    return false;
  }

  /**
   * Drops the characters before {@link #pos} and reads more after those kept; false at the end of the input.
   */
  private boolean refill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buffer, pos, buffer, 0, limit - pos);
      bufferStart += pos;
      limit -= pos;
      segmentEnd = Math.max(0, segmentEnd - pos);
      pos = 0;
    }
    if (eof) {
      return false;
    }
    int n;
    do {
      n = input.read(buffer, limit, buffer.length - limit);
    } while (n == 0);
    if (n < 0) {
      eof = true;
      return false;
    }
    limit += n;
    return true;
  }

  @Override
  public void end() throws IOException {
    super.end();
    int finalOffset = correctOffset(scanned);
    offset.setOffset(finalOffset, finalOffset);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    limit = 0;
    pos = 0;
    bufferStart = 0;
    segmentEnd = 0;
    scanned = 0;
    eof = false;
    started = false;
    packed = null;
    fallbackFinalOffset = false;
    closeFallback();
  }

  @Override
  public void close() throws IOException {
    super.close();
    closeFallback();
  }

  private void closeFallback() throws IOException {
    if (inFallback) {
      fallback.tokenizer.close();
      inFallback = false;
    }
  }

  /** Lucene's tokenizer and the attributes its tokens are copied from. */
  private static final class Fallback {
    final StandardTokenizer tokenizer = new StandardTokenizer();
    final CharTermAttribute term = tokenizer.getAttribute(CharTermAttribute.class);
    final OffsetAttribute offset = tokenizer.getAttribute(OffsetAttribute.class);
    final PositionIncrementAttribute increment = tokenizer.getAttribute(PositionIncrementAttribute.class);
    final TypeAttribute type = tokenizer.getAttribute(TypeAttribute.class);
  }

  /**
   * The current segment, from {@link #pos} up to the next separator (or the whole input), read through
   * {@link #buffer}. A segment ending in a lone high surrogate gets its separator too: JFlex takes the end of input
   * right after a high surrogate as the end of everything it read in that block, which the whole-input tokenizer,
   * seeing the separator, does not.
   */
  private final class SegmentReader extends Reader {
    private boolean wholeInput;
    private boolean done;
    private char last;

    void start(boolean wholeInput) {
      this.wholeInput = wholeInput;
      done = false;
      last = 0;
    }

    @Override
    public int read(char[] into, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (done || pos == limit && !refill()) {
        return -1;
      }
      int n = 0;
      while (n < len && pos < limit) {
        char c = buffer[pos];
        if (!wholeInput && classOf(c) == SEPARATOR) {
          if (!Character.isHighSurrogate(last)) {
            done = true;
            break;
          }
          done = true;
          into[off + n++] = c;
          pos++;
          break;
        }
        into[off + n++] = c;
        last = c;
        pos++;
      }
      return n == 0 ? -1 : n;
    }

    @Override
    public void close() {
      // the input is closed by the tokenizer's own close()
    }
  }
}
