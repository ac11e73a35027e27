package org.newsdesk.index.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.newsdesk.index.clean.ArticleCleaners;
import org.newsdesk.index.clean.SkippedArticleException;

/**
 * Random and mutated input never makes a reader or cleaner throw: whatever the bytes, a file gives articles and
 * reported problems, nothing else.
 */
class ReaderFuzzTest {
  private Path dir;

  @BeforeProperty
  void makeDir() throws IOException {
    dir = Files.createTempDirectory("reader-fuzz");
  }

  @AfterProperty
  void removeDir() throws IOException {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Provide
  Arbitrary<byte[]> mutatedFixtures() {
    List<byte[]> fixtures = new ArrayList<>();
    for (String name : List.of("articles.jsonl", "collection.trec", "reut2-sample.sgm", "pages.warc", "page.html",
        "raw/harbour-library.txt")) {
      try (var in = ReaderFuzzTest.class.getResourceAsStream(name)) {
        fixtures.add(in.readAllBytes());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    Arbitrary<byte[]> base = Arbitraries.of(fixtures);
    return base.flatMap(bytes -> Arbitraries.integers().between(0, bytes.length - 1).list().ofMaxSize(8)
        .flatMap(positions -> Arbitraries.bytes().list().ofSize(positions.size()).flatMap(values ->
            Arbitraries.integers().between(0, bytes.length).map(cut -> {
              byte[] out = java.util.Arrays.copyOf(bytes, cut);
              for (int i = 0; i < positions.size(); i++) {
                if (positions.get(i) < out.length) {
                  out[positions.get(i)] = values.get(i);
                }
              }
              return out;
            }))));
  }

  @Property(tries = 80)
  void mutatedFixturesNeverThrow(@ForAll("mutatedFixtures") byte[] bytes) throws IOException {
    readEveryWay(bytes);
  }

  @Property(tries = 60)
  void randomTextNeverThrows(@ForAll("sgmlish") String text) throws IOException {
    readEveryWay(text.getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<String> sgmlish() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(400),
        Arbitraries.of("<DOC>", "</DOC>", "<DOCNO>", "</DOCNO>", "<TEXT>", "</TEXT>", "<REUTERS NEWID=\"1\">", "</REUTERS>",
            "<BODY>", "</BODY>", "<DATE>", "</DATE>", "&#3;", "&#99999999;", "&lt;", "{\"id\":", "\"body\":", "}", "\n",
            "WARC/1.0\r\n", "Content-Length: 99999\r\n", "\r\n", "27 Sep, 2020 17:38", " date 2020-01-01 icon aicon bicon\n",
            "©", "x", " ").list().ofMaxSize(60).map(parts -> String.join("", parts)));
  }

  private void readEveryWay(byte[] bytes) throws IOException {
    Path file = Files.write(dir.resolve("input"), bytes);
    ArticleCleaners cleaners = ArticleCleaners.defaults();
    for (CorpusFormat format : Corpus.supportedFormats()) {
      List<RawArticle> articles = new ArrayList<>();
      List<InputProblem> problems = new ArrayList<>();
      Corpus.read(new SourceFile(file, format), articles::add, problems::add);
      for (RawArticle raw : articles) {
        try {
          assertTrue(!cleaners.clean(raw).id().isBlank());
        } catch (SkippedArticleException e) {
          assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        }
      }
      for (InputProblem p : problems) {
        assertTrue(p.location().startsWith(file.toString()), p.toString());
      }
    }
  }
}
