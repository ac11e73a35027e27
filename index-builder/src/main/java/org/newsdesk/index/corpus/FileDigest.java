package org.newsdesk.index.corpus;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a file's bytes on disk (before any decompression), taken while a reader reads the file for its
 * articles, so that a new file is not read once more only to be hashed. It counts as the file's hash only if the
 * file was opened once and read to its end ({@link #hexIfWhole}); a reader that stops early (a binary file, a damaged
 * gzip stream) or opens the file twice leaves it incomplete, and the caller hashes the file itself.
 *
 * <p>Used by one reading thread at a time.
 */
public final class FileDigest {
  private final MessageDigest sha256;
  private long bytes;
  private int opens;

  public FileDigest() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code in}, with every byte read through it also hashed and counted. */
  InputStream wrap(InputStream in) {
    opens++;
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          sha256.update((byte) b);
          bytes++;
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          sha256.update(buffer, offset, n);
          bytes += n;
        }
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        // Skipped bytes must be hashed too: read them instead.
        byte[] discard = new byte[(int) Math.min(n, 8192)];
        long skipped = 0;
        while (skipped < n) {
          int r = read(discard, 0, (int) Math.min(discard.length, n - skipped));
          if (r < 0) {
            break;
          }
          skipped += r;
        }
        return skipped;
      }

      @Override
      public boolean markSupported() {
        return false;
      }
    };
  }

  /**
   * The hash as {@code BuildRun} records a file's (the first 16 bytes of the SHA-256, in hex) if the file was
   * opened once and exactly {@code size} bytes were read; else null.
   */
  public String hexIfWhole(long size) {
    if (opens != 1 || bytes != size) {
      return null;
    }
    return HexFormat.of().formatHex(sha256.digest(), 0, 16);
  }
}
