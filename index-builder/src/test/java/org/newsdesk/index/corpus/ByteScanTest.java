package org.newsdesk.index.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The eight-at-a-time scans against a byte-by-byte loop, at every alignment and range end. */
class ByteScanTest {
  @Test
  void sameAnswersAsAByteLoop() {
    Random random = new Random(7);
    for (int round = 0; round < 3_000; round++) {
      byte[] b = new byte[random.nextInt(40)];
      for (int i = 0; i < b.length; i++) {
        // Sparse hits, some right next to each other; bytes that differ from '\n' (0x0A) by one bit, and 0x8A.
        int r = random.nextInt(12);
        b[i] = (byte) (r == 0 ? '\n' : r == 1 ? 0x8A : r == 2 ? 0x0B : r == 3 ? 0xC3 : r == 4 ? 0x09 : 'a' + r);
      }
      int from = b.length == 0 ? 0 : random.nextInt(b.length + 1);
      int to = from + random.nextInt(b.length - from + 1);
      assertEquals(naiveIndexOf(b, from, to, (byte) '\n'), ByteScan.indexOf(b, from, to, (byte) '\n'));
      assertEquals(naiveIndexOf(b, from, to, (byte) 0x8A), ByteScan.indexOf(b, from, to, (byte) 0x8A));
      assertEquals(naiveSkipAscii(b, from, to), ByteScan.skipAscii(b, from, to));
    }
  }

  private static int naiveIndexOf(byte[] b, int from, int to, byte target) {
    for (int i = from; i < to; i++) {
      if (b[i] == target) {
        return i;
      }
    }
    return to;
  }

  private static int naiveSkipAscii(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] < 0) {
        return i;
      }
    }
    return to;
  }
}
