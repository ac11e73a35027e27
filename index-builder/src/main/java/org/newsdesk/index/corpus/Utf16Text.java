package org.newsdesk.index.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Text saved as UTF-16 with a byte-order mark (Windows' "Unicode" text) read as the UTF-8 every reader expects:
 * its NUL bytes would otherwise make it look binary. Text without the mark passes through as it is.
 */
final class Utf16Text {
  private Utf16Text() {}

  /** {@code in}, transcoded from UTF-16 to UTF-8 when it starts with a UTF-16 byte-order mark. */
  static InputStream asUtf8(InputStream in) throws IOException {
    PushbackInputStream peek = new PushbackInputStream(in, 2);
    int first = peek.read();
    int second = first < 0 ? -1 : peek.read();
    if (second >= 0) {
      peek.unread(second);
    }
    if (first >= 0) {
      peek.unread(first);
    }
    boolean marked = first == 0xFF && second == 0xFE || first == 0xFE && second == 0xFF;
    return marked ? new Transcoded(new InputStreamReader(peek, StandardCharsets.UTF_16)) : peek;
  }

  /** UTF-8 bytes of a reader's characters, a chunk at a time; malformed input is U+FFFD, as the reader decodes it. */
  private static final class Transcoded extends InputStream {
    private final Reader reader;
    private final char[] chars = new char[8192];
    /** A high surrogate read at the end of a chunk, kept for the next so that the pair is encoded whole. */
    private char pendingHigh;
    private byte[] bytes = new byte[0];
    private int at;

    Transcoded(Reader reader) {
      this.reader = reader;
    }

    private boolean fill() throws IOException {
      while (at >= bytes.length) {
        int start = 0;
        if (pendingHigh != 0) {
          chars[0] = pendingHigh;
          pendingHigh = 0;
          start = 1;
        }
        int n = reader.read(chars, start, chars.length - start);
        if (n < 0) {
          if (start == 0) {
            return false;
          }
          n = 0; // a lone high surrogate at the very end
        }
        int length = start + n;
        if (n > 0 && length > 1 && Character.isHighSurrogate(chars[length - 1])) {
          pendingHigh = chars[--length];
        }
        bytes = new String(chars, 0, length).getBytes(StandardCharsets.UTF_8);
        at = 0;
      }
      return true;
    }

    @Override
    public int read() throws IOException {
      return fill() ? bytes[at++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(len, bytes.length - at);
      System.arraycopy(bytes, at, b, off, n);
      at += n;
      return n;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
