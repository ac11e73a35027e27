package org.newsdesk.index;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.newsdesk.index.corpus.SourceFile;

/**
 * Keeps {@link SourceManifest}s as files in the index directory, one per generation.
 *
 * <p>A manifest is written to a temporary file, forced to disk and renamed into place before the Lucene commit that
 * names it (and its hash) in its user data; a crash before the commit leaves an unreferenced file that the next run
 * removes. Lucene leaves files it does not own alone.
 */
final class ManifestStore {
  static final String PREFIX = "newsdesk-manifest-";
  static final String SUFFIX = ".tsv";

  private ManifestStore() {}

  /** A stored manifest: the file name and the hash of its bytes, both recorded in the commit. */
  record Stored(String fileName, String sha256) {}

  /** Writes {@code manifest} atomically under a fresh name. */
  static Stored write(Path indexDir, SourceManifest manifest) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    try (OutputStreamWriter w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      manifest.write(w);
    }
    byte[] data = bytes.toByteArray();
    String name = PREFIX + System.currentTimeMillis() + "-" + UUID.randomUUID().toString().substring(0, 8) + SUFFIX;
    Path tmp = indexDir.resolve(name + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(data);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    Files.move(tmp, indexDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    fsyncDirectory(indexDir);
    return new Stored(name, SourceFile.hash(data));
  }

  /**
   * Reads the manifest a commit names.
   *
   * @throws IOException if the file is missing, its hash differs from the recorded one, or it is malformed
   */
  static SourceManifest read(Path indexDir, Stored stored) throws IOException {
    Path file = indexDir.resolve(stored.fileName());
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IOException("manifest " + file + " is missing");
    }
    if (!SourceFile.hash(data).equals(stored.sha256())) {
      throw new IOException("manifest " + file + " does not match the hash its commit recorded");
    }
    try (BufferedReader in = new BufferedReader(new StringReader(new String(data, StandardCharsets.UTF_8)))) {
      return SourceManifest.read(in, file.toString());
    }
  }

  /** The manifest a commit's user data names, or null if it names none. */
  static Stored named(Map<String, String> userData) {
    String name = userData.get(Generations.USER_DATA_MANIFEST);
    String sha = userData.get(Generations.USER_DATA_MANIFEST_SHA256);
    return name == null || sha == null ? null : new Stored(name, sha);
  }

  /**
   * Deletes manifests (and leftover temporary files) that no kept commit names. Call only while holding the
   * index's write lock.
   *
   * @return the number of files deleted
   */
  static int deleteUnreferenced(Path indexDir, Set<String> referenced) throws IOException {
    int deleted = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(indexDir, PREFIX + "*")) {
      for (Path f : files) {
        if (!referenced.contains(f.getFileName().toString())) {
          Files.deleteIfExists(f);
          deleted++;
        }
      }
    }
    return deleted;
  }

  private static void fsyncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some file systems cannot fsync a directory; Lucene's own commit fsyncs the directory again right after.
    }
  }
}
