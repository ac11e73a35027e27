package org.newsdesk.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.AttributeSource;

/**
 * Indexes both forms of two-word compounds ({@code ceasefire} and {@code cease fire}), producing exactly the tokens
 * that {@code SynonymGraphFilter} (keepOrig, both directions) followed by {@code FlattenGraphFilter} produce for the
 * same compound list, at a fraction of their cost: a token that starts no compound passes through after one hash
 * lookup, where the graph filters capture and restore every token's state.
 *
 * <ul>
 *   <li>a closed compound {@code ceasefire} at position p becomes {@code cease} (p), {@code ceasefire} (p, length 2)
 *       and {@code fire} (p+1), all with the compound's offsets; following tokens move one position on;
 *   <li>an open compound {@code cease fire} at p, p+1 becomes {@code ceasefire} (p, length 2, offsets of both words),
 *       then {@code cease} (p) and {@code fire} (p+1). Matching is greedy from the left and never overlaps.
 * </ul>
 * Added tokens have type {@code SYNONYM}, as the synonym filter gives them.
 */
final class CompoundFilter extends TokenFilter {
  private static final String SYNONYM = "SYNONYM";

  private final CharArrayMap<Compounds.Start> starts;
  private final WordPrefilter prefilter;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  /** Tokens ready to emit, in order. */
  private final Deque<AttributeSource.State> queue = new ArrayDeque<>();
  /** The word that may begin an open compound, kept while the next token is read. */
  private final Token first = new Token();
  /** A token read ahead that turned out not to continue a compound; it is processed next. */
  private final Token lookahead = new Token();
  private boolean hasLookahead;
  private boolean exhausted;

  /**
   * @param starts every word that begins a compound, closed or open, with what it begins
   * @param prefilter the quick test of {@code starts}' keys
   */
  CompoundFilter(TokenStream input, CharArrayMap<Compounds.Start> starts, WordPrefilter prefilter) {
    super(input);
    this.starts = starts;
    this.prefilter = prefilter;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!queue.isEmpty()) {
      restoreState(queue.poll());
      return true;
    }
    if (!next()) {
      return false;
    }
    // One look-up per token: most words start no compound and pass through here.
    if (!prefilter.mayContain(term.buffer(), term.length())) {
      return true;
    }
    Compounds.Start start = starts.get(term.buffer(), 0, term.length());
    if (start == null) {
      return true;
    }
    if (start.parts() != null) {
      expandClosed(start.parts());
      return true;
    }
    // Words that begin an open compound are common ("on", "fire", "state"): most are followed by no second part,
    // so both tokens are kept in plain fields here, not in captured states (a clone of every attribute each).
    CharArrayMap<String> seconds = start.seconds();
    first.save();
    if (!next()) {
      first.restore();
      return true;
    }
    String compound = increment.getPositionIncrement() == 1 ? seconds.get(term.buffer(), 0, term.length()) : null;
    if (compound == null) {
      lookahead.save();
      hasLookahead = true;
      first.restore();
      return true;
    }
    joinOpen(compound);
    return true;
  }

  /** The next input token: the one read ahead, if any, else a new one. */
  private boolean next() throws IOException {
    if (hasLookahead) {
      lookahead.restore();
      hasLookahead = false;
      return true;
    }
    if (exhausted) {
      return false;
    }
    // No clearAttributes(): the tokenizer clears them, as for any filter.
    if (!input.incrementToken()) {
      exhausted = true;
      return false;
    }
    return true;
  }

  /** The current token is a closed compound: emit the first part, the compound, then the second part. */
  private void expandClosed(String[] parts) {
    int inc = increment.getPositionIncrement();
    increment.setPositionIncrement(0);
    length.setPositionLength(2);
    queue.add(captureState());
    term.setEmpty().append(parts[1]);
    increment.setPositionIncrement(1);
    length.setPositionLength(1);
    type.setType(SYNONYM);
    queue.add(captureState());
    term.setEmpty().append(parts[0]);
    increment.setPositionIncrement(inc);
  }

  /** {@link #first} and the current token form an open compound: emit the compound, then both words. */
  private void joinOpen(String compound) {
    AttributeSource.State second = captureState();
    int end = offset.endOffset();
    first.restore();
    int inc = increment.getPositionIncrement();
    increment.setPositionIncrement(0);
    queue.add(captureState());
    queue.add(second);
    increment.setPositionIncrement(inc);
    term.setEmpty().append(compound);
    length.setPositionLength(2);
    offset.setOffset(offset.startOffset(), end);
    type.setType(SYNONYM);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    queue.clear();
    hasLookahead = false;
    exhausted = false;
  }

  /**
   * One token's attributes as the chain before this filter sets them (a tokenizer's term, offsets, position
   * increment and length, and type; nothing before it sets others), copied without allocating.
   */
  private final class Token {
    private char[] chars = new char[16];
    private int length;
    private int startOffset;
    private int endOffset;
    private int positionIncrement;
    private int positionLength;
    private String tokenType;

    void save() {
      length = term.length();
      if (chars.length < length) {
        chars = new char[ArrayUtil.oversize(length, Character.BYTES)];
      }
      System.arraycopy(term.buffer(), 0, chars, 0, length);
      startOffset = offset.startOffset();
      endOffset = offset.endOffset();
      positionIncrement = increment.getPositionIncrement();
      positionLength = CompoundFilter.this.length.getPositionLength();
      tokenType = type.type();
    }

    void restore() {
      term.copyBuffer(chars, 0, length);
      offset.setOffset(startOffset, endOffset);
      increment.setPositionIncrement(positionIncrement);
      CompoundFilter.this.length.setPositionLength(positionLength);
      type.setType(tokenType);
    }
  }
}
