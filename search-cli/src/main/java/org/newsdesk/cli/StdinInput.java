package org.newsdesk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Standard input given as the path {@code -} ({@code curl -s URL | newsdesk inspect -}), kept in a temporary file for
 * the readers, which detect a format from a file's first bytes and read files; deleted on {@link #close}. Messages
 * and articles name it {@value #NAME}, as ripgrep does, not the temporary file.
 */
final class StdinInput implements AutoCloseable {
  /** How standard input is named in messages and in an article's origin. */
  static final String NAME = "<stdin>";
  /** The path that means standard input. */
  static final Path DASH = Path.of("-");

  private final Path dir;
  private final Path file;

  private StdinInput(Path dir, Path file) {
    this.dir = dir;
    this.file = file;
  }

  /**
   * {@code paths} with {@code -} replaced by a file holding all of {@code in}; null when {@code -} is not among them.
   *
   * @throws CliException when {@code -} is given twice (standard input can be read once)
   */
  static StdinInput readIfNamed(List<Path> paths, InputStream in) throws IOException {
    long dashes = paths.stream().filter(DASH::equals).count();
    if (dashes == 0) {
      return null;
    }
    if (dashes > 1) {
      throw new CliException("- (standard input) is given " + dashes + " times; it can be read once");
    }
    Path dir = Files.createTempDirectory("newsdesk-stdin-");
    Path file = null;
    try {
      byte[] head = in.readNBytes(2);
      // gzip by its magic number: the readers know gzip by the name ending in .gz
      file = dir.resolve(head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b ? "stdin.gz" : "stdin");
      try (OutputStream out = Files.newOutputStream(file)) {
        out.write(head);
        in.transferTo(out);
      }
    } catch (IOException | RuntimeException e) {
      if (file != null) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(dir);
      throw e;
    }
    return new StdinInput(dir, file);
  }

  /** {@code paths} with {@code -} in place of the temporary file. */
  List<Path> inPlaceOfDash(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      out.add(DASH.equals(p) ? file : p);
    }
    return out;
  }

  /** {@code location} ({@code FILE}, {@code FILE:LINE}, {@code FILE#RECORD}) with {@value #NAME} for the file. */
  String shown(String location) {
    String f = file.toString();
    return location != null && location.startsWith(f) ? NAME + location.substring(f.length()) : location;
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir);
  }
}
