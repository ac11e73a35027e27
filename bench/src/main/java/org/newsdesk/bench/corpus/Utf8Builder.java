package org.newsdesk.bench.corpus;

import java.util.Arrays;

/** A growable UTF-8 byte buffer with JSON string escaping: encodes articles without intermediate Strings. */
final class Utf8Builder {
  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private byte[] bytes;
  private int length;

  Utf8Builder(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  /** Appends text as UTF-8. */
  Utf8Builder append(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      appendChar(s, i);
      if (Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length()) {
        i++;
      }
    }
    return this;
  }

  /** Appends a number. */
  Utf8Builder append(int n) {
    return append(Integer.toString(n));
  }

  /** Appends an ASCII character. */
  Utf8Builder ascii(char c) {
    ensure(1);
    bytes[length++] = (byte) c;
    return this;
  }

  /** Appends {@code s} as a quoted JSON string. */
  Utf8Builder jsonString(String s) {
    ascii('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> ascii('\\').ascii('"');
        case '\\' -> ascii('\\').ascii('\\');
        case '\n' -> ascii('\\').ascii('n');
        case '\r' -> ascii('\\').ascii('r');
        case '\t' -> ascii('\\').ascii('t');
        default -> {
          if (c < 0x20) {
            ensure(6);
            bytes[length++] = '\\';
            bytes[length++] = 'u';
            bytes[length++] = '0';
            bytes[length++] = '0';
            bytes[length++] = HEX[c >> 4];
            bytes[length++] = HEX[c & 15];
          } else {
            appendChar(s, i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
              i++;
            }
          }
        }
      }
    }
    return ascii('"');
  }

  private void appendChar(CharSequence s, int i) {
    char c = s.charAt(i);
    ensure(4);
    if (c < 0x80) {
      bytes[length++] = (byte) c;
    } else if (c < 0x800) {
      bytes[length++] = (byte) (0xC0 | (c >> 6));
      bytes[length++] = (byte) (0x80 | (c & 0x3F));
    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
      int cp = Character.toCodePoint(c, s.charAt(i + 1));
      bytes[length++] = (byte) (0xF0 | (cp >> 18));
      bytes[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
      bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      bytes[length++] = (byte) (0x80 | (cp & 0x3F));
    } else {
      char e = Character.isSurrogate(c) ? '\uFFFD' : c;
      bytes[length++] = (byte) (0xE0 | (e >> 12));
      bytes[length++] = (byte) (0x80 | ((e >> 6) & 0x3F));
      bytes[length++] = (byte) (0x80 | (e & 0x3F));
    }
  }

  private void ensure(int extra) {
    if (length + extra > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
    }
  }

  /** The bytes so far. */
  byte[] toBytes() {
    return Arrays.copyOf(bytes, length);
  }
}
