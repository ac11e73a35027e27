package org.newsdesk.index.corpus;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * Finds the input files under the given paths, decides each one's format, and reads them.
 *
 * <p>Directories are walked recursively in a stable (sorted) order, following symbolic links; hidden files and
 * directories (name starting with {@code .}) are left out silently; unreadable files, broken links and symlink loops
 * are reported and skipped. The format comes from the file name and, where the name is ambiguous, the first bytes;
 * a fixed format overrides both.
 */
public final class Corpus {
  private static final Map<CorpusFormat, CorpusReader> READERS = new EnumMap<>(CorpusFormat.class);

  static {
    READERS.put(CorpusFormat.RAW_TEXT, new OneArticleFileReader(CorpusFormat.RAW_TEXT));
    READERS.put(CorpusFormat.JSONL, new JsonLinesReader());
    READERS.put(CorpusFormat.HTML, new OneArticleFileReader(CorpusFormat.HTML));
    READERS.put(CorpusFormat.WARC, new WarcCorpusReader());
    READERS.put(CorpusFormat.TREC, new TrecReader());
    READERS.put(CorpusFormat.REUTERS_SGML, new ReutersReader());
  }

  /** A Reuters-21578 record tag: {@code <REUTERS TOPICS="YES" … NEWID="1">}. */
  private static final Pattern REUTERS_TAG = Pattern.compile("<REUTERS\\s[^>]*NEWID=");

  private Corpus() {}

  /** The formats this build can read. */
  public static EnumSet<CorpusFormat> supportedFormats() {
    return EnumSet.copyOf(READERS.keySet());
  }

  /**
   * Lists the input files under {@code paths}.
   *
   * @param forced the format to read every file as, or empty to detect it per file
   * @param problems receives files that cannot be used (unreadable, unknown format)
   */
  public static List<SourceFile> scan(List<Path> paths, Optional<CorpusFormat> forced, ProblemSink problems) throws IOException {
    return scan(paths, forced, problems, null, file -> Optional.empty());
  }

  /**
   * {@link #scan(List, Optional, ProblemSink)} that does not walk into {@code index} (null: none): an index kept
   * inside its source folder is not input, and reading its files would fail every run and commit a new generation
   * each time (its files change with every commit). A file whose format neither its name nor its content tells
   * (an extension-less TREC file emptied) is read as {@code known} says the last build read it, so that its reader
   * reports the damage and a rebuild keeps its articles.
   */
  public static List<SourceFile> scan(List<Path> paths, Optional<CorpusFormat> forced, ProblemSink problems, Path index,
      java.util.function.Function<Path, Optional<CorpusFormat>> known) throws IOException {
    Path skipped = index == null ? null : index.toAbsolutePath().normalize();
    Object skippedKey = index == null ? null : fileKey(index); // the same directory reached through a symbolic link
    List<SourceFile> files = new ArrayList<>();
    List<Path> roots = new ArrayList<>(); // each file's source argument, for ids of same-named files
    for (Path root : paths) {
      if (!Files.exists(root)) {
        Path closed = unreachableAncestor(root);
        if (closed != null) { // it may well be there: a folder on the way cannot be entered
          throw new java.nio.file.AccessDeniedException(root.toString(), null, "cannot enter " + closed);
        }
        throw new java.nio.file.NoSuchFileException(root.toString(), null, "no such file or directory");
      }
      if (!Files.isDirectory(root)) {
        if (readable(root, problems)) {
          classify(root, forced, known, problems).ifPresent(f -> {
            files.add(f);
            roots.add(root);
          });
        }
        continue;
      }
      List<Path> found = new ArrayList<>();
      Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (skipped != null && (dir.toAbsolutePath().normalize().equals(skipped)
              || skippedKey != null && skippedKey.equals(attrs.fileKey()))) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (hidden(file)) {
            return FileVisitResult.CONTINUE;
          }
          if (attrs.isSymbolicLink()) {
            // With FOLLOW_LINKS a link is only reported as a link when its target cannot be reached.
            problems.report(new InputProblem(file.toString(), InputProblem.Kind.UNREADABLE,
                "broken symbolic link (its target does not exist)", true));
          } else if (attrs.isRegularFile() && readable(file, problems)) {
            found.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          String reason = e instanceof FileSystemLoopException
              ? "symbolic link loop (it points back to a directory being walked); not followed"
              : "cannot read: " + describe(e);
          problems.report(new InputProblem(file.toString(), InputProblem.Kind.UNREADABLE, reason, true));
          return FileVisitResult.CONTINUE;
        }
      });
      found.sort(null);
      for (Path p : found) {
        classify(p, forced, known, problems).ifPresent(f -> {
          files.add(f);
          roots.add(root);
        });
      }
    }
    return qualifySameNames(files, roots, problems);
  }

  /**
   * Files that hold one article (raw text, HTML) get its id from the file name when it gives neither id nor url. When
   * several files of a run share a name ({@code 001.txt} in each folder of an archive by section), each is named by
   * its path below the source it was found in ({@code business/001.txt}, {@code sport/001.txt}), and, if that is
   * not enough (two sources holding the same layout), with as many of the source's own folders in front as tell
   * them apart ({@code wire1/business/001.txt}), so that no article replaces another. A name no other file has stays
   * the id. The same file reached twice (a symbolic link) is one file: it keeps its name, and the later reading
   * replaces the earlier, as before. Raw files whose ids still clash are reported ({@link #reportSameIds}).
   */
  private static List<SourceFile> qualifySameNames(List<SourceFile> files, List<Path> roots, ProblemSink problems) {
    Map<String, List<Integer>> byKey = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      SourceFile f = files.get(i);
      if (f.format() == CorpusFormat.RAW_TEXT || f.format() == CorpusFormat.HTML) {
        byKey.computeIfAbsent(idKey(f.idName()), k -> new ArrayList<>()).add(i);
      }
    }
    List<SourceFile> out = new ArrayList<>(files);
    for (List<Integer> same : byKey.values()) {
      if (same.size() < 2) {
        continue;
      }
      // one name per distinct file, in scan order: a file reached through a link is the file it links to
      Map<Object, Integer> firstOf = new java.util.LinkedHashMap<>();
      for (int i : same) {
        firstOf.putIfAbsent(identity(files.get(i).path()), i);
      }
      if (firstOf.size() < 2) {
        continue;
      }
      List<Integer> distinct = new ArrayList<>(firstOf.values());
      Map<Integer, String> names = new HashMap<>();
      for (int i : distinct) {
        names.put(i, belowRoot(files.get(i).path(), roots.get(i), 0));
      }
      // sources with the same layout: as many of their own folders in front as tell them apart (wire1/, x/feed/)
      for (int depth = 1; !allDifferent(names.values()) && depth <= MAX_ROOT_FOLDERS; depth++) {
        Map<Integer, String> withRoots = new HashMap<>();
        for (int i : distinct) {
          withRoots.put(i, belowRoot(files.get(i).path(), roots.get(i), depth));
        }
        if (allDifferent(withRoots.values())) {
          names = withRoots;
        }
      }
      for (int i : same) {
        String name = names.get(firstOf.get(identity(files.get(i).path())));
        out.set(i, files.get(i).withIdName(name));
      }
    }
    reportSameIds(out, problems);
    return out;
  }

  /** Folders of a source's own path put in front of its files' names, at most, to tell two sources apart. */
  private static final int MAX_ROOT_FOLDERS = 8;

  /**
   * Raw text files whose ids would still be one ({@code x/Story.txt} beside {@code x/story.txt}; {@code a-001.txt}
   * beside {@code a/001.txt}, named {@code a-001} because another {@code 001.txt} exists): the later replaces the
   * earlier when indexed. Said here, naming both, so that {@code inspect} says it too and a rebuild says it every
   * night, not only on the night both are read.
   */
  private static void reportSameIds(List<SourceFile> files, ProblemSink problems) {
    sameIds(files).forEach((later, earlier) -> problems.report(new InputProblem(later.name(), InputProblem.Kind.DUPLICATE_ID,
        "same id '" + idKey(later.idName()) + "' as " + earlier.path()
            + ", so the later replaces the earlier when indexed; rename one", false)));
  }

  /**
   * The raw text files of a scan whose ids clash with an earlier file's (two paths to one file do not), each with
   * that earlier file, in scan order: what {@link #scan} reports, so that a build need not say it again.
   */
  public static Map<SourceFile, SourceFile> sameIds(List<SourceFile> files) {
    Map<SourceFile, SourceFile> out = new java.util.LinkedHashMap<>();
    Map<String, SourceFile> seen = new HashMap<>();
    for (SourceFile f : files) {
      if (f.format() != CorpusFormat.RAW_TEXT) {
        continue;
      }
      SourceFile earlier = seen.putIfAbsent(idKey(f.idName()), f);
      // a file's identity (a stat) only for the few names that clash, not for every file of an archive
      if (earlier != null && !sameFile(earlier.path(), f.path())) {
        out.put(f, earlier);
      }
    }
    return out;
  }

  private static boolean allDifferent(java.util.Collection<String> names) {
    return names.stream().map(Corpus::idKey).distinct().count() == names.size();
  }

  /**
   * {@code file}'s path below {@code root} ({@code business/001.txt}; a root that is the file itself: its name), with
   * {@code /} between folders, and the last {@code rootFolders} folders of the root's own path (its folder's, for a
   * file) in front.
   */
  private static String belowRoot(Path file, Path root, int rootFolders) {
    Path base = Files.isDirectory(root) ? root : root.toAbsolutePath().normalize().getParent();
    Path abs = file.toAbsolutePath().normalize();
    Path baseAbs = base == null ? null : base.toAbsolutePath().normalize();
    String below = baseAbs != null && abs.startsWith(baseAbs) ? baseAbs.relativize(abs).toString()
        : String.valueOf(abs.getFileName());
    int n = baseAbs == null ? 0 : Math.min(rootFolders, baseAbs.getNameCount());
    String front = n == 0 ? "" : baseAbs.subpath(baseAbs.getNameCount() - n, baseAbs.getNameCount()) + "/";
    return (front + below).replace('\\', '/');
  }

  /** True when two paths reach one file (a symbolic link and its target): same file key, real path, or path. */
  public static boolean sameFile(Path a, Path b) {
    return identity(a).equals(identity(b));
  }

  /** What makes two paths one file: its file key (device and inode), else its real path, else the path. */
  private static Object identity(Path file) {
    Object key = fileKey(file);
    if (key != null) {
      return key;
    }
    try {
      return file.toRealPath();
    } catch (IOException e) {
      return file.toAbsolutePath().normalize();
    }
  }

  /** What {@link org.newsdesk.index.clean.ArticleIds} makes of a file name, near enough to group names by it. */
  /** The id a file's articles take from its name: files of one key have one id. */
  private static String idKey(String name) {
    return SourceFile.nameId(name);
  }

  private static boolean hidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static boolean readable(Path file, ProblemSink problems) {
    if (!Files.isReadable(file)) {
      problems.report(new InputProblem(file.toString(), InputProblem.Kind.UNREADABLE,
          "cannot read: permission denied", true));
      return false;
    }
    return true;
  }

  /**
   * Reads one file with the reader for its format.
   *
   * <p>A file that fails part way (a truncated gzip stream, an I/O error) is reported to {@code problems}; the
   * articles read before the failure have already been handed on. Only a bug surfaces as an exception.
   */
  public static void read(SourceFile file, Consumer<RawArticle> articles, ProblemSink problems) throws IOException {
    read(file, articles, problems, hash -> false);
  }

  /**
   * Reads one file, skipping the records whose content hash {@code known} accepts where the format's reader can
   * hash a record before parsing it (JSON Lines); see {@link CorpusReader#read(SourceFile, Consumer, ProblemSink,
   * Predicate)}. Failures are reported as by {@link #read(SourceFile, Consumer, ProblemSink)}.
   */
  public static void read(SourceFile file, Consumer<RawArticle> articles, ProblemSink problems, Predicate<String> known)
      throws IOException {
    CorpusReader reader = READERS.get(file.format());
    if (reader == null) {
      throw new IllegalArgumentException("no reader for format " + file.format());
    }
    if (file.gzipName() && sizeOf(file.path()) > 0 && !file.gzipped()) {
      problems.report(new InputProblem(file.name(), InputProblem.Kind.BAD_ENCODING,
          "not gzip data, though the name ends in .gz; read as it is", false));
    }
    try {
      reader.read(file, articles, problems, known);
    } catch (EOFException | ZipException e) {
      problems.report(new InputProblem(file.name(), InputProblem.Kind.TRUNCATED,
          (file.gzipped() ? "truncated or corrupt gzip data: " : "file ends too early: ") + describe(e)
              + "; articles before that point were kept", true));
    } catch (IOException e) {
      problems.report(new InputProblem(file.name(), InputProblem.Kind.UNREADABLE, "cannot read: " + describe(e), true));
    } catch (UncheckedIOException e) {
      problems.report(new InputProblem(file.name(), InputProblem.Kind.UNREADABLE,
          "cannot read: " + describe(e.getCause()), true));
    }
  }

  private static Optional<SourceFile> classify(Path file, Optional<CorpusFormat> forced,
      java.util.function.Function<Path, Optional<CorpusFormat>> known, ProblemSink problems) {
    if (forced.isPresent()) {
      return Optional.of(new SourceFile(file, forced.get()));
    }
    Optional<CorpusFormat> format = detect(file);
    if (format.isEmpty()) {
      format = known.apply(file);
    }
    if (format.isEmpty()) {
      problems.report(new InputProblem(file.toString(), InputProblem.Kind.BAD_RECORD,
          "unknown format (by name and content); use --format to say what it is", true));
      return Optional.empty();
    }
    if (!READERS.containsKey(format.get())) {
      problems.report(new InputProblem(file.toString(), InputProblem.Kind.BAD_RECORD,
          "format " + format.get().cliName() + " is not supported by this build", true));
      return Optional.empty();
    }
    return Optional.of(new SourceFile(file, format.get()));
  }

  /** Detects a file's format from its name, falling back to its first bytes. */
  public static Optional<CorpusFormat> detect(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) { // gzip data is told by its content (SourceFile.open); the rest names the format
      name = name.substring(0, name.length() - 3);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return Optional.of(CorpusFormat.JSONL);
    }
    if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
      return Optional.of(CorpusFormat.HTML);
    }
    if (name.endsWith(".warc") || name.endsWith(".arc")) {
      return Optional.of(CorpusFormat.WARC);
    }
    if (name.endsWith(".trec")) {
      return Optional.of(CorpusFormat.TREC);
    }
    String head = withoutByteOrderMark(head(file));
    if (name.endsWith(".sgm") || name.endsWith(".sgml") || name.endsWith(".xml")) {
      return Optional.of(REUTERS_TAG.matcher(head).find() ? CorpusFormat.REUTERS_SGML : CorpusFormat.TREC);
    }
    if (head.startsWith("WARC/")) {
      return Optional.of(CorpusFormat.WARC);
    }
    String trimmed = withoutProlog(head);
    boolean textName = name.endsWith(".txt") || name.endsWith(".text");
    if (trimmed.startsWith("{") && (!textName || trimmed.indexOf('\n') < 0 || firstLine(trimmed).endsWith("}"))) {
      // a .txt of JSON objects is JSON Lines; a story whose title starts with a brace ("{Update} Storm...") is not
      return Optional.of(CorpusFormat.JSONL);
    }
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
      return Optional.of(CorpusFormat.HTML);
    }
    if (lower.startsWith("<doc>")) {
      return Optional.of(CorpusFormat.TREC);
    }
    if (REUTERS_TAG.matcher(head).find()) {
      return Optional.of(CorpusFormat.REUTERS_SGML);
    }
    if (name.endsWith(".txt") || name.endsWith(".text") || !name.contains(".")) {
      return Optional.of(CorpusFormat.RAW_TEXT);
    }
    return Optional.empty();
  }

  /** The first line of {@code text}, stripped. */
  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return (nl < 0 ? text : text.substring(0, nl)).strip();
  }

  /** The head (read as ISO-8859-1) without a UTF-8 byte order mark, which the readers drop too. */
  private static String withoutByteOrderMark(String head) {
    return head.startsWith("\u00EF\u00BB\u00BF") ? head.substring(3) : head;
  }

  /** The head from its first markup or text after white space, an XML declaration and comments (XHTML, exports). */
  private static String withoutProlog(String head) {
    String rest = head.stripLeading();
    while (true) {
      String end = rest.startsWith("<?xml") ? "?>" : rest.startsWith("<!--") ? "-->" : null;
      int at = end == null ? -1 : rest.indexOf(end);
      if (at < 0) {
        return rest;
      }
      rest = rest.substring(at + end.length()).stripLeading();
    }
  }

  private static String head(Path file) {
    try (InputStream in = new SourceFile(file, CorpusFormat.RAW_TEXT).open()) {
      return new String(in.readNBytes(2048), StandardCharsets.ISO_8859_1);
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }

  /** The file system's key of a directory (device and inode on Linux), or null when there is none. */
  private static Object fileKey(Path dir) {
    try {
      return Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  /** The nearest existing folder above {@code path} that cannot be entered (no search permission), or null. */
  private static Path unreachableAncestor(Path path) {
    for (Path p = path.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p)) {
        return Files.isExecutable(p) ? null : p;
      }
    }
    return null;
  }

  /** An I/O error in words for a problem's reason: {@code permission denied}, {@code no such file (...)}, ... */
  public static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file (it was removed or renamed after the scan)";
    }
    if (e instanceof EOFException || e instanceof ZipException) {
      return e.getMessage() == null ? "unexpected end of data" : e.getMessage();
    }
    String kind = e.getClass().getSimpleName().replace("Exception", "");
    return e.getMessage() == null ? kind : kind + " " + e.getMessage();
  }
}
