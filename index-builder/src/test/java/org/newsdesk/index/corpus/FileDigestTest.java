package org.newsdesk.index.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's hash taken while it is read counts only when the file was opened once and read to its end. */
class FileDigestTest {
  @TempDir Path tmp;

  private static String sha256Prefix(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
  }

  @Test
  void aWholeReadGivesTheHashOfTheBytesOnDiskEvenForGzip() throws Exception {
    Path gz = tmp.resolve("a.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("{\"id\":\"1\",\"body\":\"x\"}\n".repeat(5000).getBytes(StandardCharsets.UTF_8));
    }
    FileDigest digest = new FileDigest();
    try (InputStream in = new SourceFile(gz, CorpusFormat.JSONL).hashedBy(digest).open()) {
      in.skip(10);
      in.read();
      in.readAllBytes();
    }
    assertEquals(sha256Prefix(Files.readAllBytes(gz)), digest.hexIfWhole(Files.size(gz)));
  }

  @Test
  void aPartialReadOrASecondOpenGivesNoHash() throws Exception {
    Path file = tmp.resolve("a.txt");
    Files.writeString(file, "Headline\n\n" + "Body text. ".repeat(20_000));
    long size = Files.size(file);

    FileDigest partial = new FileDigest();
    SourceFile partly = new SourceFile(file, CorpusFormat.RAW_TEXT).hashedBy(partial);
    try (InputStream in = partly.open()) {
      in.readNBytes(100);
    }
    assertNull(partial.hexIfWhole(size));

    FileDigest twice = new FileDigest();
    SourceFile again = new SourceFile(file, CorpusFormat.RAW_TEXT).hashedBy(twice);
    try (InputStream in = again.open()) {
      in.readNBytes((int) size / 2);
    }
    try (InputStream in = again.open()) {
      in.skip(size / 2);
      in.readAllBytes();
    }
    assertNull(twice.hexIfWhole(size), "bytes read add up to the size, but over two opens");
  }
}
