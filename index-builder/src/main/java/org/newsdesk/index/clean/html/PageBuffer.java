package org.newsdesk.index.clean.html;

import java.io.CharArrayReader;
import java.io.Reader;
import java.util.Arrays;

/**
 * A growable char buffer for rewriting a page. Unlike {@link StringBuilder}, which copies a range of a
 * non-Latin-1 string char by char, it copies ranges with {@link String#getChars}, a bulk copy.
 */
final class PageBuffer {
  private char[] chars;
  private int length;

  PageBuffer(int capacity) {
    chars = new char[Math.max(16, capacity)];
  }

  /** An empty buffer that writes into {@code chars} (until it needs more room). */
  PageBuffer(char[] chars) {
    this.chars = chars;
  }

  PageBuffer append(String s, int from, int to) {
    ensure(to - from);
    s.getChars(from, to, chars, length);
    length += to - from;
    return this;
  }

  PageBuffer append(char c) {
    ensure(1);
    chars[length++] = c;
    return this;
  }

  PageBuffer append(String s) {
    return append(s, 0, s.length());
  }

  private void ensure(int more) {
    if (length + more > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
    }
  }

  /** The buffer's characters; those past {@link #length()} are not part of it. */
  char[] chars() {
    return chars;
  }

  int length() {
    return length;
  }

  /** Reads what the buffer holds now, without copying it into a string first. */
  Reader reader() {
    return new CharArrayReader(chars, 0, length);
  }

  @Override
  public String toString() {
    return new String(chars, 0, length);
  }
}
