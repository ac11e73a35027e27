package org.newsdesk.index.clean.html;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The real pages the tests read, those that are there: the sample corpus's ({@code sample-corpus/articles/html}
 * in the repository) and the extraction corpus's ({@code ../shared/corpora/extraction/html} beside it, or where
 * {@code newsdesk.extraction.corpus} says, as for {@code ExtractionCorpusIT}). Tests that read them skip, saying
 * so, when there are none.
 */
final class TestPages {
  /** What the tests that skip without pages say. */
  static final String NO_PAGES = "no HTML pages in sample-corpus/articles/html or ../shared/corpora/extraction/html";

  private TestPages() {}

  /** The repository's root ({@code newsdesk.repo}, set by the build; else the working directory). */
  static Path repo() {
    return Path.of(System.getProperty("newsdesk.repo", "."));
  }

  /** The sample corpus's HTML pages' directory (it may not exist). */
  static Path sampleCorpus() {
    return repo().resolve("sample-corpus").resolve("articles").resolve("html");
  }

  /** The extraction corpus, with {@code ground-truth.json} and {@code html/} (it may not exist). */
  static Path extractionCorpus() {
    return Path.of(System.getProperty("newsdesk.extraction.corpus",
        repo().resolve("..").resolve("shared").resolve("corpora").resolve("extraction").toString()));
  }

  /** All the sample pages and extraction corpus pages that are there. */
  static List<Path> corpusPages() throws IOException {
    return corpusPages(Long.MAX_VALUE);
  }

  /** The sample pages and the extraction corpus's pages, those that are there, at most {@code perDirectory} of each. */
  static List<Path> corpusPages(long perDirectory) throws IOException {
    List<Path> pages = new ArrayList<>();
    for (Path dir : List.of(sampleCorpus(), extractionCorpus().resolve("html"))) {
      if (Files.isDirectory(dir)) {
        files(dir, ".html", ".html.gz").stream().limit(perDirectory).forEach(pages::add);
      }
    }
    return pages;
  }

  /** The files of {@code dir} whose names end with one of {@code suffixes}, sorted; an empty list without the dir. */
  static List<Path> files(Path dir, String... suffixes) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> {
        String name = f.getFileName().toString();
        for (String suffix : suffixes) {
          if (name.endsWith(suffix)) {
            return true;
          }
        }
        return false;
      }).sorted().toList();
    }
  }

  /** A page as UTF-8 text, gunzipped when its name ends with {@code .gz}. */
  static String read(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      InputStream body = p.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
      return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * The page as {@link HtmlExtractor} gives it to the {@link PageTreeBuilder}: without the content of its scripts,
   * styles, noscripts, svgs, templates and comments ({@link InertContent}). The builder drops the attributes the
   * extractor never reads as it reads them.
   */
  static String stripped(String html) {
    return InertContent.strip(html);
  }
}
