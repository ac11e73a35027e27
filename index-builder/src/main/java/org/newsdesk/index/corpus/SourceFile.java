package org.newsdesk.index.corpus;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * An input file and the format it will be read as. {@code .gz} files are decompressed transparently.
 *
 * @param path the file on disk
 * @param format the format to read it as
 */
public record SourceFile(Path path, CorpusFormat format) {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  public SourceFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
  }

  /** The name used in messages and as the article origin. */
  public String name() {
    return path.toString();
  }

  /** True if the file is gzip-compressed, by its name. */
  public boolean gzipped() {
    return path.getFileName().toString().endsWith(".gz");
  }

  /** Opens the (decompressed) content. */
  public InputStream open() throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    return gzipped() ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
  }

  /** Reads all (decompressed) bytes. */
  public byte[] readAllBytes() throws IOException {
    try (InputStream in = open()) {
      return in.readAllBytes();
    }
  }

  /**
   * Decodes bytes as UTF-8, dropping a byte-order mark; text that is not valid UTF-8 is read as Windows-1252
   * (a superset of Latin-1 for printable text), which is what legacy news files almost always are.
   *
   * @return the text, and whether the fallback was used
   */
  public static Decoded decode(byte[] bytes) {
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(buffer)
          .toString();
      return new Decoded(text, false);
    } catch (CharacterCodingException e) {
      return new Decoded(new String(bytes, start, bytes.length - start, WINDOWS_1252), true);
    }
  }

  /** Decoded text, and whether it was not valid UTF-8. */
  public record Decoded(String text, boolean fellBack) {}

  /** A short hex SHA-256 of bytes: the content hash incremental rebuilds compare. */
  public static String hash(byte[] bytes, int offset, int length) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(bytes, offset, length);
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link #hash(byte[], int, int)} of a whole array. */
  public static String hash(byte[] bytes) {
    return hash(bytes, 0, bytes.length);
  }
}
