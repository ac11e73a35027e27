package org.newsdesk.index;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.newsdesk.index.corpus.InputProblem;

/**
 * What one index generation was built from: per source file its size, modification time and hash, the ids and
 * content hashes of the articles it yielded, and the problems it raised.
 *
 * <p>A rebuild compares the files it finds against this to skip unchanged files without opening them, and unchanged
 * articles of a changed file without cleaning or analysing them. It lives in a file of the index directory
 * ({@link ManifestStore}) that the commit names in its user data, so every generation has its own. Immutable.
 *
 * @param files entries keyed by absolute, normalized path
 * @param orphans ids still in the index whose source line or file vanished during an add-only {@code index} run;
 *     the next rebuild deletes them unless a source yields them again
 * @param writtenAt epoch milliseconds when the manifest was built: files modified after {@code writtenAt - 2 s}
 *     are hashed rather than trusted by their stat, because a same-second change would not show in mtime
 */
record SourceManifest(Map<String, FileEntry> files, Set<String> orphans, long writtenAt) {
  static final String HEADER = "newsdesk-manifest/1";
  /** Clock granularity margin for trusting a file's mtime. */
  static final long RACY_MILLIS = 2_000;

  SourceManifest {
    files = Collections.unmodifiableMap(new TreeMap<>(files));
    orphans = Set.copyOf(orphans);
  }

  static SourceManifest empty() {
    return new SourceManifest(Map.of(), Set.of(), 0);
  }

  /** Every article id the manifest knows, orphans included. */
  Set<String> allIds() {
    Set<String> ids = new HashSet<>(orphans);
    files.values().forEach(f -> f.articles().forEach(a -> ids.add(a.id())));
    return ids;
  }

  /** Number of articles across all files: an id two files yield is one article (the later file's, in the index). */
  long articleCount() {
    return distinctIds(files.values());
  }

  /** How many different ids {@code entries} yield between them. */
  static long distinctIds(java.util.Collection<FileEntry> entries) {
    Set<String> ids = new HashSet<>();
    entries.forEach(f -> f.articles().forEach(a -> ids.add(a.id())));
    return ids.size();
  }

  /** True if the file's stat can be trusted to say it did not change since this manifest was written. */
  boolean statUnchanged(FileEntry old, long size, long mtime, String format) {
    return old.size() == size && old.mtime() == mtime && old.format().equals(format) && old.fileHash() != null
        && mtime < writtenAt - RACY_MILLIS;
  }

  /** An article as the index holds it. */
  record ArticleRef(String id, String contentHash) {
    ArticleRef {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(contentHash, "contentHash");
    }
  }

  /**
   * One source file as last read.
   *
   * @param path absolute, normalized path
   * @param format the format it was read as ({@code CorpusFormat.cliName()})
   * @param size its size in bytes, or -1 when unknown (a manifest rebuilt from the index)
   * @param mtime its modification time in epoch milliseconds
   * @param fileHash hash of its bytes, or null when unknown
   * @param articles the articles it yielded
   * @param problems the problems it raised, replayed in the report while the file stays unchanged
   * @param idName what its article's id was derived from when other files shared its name ({@code business/001.txt},
   *     {@code SourceFile.idName}); null when it was its own name: a file whose name becomes shared, or stops being,
   *     is read again, so that its id follows
   */
  record FileEntry(String path, String format, long size, long mtime, String fileHash, List<ArticleRef> articles,
      List<InputProblem> problems, String idName) {
    FileEntry {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(format, "format");
      articles = List.copyOf(articles);
      problems = List.copyOf(problems);
    }

    FileEntry(String path, String format, long size, long mtime, String fileHash, List<ArticleRef> articles,
        List<InputProblem> problems) {
      this(path, format, size, mtime, fileHash, articles, problems, null);
    }

    /** The same entry with a new stat (the file was touched but its bytes are the same). */
    FileEntry withStat(long newSize, long newMtime) {
      return new FileEntry(path, format, newSize, newMtime, fileHash, articles, problems, idName);
    }

    /** Content hash → ids, for matching the articles of a changed file. */
    Map<String, List<String>> idsByHash() {
      Map<String, List<String>> m = new LinkedHashMap<>();
      articles.forEach(a -> m.computeIfAbsent(a.contentHash(), k -> new ArrayList<>()).add(a.id()));
      return m;
    }
  }

  /**
   * Writes the manifest as tab-separated lines: {@code F} file (path, format, size, mtime, hash, and the id name when
   * it is not the file's own), {@code A} article, {@code P} problem, {@code O} orphan.
   */
  void write(Writer out) throws IOException {
    BufferedWriter w = new BufferedWriter(out, 1 << 16);
    w.write(HEADER + "\t" + writtenAt + "\n");
    for (FileEntry f : files.values()) {
      String hash = f.fileHash() == null ? "-" : f.fileHash();
      if (f.idName() == null) {
        line(w, "F", f.path(), f.format(), Long.toString(f.size()), Long.toString(f.mtime()), hash);
      } else { // a seventh field only where needed: most manifests read as before
        line(w, "F", f.path(), f.format(), Long.toString(f.size()), Long.toString(f.mtime()), hash, f.idName());
      }
      for (ArticleRef a : f.articles()) {
        line(w, "A", a.id(), a.contentHash());
      }
      for (InputProblem p : f.problems()) {
        line(w, "P", p.kind().name(), Boolean.toString(p.skipped()), p.location(), p.reason());
      }
    }
    for (String id : new java.util.TreeSet<>(orphans)) {
      line(w, "O", id);
    }
    w.write("END\n");
    w.flush();
  }

  /**
   * Reads a manifest written by {@link #write}.
   *
   * @throws IOException if it is truncated or malformed, naming the line
   */
  static SourceManifest read(BufferedReader in, String name) throws IOException {
    String header = in.readLine();
    if (header == null || !header.startsWith(HEADER + "\t")) {
      throw new IOException(name + ":1: not a newsdesk manifest");
    }
    long writtenAt;
    try {
      writtenAt = Long.parseLong(header.substring(HEADER.length() + 1));
    } catch (NumberFormatException e) {
      throw new IOException(name + ":1: bad header", e);
    }
    Map<String, FileEntry> files = new LinkedHashMap<>();
    Set<String> orphans = new HashSet<>();
    String[] current = null;
    List<ArticleRef> articles = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    int lineNo = 1;
    boolean ended = false;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNo++;
      if (line.equals("END")) {
        ended = true;
        break;
      }
      String[] parts = line.split("\t", -1);
      for (int i = 0; i < parts.length; i++) {
        parts[i] = unescape(parts[i]);
      }
      try {
        switch (parts[0]) {
          case "F" -> {
            if (current != null) {
              files.put(current[1], entry(current, articles, problems));
            }
            if (parts.length != 7) {
              require(parts, 6);
            }
            current = parts;
            articles = new ArrayList<>();
            problems = new ArrayList<>();
          }
          case "A" -> {
            require(parts, 3);
            articles.add(new ArticleRef(parts[1], parts[2]));
          }
          case "P" -> {
            require(parts, 5);
            problems.add(new InputProblem(parts[3], InputProblem.Kind.valueOf(parts[1]), parts[4], Boolean.parseBoolean(parts[2])));
          }
          case "O" -> {
            require(parts, 2);
            orphans.add(parts[1]);
          }
          default -> throw new IllegalArgumentException("unknown record type '" + parts[0] + "'");
        }
      } catch (RuntimeException e) {
        throw new IOException(name + ":" + lineNo + ": " + e.getMessage(), e);
      }
    }
    if (!ended) {
      throw new IOException(name + ":" + lineNo + ": truncated (no END line)");
    }
    if (current != null) {
      files.put(current[1], entry(current, articles, problems));
    }
    return new SourceManifest(files, orphans, writtenAt);
  }

  private static FileEntry entry(String[] f, List<ArticleRef> articles, List<InputProblem> problems) {
    return new FileEntry(f[1], f[2], Long.parseLong(f[3]), Long.parseLong(f[4]), f[5].equals("-") ? null : f[5], articles,
        problems, f.length > 6 ? f[6] : null);
  }

  private static void require(String[] parts, int n) {
    if (parts.length != n) {
      throw new IllegalArgumentException("expected " + n + " fields, got " + parts.length);
    }
  }

  private static void line(BufferedWriter w, String... fields) throws IOException {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        w.write('\t');
      }
      w.write(escape(fields[i]));
    }
    w.write('\n');
  }

  static String escape(String s) {
    if (s.indexOf('\\') < 0 && s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(switch (n) {
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'r' -> '\r';
          default -> n;
        });
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
