package org.newsdesk.index.corpus;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * An input file and the format it will be read as. {@code .gz} files are decompressed transparently.
 *
 * @param path the file on disk
 * @param format the format to read it as
 * @param digest null, or what hashes the file's bytes as they are read ({@link #hashedBy})
 * @param idName what the id of an article of this file is derived from when the file gives it neither an id nor a
 *     url: the file's name, or, when other files of the scan have the same name, its path below the folder they
 *     share ({@code business/001.txt}; null: the name)
 */
public record SourceFile(Path path, CorpusFormat format, FileDigest digest, String idName) {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  public SourceFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    if (idName == null) {
      idName = String.valueOf(path.getFileName());
    }
  }

  public SourceFile(Path path, CorpusFormat format) {
    this(path, format, null, null);
  }

  /** This file, with the bytes any reader reads from disk also going to {@code digest}. */
  public SourceFile hashedBy(FileDigest digest) {
    return new SourceFile(path, format, digest, idName);
  }

  /** {@link #idName()} when it is not the file's own name (other files share it), else null. */
  public String sharedIdName() {
    return idName.equals(String.valueOf(path.getFileName())) ? null : idName;
  }

  /** This file, with ids derived from {@code idName} ({@link #idName()}). */
  public SourceFile withIdName(String idName) {
    return new SourceFile(path, format, digest, idName);
  }

  /** The name used in messages and as the article origin. */
  public String name() {
    return path.toString();
  }

  /**
   * True if the file is gzip data, by its first two bytes (1f 8b), whatever its name: {@link #open} decompresses
   * gzip data under any name, and reads a file named {@code .gz} that is not gzip as it is.
   */
  public boolean gzipped() {
    try (InputStream in = Files.newInputStream(path)) {
      return isGzipMagic(in.read(), in.read());
    } catch (IOException e) {
      return gzipName(); // unreadable now: go by the name, for the reader's message
    }
  }

  /** True if the file's name ends in {@code .gz}. */
  public boolean gzipName() {
    return path.getFileName().toString().endsWith(".gz");
  }

  private static boolean isGzipMagic(int first, int second) {
    return first == 0x1f && second == 0x8b;
  }

  /**
   * Opens the (decompressed) content: gzip data, told by its first two bytes, is decompressed whatever the file's
   * name, and text in UTF-16 with a byte-order mark is read as UTF-8 ({@link Utf16Text}). A gzip stream is deliberately not wrapped in a {@code BufferedInputStream}: that would swallow up to a
   * buffer's worth of data decoded just before a truncation; read in chunks instead.
   */
  public InputStream open() throws IOException {
    InputStream file = Files.newInputStream(path);
    InputStream in = new BufferedInputStream(digest == null ? file : digest.wrap(file), 1 << 16);
    try {
      in.mark(2);
      boolean gzip = isGzipMagic(in.read(), in.read());
      in.reset();
      InputStream content = gzip ? new GZIPInputStream(in, 1 << 16) : in;
      return format == CorpusFormat.WARC ? content : Utf16Text.asUtf8(content); // WARC records are bytes, not text
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * Reads the (decompressed) bytes up to the end, or up to where a truncated or corrupt gzip stream stops; for
   * files that hold many records, so the records before the damage can still be used.
   */
  public Partial readUpToDamage() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[1 << 16];
    try (InputStream in = open()) {
      for (int n = in.read(chunk); n >= 0 && out.size() <= MAX_FILE_BYTES; n = in.read(chunk)) {
        out.write(chunk, 0, n);
      }
      return new Partial(out.toByteArray(), null);
    } catch (EOFException | ZipException e) {
      return new Partial(out.toByteArray(), e.getMessage() == null ? "unexpected end of data" : e.getMessage());
    }
  }

  /**
   * Bytes read by {@link #readUpToDamage()}.
   *
   * @param bytes what could be read
   * @param damage why reading stopped early, or null if the whole file was read
   */
  public record Partial(byte[] bytes, String damage) {}

  /**
   * The most a file that holds one article (raw text, an HTML page) may hold, decompressed: no article is this big,
   * and a small gzip that inflates to gigabytes (or {@code /dev/zero}) must not take the run's memory.
   */
  public static final int MAX_ARTICLE_BYTES = 64 << 20;
  /** The most a file of many records (TREC, Reuters SGML) may hold, decompressed, read whole as it is. */
  public static final int MAX_FILE_BYTES = 1 << 30;

  /** Reads all (decompressed) bytes. */
  public byte[] readAllBytes() throws IOException {
    try (InputStream in = open()) {
      return in.readAllBytes();
    }
  }

  /** Reads the (decompressed) bytes, at most {@code limit + 1} of them: more than {@code limit} says it is too large. */
  public byte[] readAtMost(int limit) throws IOException {
    try (InputStream in = open()) {
      return in.readNBytes(limit + 1);
    }
  }

  /** The problem of a file over {@code limit} bytes, decompressed. */
  public InputProblem tooLarge(int limit) {
    return new InputProblem(name(), InputProblem.Kind.TOO_LARGE, (gzipped() ? "decompresses to" : "holds")
        + " more than " + (limit >> 20) + " MiB, more than any " + (limit == MAX_ARTICLE_BYTES ? "article" : "file of articles")
        + " would; skipped", true);
  }

  /**
   * Decodes bytes as UTF-8, dropping a byte-order mark. Text that is not valid UTF-8 is either UTF-8 with a few bad
   * bytes (a file cut or pasted together: more well-formed multi-byte characters than bad bytes), read as UTF-8
   * with each bad byte replaced by U+FFFD, or legacy 8-bit text, read as Windows-1252 (a superset of Latin-1 for
   * printable text), which is what legacy news files almost always are.
   *
   * @return the text, and where the first invalid byte was if the fallback was used
   */
  public static Decoded decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  /** {@link #decode(byte[])} of a slice. */
  public static Decoded decode(byte[] bytes, int offset, int length) {
    int start = offset;
    int end = offset + length;
    if (length >= 3 && (bytes[start] & 0xFF) == 0xEF && (bytes[start + 1] & 0xFF) == 0xBB && (bytes[start + 2] & 0xFF) == 0xBF) {
      start += 3;
    }
    int bad = firstInvalidUtf8(bytes, start, end);
    if (bad < 0) {
      return new Decoded(new String(bytes, start, end - start, StandardCharsets.UTF_8), 0);
    }
    int line = 1;
    for (int i = start; i < bad; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    long evidence = utf8Evidence(bytes, start, end);
    if ((evidence >>> 32) > (int) evidence) { // mostly UTF-8: the decoder replaces each malformed byte with U+FFFD
      return new Decoded(new String(bytes, start, end - start, StandardCharsets.UTF_8), line, false);
    }
    return new Decoded(new String(bytes, start, end - start, WINDOWS_1252), line, true);
  }

  /**
   * Page text: a page's bytes as UTF-8 when they are (a byte-order mark, or valid UTF-8 beyond ASCII: a page saved
   * or re-encoded as UTF-8 keeps its old declaration more often than not), else in the charset it declares (the
   * HTTP header's, given, or its {@code <meta charset>} or {@code http-equiv} in its first 4 KB), else as
   * {@link #decode(byte[])} reads text. A declared UTF-16 or UTF-32 is ignored, as browsers do for a byte stream.
   *
   * @param declared the charset the HTTP headers declare, or null
   */
  public static Decoded decodePage(byte[] bytes, String declared) {
    Decoded utf8 = decode(bytes);
    if (!utf8.fellBack()) {
      return utf8;
    }
    String name = declared;
    if (name == null) {
      Matcher m = META_CHARSET.matcher(new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1));
      name = m.find() ? m.group(1) : null;
    }
    if (name != null) {
      String n = name.strip().toLowerCase(java.util.Locale.ROOT);
      if (!n.startsWith("utf-16") && !n.startsWith("utf-32") && !n.equals("utf-8") && !n.equals("utf8")) {
        try {
          return new Decoded(new String(bytes, Charset.forName(name.strip())), 0);
        } catch (IllegalArgumentException unknown) {
          // an unknown or illegal charset name: read as any other text
        }
      }
    }
    return utf8;
  }

  private static final Pattern META_CHARSET = Pattern.compile(
      "(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_:.-]+)");

  /**
   * Between {@code from} and {@code to}: the well-formed multi-byte UTF-8 characters, in the high 32 bits, and the bytes that are
   * not part of one, in the low.
   */
  private static long utf8Evidence(byte[] b, int from, int to) {
    long good = 0;
    long bad = 0;
    int i = from;
    while (i < to) {
      int next = firstInvalidUtf8(b, i, to);
      int stop = next < 0 ? to : next;
      for (int k = i; k < stop; k++) {
        if ((b[k] & 0xC0) == 0xC0) { // a lead byte of a well-formed sequence
          good++;
        }
      }
      if (next < 0) {
        break;
      }
      bad++;
      i = next + 1;
    }
    return Math.min(good, Integer.MAX_VALUE) << 32 | Math.min(bad, Integer.MAX_VALUE);
  }

  /** The offset of the first byte that does not belong to well-formed UTF-8, or -1. */
  static int firstInvalidUtf8(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i = ByteScan.skipAscii(b, i + 1, to);
        continue;
      }
      int n;
      int min;
      if (c >= 0xC2 && c <= 0xDF) {
        n = 1;
        min = 0x80;
      } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2;
        min = 0x800;
      } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3;
        min = 0x10000;
      } else {
        return i;
      }
      if (i + n >= to) {
        return i;
      }
      int cp = c & (0x3F >> n);
      for (int k = 1; k <= n; k++) {
        int cc = b[i + k] & 0xFF;
        if ((cc & 0xC0) != 0x80) {
          return i;
        }
        cp = cp << 6 | cc & 0x3F;
      }
      if (cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) {
        return i;
      }
      i += n + 1;
    }
    return -1;
  }

  /**
   * Decoded text.
   *
   * @param text the text
   * @param firstBadLine 0 if the bytes were valid UTF-8 (or in the charset the page declared); else the line of the
   *     first invalid byte
   * @param legacy when not valid UTF-8: read as Windows-1252 (true), or as UTF-8 with its bad bytes replaced
   */
  public record Decoded(String text, int firstBadLine, boolean legacy) {
    public Decoded(String text, int firstBadLine) {
      this(text, firstBadLine, firstBadLine > 0);
    }

    /** True when the bytes were not valid UTF-8. */
    public boolean fellBack() {
      return firstBadLine > 0;
    }

    /** How text that was not valid UTF-8 was read, for a warning: {@code read as Windows-1252}. */
    public String readAs() {
      return legacy ? "read as Windows-1252" : "read as UTF-8, its bad bytes replaced with \uFFFD";
    }
  }

  private static final Pattern EXTENSIONS = Pattern.compile("(\\.[A-Za-z0-9]{1,6})+$");
  /** What a name's id leaves out: anything but letters (of any script), their marks and digits. */
  private static final Pattern NOT_NAME_SLUG = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");
  private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");
  private static final Pattern TRAILING_DASHES = Pattern.compile("-+$");

  /**
   * The id an article takes from its file's name ({@link #idName()}), without its extensions: {@code business/001.txt}
   * gives {@code business-001}, the folders part of the id. Letters of every script are kept, in lower case
   * ({@code новости.txt} is {@code новости}, {@code Café.html} {@code café}); a name of nothing else is {@code article}.
   */
  public static String nameId(String name) {
    String path = name.replace('\\', '/');
    String base = java.text.Normalizer.normalize(EXTENSIONS.matcher(path).replaceFirst(""), java.text.Normalizer.Form.NFC);
    return slug(NOT_NAME_SLUG.matcher(base.toLowerCase(java.util.Locale.ROOT)).replaceAll("-"), !path.contains("/"));
  }

  /**
   * {@code dashed} (words already joined by dashes) as a slug of at most 80 characters: its start when
   * {@code keepStart} (a url, a file name), else its end and a hash of the whole (a path whose folders tell it from
   * other files: the file name and the folders nearest it are what differ); {@code article} when it is empty.
   */
  public static String slug(String dashed, boolean keepStart) {
    String slug = EDGE_DASHES.matcher(dashed).replaceAll("");
    if (slug.length() > 80) {
      slug = keepStart ? TRAILING_DASHES.matcher(slug.substring(0, 80)).replaceAll("")
          : EDGE_DASHES.matcher(slug.substring(slug.length() - 73)).replaceAll("") + "-"
              + hash(slug.getBytes(StandardCharsets.UTF_8)).substring(0, 6);
    }
    return slug.isEmpty() ? "article" : slug;
  }

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
