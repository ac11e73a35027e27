package org.newsdesk.index.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.index.clean.ArticleCleaners;
import org.newsdesk.index.clean.SkippedArticleException;
import org.newsdesk.model.Article;

/**
 * The contract every {@link CorpusReader} meets, run by one subclass per format against a tiny fixture of its own:
 * every article read with a content hash, format detected by name and by content, {@code .gz} read transparently,
 * the same hashes on every read, and articles the cleaners accept.
 */
abstract class CorpusReaderTest {
  @TempDir Path dir;

  /** The fixture's resource name, next to this class. */
  abstract String fixture();

  /** The format the fixture is in. */
  abstract CorpusFormat format();

  /** How many articles the fixture holds. */
  abstract int expectedArticles();

  /** Checks the fixture's articles field by field. */
  abstract void checkArticles(List<RawArticle> articles);

  /** Checks the problems reading the fixture reports; by default there are none. */
  void checkProblems(List<InputProblem> problems) {
    assertEquals(List.of(), problems, "a clean fixture reads without problems");
  }

  Path fixtureFile() {
    return Reading.copyResource(fixture(), dir.resolve(Path.of(fixture()).getFileName()));
  }

  @Test
  void readsEveryArticleWithOriginAndContentHash() throws IOException {
    Path file = fixtureFile();
    Reading r = Reading.of(file);
    assertEquals(expectedArticles(), r.articles.size(), "articles in " + fixture());
    for (RawArticle a : r.articles) {
      assertTrue(a.origin().startsWith(file.toString()), a.origin());
      assertEquals(format(), a.format());
      assertFalse(a.content().isBlank(), a.origin());
      assertTrue(a.contentHash().matches("[0-9a-f]{32}"), a.contentHash());
    }
    assertEquals(r.articles.size(), new HashSet<>(r.articles.stream().map(RawArticle::contentHash).toList()).size(),
        "each article has its own content hash");
    checkArticles(r.articles);
    checkProblems(r.problems);
  }

  @Test
  void detectsFormatByNameAndByContent() throws IOException {
    Path file = fixtureFile();
    assertEquals(Optional.of(format()), Corpus.detect(file), "by name");
    Path bare = Files.copy(file, dir.resolve("no-extension"));
    assertEquals(Optional.of(format()), Corpus.detect(bare), "by content");
  }

  /** A text format: a copy with a UTF-8 byte order mark (as editors on Windows save) reads the same. */
  boolean textFormat() {
    return true;
  }

  @Test
  void detectsFormatByContentAfterAByteOrderMark() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(textFormat(), "not a text format");
    byte[] bytes = Files.readAllBytes(fixtureFile());
    byte[] marked = new byte[bytes.length + 3];
    marked[0] = (byte) 0xEF;
    marked[1] = (byte) 0xBB;
    marked[2] = (byte) 0xBF;
    System.arraycopy(bytes, 0, marked, 3, bytes.length);
    Path bare = Files.write(dir.resolve("marked-no-extension"), marked);
    assertEquals(Optional.of(format()), Corpus.detect(bare));
    assertEquals(expectedArticles(), Reading.of(bare).articles.size());
  }

  @Test
  void forcedFormatOverridesDetection() throws IOException {
    Path odd = Files.copy(fixtureFile(), dir.resolve("misnamed.dat"));
    Reading r = Reading.of(Optional.of(format()), odd);
    assertEquals(format(), r.files.get(0).format());
    assertEquals(expectedArticles(), r.articles.size());
  }

  @Test
  void readsGzippedFileTransparently() throws IOException {
    Path file = fixtureFile();
    Path gz = dir.resolve("gz").resolve(file.getFileName() + ".gz");
    Files.createDirectories(gz.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(file));
    }
    Reading plain = Reading.of(file);
    Reading zipped = Reading.of(gz);
    assertEquals(Optional.of(format()), Corpus.detect(gz));
    assertEquals(plain.articles.stream().map(RawArticle::contentHash).toList(),
        zipped.articles.stream().map(RawArticle::contentHash).toList());
    assertEquals(plain.articles.stream().map(RawArticle::content).toList(),
        zipped.articles.stream().map(RawArticle::content).toList());
  }

  @Test
  void walksDirectoriesRecursively() throws IOException {
    Path nested = dir.resolve("a").resolve("b").resolve(Path.of(fixture()).getFileName());
    Reading.copyResource(fixture(), nested);
    Reading r = Reading.of(dir.resolve("a"));
    assertEquals(List.of(nested), r.files.stream().map(SourceFile::path).toList());
    assertEquals(expectedArticles(), r.articles.size());
  }

  @Test
  void sameInputGivesSameHashes() throws IOException {
    Path file = fixtureFile();
    assertEquals(Reading.of(file).articles.stream().map(RawArticle::contentHash).toList(),
        Reading.of(file).articles.stream().map(RawArticle::contentHash).toList());
  }

  @Test
  void everyArticleCleansToTextWithIdAndLanguage() throws IOException, SkippedArticleException {
    ArticleCleaners cleaners = ArticleCleaners.defaults();
    for (RawArticle raw : Reading.of(fixtureFile()).articles) {
      Article a = cleaners.clean(raw);
      assertFalse(a.id().isBlank());
      assertFalse(a.body().isBlank());
      assertEquals(raw.contentHash(), a.contentHash());
      assertNotNull(a.language(), "language of " + raw.origin());
    }
  }
}
