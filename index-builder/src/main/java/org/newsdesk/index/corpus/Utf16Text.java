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

  /** How much of a file the check that it reads as text looks at. */
  private static final int SAMPLE = 8192;

  /**
   * {@code in}, transcoded from UTF-16 to UTF-8 when it starts with a UTF-16 byte-order mark and its start reads as
   * text in UTF-16; else as it is (binary data that happens to start with FF FE is then found binary as before).
   */
  static InputStream asUtf8(InputStream in) throws IOException {
    PushbackInputStream peek = new PushbackInputStream(in, SAMPLE);
    int first = peek.read();
    int second = first < 0 ? -1 : peek.read();
    if (second >= 0) {
      peek.unread(second);
    }
    if (first >= 0) {
      peek.unread(first);
    }
    if (!(first == 0xFF && second == 0xFE || first == 0xFE && second == 0xFF)) {
      return peek; // nearly every file: two bytes looked at
    }
    // Read the start by hand: a gzip stream cut short must still give the reader what came before the cut.
    byte[] head = new byte[SAMPLE];
    int n = 0;
    try {
      for (int r; n < SAMPLE && (r = peek.read(head, n, SAMPLE - n)) >= 0; n += r) {
        // filling the sample
      }
    } catch (java.io.EOFException | java.util.zip.ZipException e) {
      return new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head, 0, n), new InputStream() {
        @Override
        public int read() throws IOException {
          throw e; // the damage, after the bytes before it, as the reader would have met it
        }
      });
    }
    peek.unread(head, 0, n);
    return readsAsText(java.util.Arrays.copyOf(head, n))
        ? new Transcoded(new InputStreamReader(peek, StandardCharsets.UTF_16)) : peek;
  }

  /**
   * Whether the first bytes, decoded as UTF-16, are text: at most one character in ten unassigned, private use, a
   * lone surrogate or a control other than white space. Random bytes decode to mostly unassigned and CJK characters
   * with lone surrogates among them; text has none of these.
   */
  private static boolean readsAsText(byte[] head) {
    String text = new String(head, 0, head.length & ~1, StandardCharsets.UTF_16);
    int odd = 0;
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int type = Character.getType(c);
      count++;
      if (type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.SURROGATE
          || c == '\uFFFD' || type == Character.CONTROL && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        odd++;
      }
    }
    return odd * 10 <= count;
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
