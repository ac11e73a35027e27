package org.newsdesk.index.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Test helper: runs scan and read over paths and keeps what came out. */
final class Reading {
  final List<RawArticle> articles = Collections.synchronizedList(new ArrayList<>());
  final List<InputProblem> problems = Collections.synchronizedList(new ArrayList<>());
  final List<SourceFile> files = new ArrayList<>();

  static Reading of(Path... paths) throws IOException {
    return of(Optional.empty(), paths);
  }

  static Reading of(Optional<CorpusFormat> format, Path... paths) throws IOException {
    Reading r = new Reading();
    r.files.addAll(Corpus.scan(List.of(paths), format, r.problems::add));
    for (SourceFile f : r.files) {
      Corpus.read(f, r.articles::add, r.problems::add);
    }
    return r;
  }

  /** The problems whose location starts with the file's path. */
  List<InputProblem> problemsFor(Path file) {
    return problems.stream().filter(p -> p.location().startsWith(file.toString())).toList();
  }

  long skipped() {
    return problems.stream().filter(InputProblem::skipped).count();
  }

  /** Copies a classpath resource next to {@link CorpusReaderTest} into a file. */
  static Path copyResource(String name, Path target) {
    try (InputStream in = CorpusReaderTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.write(target, in.readAllBytes());
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
