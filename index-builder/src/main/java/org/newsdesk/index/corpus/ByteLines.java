package org.newsdesk.index.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream into lines of raw bytes (LF or CRLF), so each line can be decoded, and its encoding problems
 * reported, on its own. A line over {@link #MAX_LINE} bytes is skipped over without being kept in memory.
 */
final class ByteLines {
  /** Longest line kept: 64 MiB. */
  static final int MAX_LINE = 64 << 20;

  private final InputStream in;
  private byte[] buffer = new byte[8192];
  private int length;
  private int number;
  private boolean tooLong;
  /** The current line is the last and has no line break after it: maybe a file cut short. */
  private boolean unterminated;
  private final byte[] chunk = new byte[1 << 16];
  private int chunkPos;
  private int chunkEnd;

  ByteLines(InputStream in) {
    this.in = in;
  }

  /** Advances to the next line; false at the end of the stream. */
  boolean next() throws IOException {
    unterminated = false;
    length = 0;
    tooLong = false;
    boolean any = false;
    while (true) {
      if (chunkPos == chunkEnd) {
        chunkEnd = in.read(chunk, 0, chunk.length);
        chunkPos = 0;
        if (chunkEnd <= 0) {
          chunkEnd = 0;
          if (any) {
            number++;
            unterminated = true;
          }
          return any;
        }
      }
      any = true;
      int start = chunkPos;
      chunkPos = ByteScan.indexOf(chunk, chunkPos, chunkEnd, (byte) '\n');
      append(start, chunkPos);
      if (chunkPos < chunkEnd) {
        chunkPos++;
        if (length > 0 && buffer[length - 1] == '\r') {
          length--;
        }
        number++;
        return true;
      }
    }
  }

  private void append(int from, int to) {
    int n = to - from;
    if (tooLong || (long) length + n > MAX_LINE) {
      tooLong = true;
      length = 0;
      return;
    }
    if (length + n > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + n));
    }
    System.arraycopy(chunk, from, buffer, length, n);
    length += n;
  }

  /** The current line's bytes, valid up to {@link #length()} until the next call. */
  byte[] bytes() {
    return buffer;
  }

  /** Whether the current line ends the stream without a line break (a file cut short mid-line, or a last line). */
  boolean unterminated() {
    return unterminated;
  }

  int length() {
    return length;
  }

  /** The current line's 1-based number. */
  int number() {
    return number;
  }

  /** True when the current line was over {@link #MAX_LINE} and its bytes were dropped. */
  boolean tooLong() {
    return tooLong;
  }
}
