package org.newsdesk.index.corpus;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte scans that read eight bytes at a time: finding a line's end and skipping ASCII were a quarter of reading a
 * JSON Lines file byte by byte (indexing profile, BENCHMARKS.md "Indexing").
 */
final class ByteScan {
  /** Little-endian, so that the lowest set bit of a match word belongs to the first byte in the array. */
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** One in every byte: times a byte value, that byte in every position. */
  static final long ONES = 0x0101010101010101L;
  /** The high bit of every byte. */
  static final long HIGHS = 0x8080808080808080L;

  private ByteScan() {}

  /** Eight bytes from {@code b[i]} as one little-endian number: the first byte in the lowest bits. */
  static long longAt(byte[] b, int i) {
    return (long) LONGS.get(b, i);
  }

  /** The index of the first {@code target} byte in {@code b[from, to)}, or {@code to}. */
  static int indexOf(byte[] b, int from, int to, byte target) {
    long pattern = ONES * (target & 0xFF);
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long x = (long) LONGS.get(b, i) ^ pattern;
      // The classic "has a zero byte" test: exact for the lowest zero byte, which is all this needs.
      long zeros = (x - ONES) & ~x & HIGHS;
      if (zeros != 0) {
        return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == target) {
        return i;
      }
    }
    return to;
  }

  /** The index of the first byte of {@code b[from, to)} that is not ASCII (high bit set), or {@code to}. */
  static int skipAscii(byte[] b, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long high = (long) LONGS.get(b, i) & HIGHS;
      if (high != 0) {
        return i + (Long.numberOfTrailingZeros(high) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] < 0) {
        return i;
      }
    }
    return to;
  }
}
