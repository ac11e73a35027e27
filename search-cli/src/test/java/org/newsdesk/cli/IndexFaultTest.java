package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.schema.NewsSchema;

/**
 * A damaged index and an index of another schema version, through the CLI: {@code check} reports the damage,
 * {@code search} fails in one line that names the fix (never a stack trace), and {@code rollback} or
 * {@code rebuild --full} recovers, to exactly the articles of the generation recovered.
 */
class IndexFaultTest {
  @TempDir Path tmp;
  private Path src;
  private Path index;
  private List<String> v1;
  private List<String> v2;

  /** Two generations: version 1 of the sources, then version 2 (an incremental rebuild). */
  @BeforeEach
  void twoGenerations() throws Exception {
    src = tmp.resolve("src");
    index = tmp.resolve("index");
    RebuildCrashTest.RebuildRunner.writeVersion1(src);
    assertEquals(0, RebuildFixture.run("rebuild", src.toString(), "--index", index.toString(), "-q").code());
    v1 = RebuildFixture.contents(index);
    RebuildCrashTest.RebuildRunner.applyVersion2(src);
    assertEquals(0, RebuildFixture.run("rebuild", src.toString(), "--index", index.toString(), "-q").code());
    v2 = RebuildFixture.contents(index);
  }

  /** A damaged gazetteer file makes every search fail: check must say so, and rebuild --full repairs it. */
  @Test
  void aDamagedGazetteerIsReportedByCheck() throws Exception {
    Path index = tmp.resolve("gazetteer-index");
    Path src = Files.createDirectories(tmp.resolve("src-gazetteer"));
    Files.writeString(src.resolve("a.jsonl"), "{\"id\":\"a\",\"body\":\"Putin said the ceasefire held.\"}\n");
    assertEquals(ExitCodes.OK, CliRun.run("index", "--quiet", "--index", index.toString(), src.toString()).code());
    Path gazetteer = index.resolve(org.newsdesk.schema.NewsSchema.GAZETTEER_FILE);
    byte[] whole = Files.readAllBytes(gazetteer);
    Files.write(gazetteer, java.util.Arrays.copyOf(whole, whole.length / 2));
    CliRun check = CliRun.run("check", "--index", index.toString());
    assertEquals(ExitCodes.ERROR, check.code(), check.out());
    assertTrue(check.err().contains("the gazetteer file is damaged") && check.err().contains("rebuild --full"), check.err());
    CliRun repair = CliRun.run("rebuild", "--full", "--quiet", "--index", index.toString(), src.toString());
    assertEquals(ExitCodes.OK, repair.code(), repair.err());
    assertEquals(ExitCodes.OK, CliRun.run("check", "--index", index.toString()).code());
  }

  /** A source that does not exist fails the run before the index directory is made. */
  @Test
  void aMissingSourceLeavesNoIndexBehind() {
    Path index = tmp.resolve("never-made");
    Path missing = tmp.resolve("no-such-source");
    CliRun r = CliRun.run("index", "--index", index.toString(), missing.toString());
    assertEquals(ExitCodes.ERROR, r.code());
    assertTrue(r.err().contains("no such file or directory: " + missing), r.err());
    assertFalse(Files.exists(index), "no empty index directory with a write.lock");

    for (String command : new String[] {"index", "rebuild"}) {
      CliRun dash = CliRun.run(command, "--index", index.toString(), "-");
      assertEquals(ExitCodes.ERROR, dash.code());
      assertTrue(dash.err().contains("read it with 'newsdesk inspect -'"), dash.err());
    }
    assertFalse(Files.exists(index));
  }

  /** An --index that is a file: one line that says so, not the bare path of the file system's exception. */
  @Test
  void anIndexPathThatIsAFileIsNamedAsSuch() throws Exception {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    Path src = Files.createDirectories(tmp.resolve("src-file-index"));
    Files.writeString(src.resolve("a.jsonl"), "{\"id\":\"a\",\"body\":\"A ceasefire was agreed.\"}\n");
    CliRun r = CliRun.run("index", "--index", file.toString(), src.toString());
    assertEquals(ExitCodes.ERROR, r.code());
    assertEquals("newsdesk: " + file + " exists and is not a directory", r.err().strip());
  }

  @Test
  void damageInTheNewestGenerationIsReportedAndRollbackRecovers() throws Exception {
    String file = onlyInNewest();
    flipFooter(index.resolve(file));

    RebuildFixture.Result check = RebuildFixture.run("check", "--index", index.toString());
    assertEquals(2, check.code(), check.out());
    assertTrue(check.err().contains("CORRUPT") && check.err().contains("broken") && check.err().contains("rollback"), check.err());
    assertSearchFailsInOneLine("damaged", "newsdesk check", "rollback");

    RebuildFixture.Result rollback = RebuildFixture.run("rollback", "--index", index.toString());
    assertEquals(0, rollback.code(), rollback.err());
    assertTrue(rollback.out().contains("DAMAGED"), "the generation rolled back from is named as damaged: " + rollback.out());
    RebuildFixture.Result after = RebuildFixture.run("check", "--index", index.toString());
    assertEquals(0, after.code(), after.err());
    assertEquals(v1, RebuildFixture.contents(index), "rollback returns to the whole previous generation");
    assertEquals(0, RebuildFixture.run("rebuild", src.toString(), "--index", index.toString(), "-q").code());
    assertEquals(v2, RebuildFixture.contents(index), "and the next rebuild brings the new one back");
    System.out.printf(Locale.ROOT, "corruption: %s damaged, check reported it, rollback recovered; 0 articles lost%n", file);
  }

  @Test
  void damageSharedByEveryGenerationIsRepairedByAFullRebuild() throws Exception {
    String file = inEveryGeneration();
    flipFooter(index.resolve(file));
    assertEquals(2, RebuildFixture.run("check", "--index", index.toString()).code());
    assertSearchFailsInOneLine("damaged", "rebuild --full");

    RebuildFixture.Result incremental = RebuildFixture.run("rebuild", src.toString(), "--index", index.toString());
    assertEquals(2, incremental.code(), "an incremental rebuild needs the old index: it refuses, naming the fix");
    assertOneLine(incremental.err(), "damaged", "rebuild --full");

    RebuildFixture.Result full = RebuildFixture.run("rebuild", src.toString(), "--index", index.toString(), "--full", "-q");
    assertEquals(0, full.code(), full.err());
    RebuildFixture.Result check = RebuildFixture.run("check", "--index", index.toString());
    assertEquals(0, check.code(), check.err());
    assertEquals(v2, RebuildFixture.contents(index), "the full rebuild holds every article of the sources");
    System.out.printf(Locale.ROOT, "corruption: %s damaged in every generation, rebuild --full recovered%n", file);
  }

  @Test
  void aDamagedSegmentsFileIsNamedAndTheFixIsGiven() throws Exception {
    String segments;
    try (Directory dir = FSDirectory.open(index)) {
      segments = org.apache.lucene.index.SegmentInfos.getLastCommitSegmentsFileName(dir);
    }
    flipFooter(index.resolve(segments));
    RebuildFixture.Result check = RebuildFixture.run("check", "--index", index.toString());
    assertEquals(2, check.code());
    assertTrue(check.err().contains("cannot read the segments file " + segments + ": CorruptIndexException"), check.err());
    assertFalse(check.err().contains("\tat ") || check.err().contains(" at org."), "no stack trace: " + check.err());
    assertSearchFailsInOneLine("damaged", "rebuild --full");
    RebuildFixture.Result full = RebuildFixture.run("rebuild", src.toString(), "--index", index.toString(), "--full", "-q");
    assertEquals(2, full.code());
    assertOneLine(full.err(), "damaged beyond repair in place", "move the directory away");
  }

  @Test
  void anIndexOfAnotherSchemaVersionNamesTheFix() throws Exception {
    setSchemaVersion("0");
    assertSearchFailsInOneLine("schema version 0", "rebuild --full");
    RebuildFixture.Result add = RebuildFixture.run("index", src.toString(), "--index", index.toString());
    assertEquals(2, add.code());
    assertOneLine(add.err(), "schema version 0", "rebuild --full");
    RebuildFixture.Result rebuild = RebuildFixture.run("rebuild", src.toString(), "--index", index.toString(), "--json", "-q");
    assertEquals(0, rebuild.code(), rebuild.err());
    assertTrue(Json.MAPPER.readTree(rebuild.out()).get("mode").asText().startsWith("full (schema version 0"), rebuild.out());
    assertEquals(v2, RebuildFixture.contents(index));
  }

  private void assertSearchFailsInOneLine(String... fragments) {
    RebuildFixture.Result search = RebuildFixture.run("search", "ceasefire", "--index", index.toString());
    assertEquals(2, search.code(), search.out());
    assertOneLine(search.err(), fragments);
  }

  private static void assertOneLine(String err, String... fragments) {
    List<String> lines = err.lines().filter(l -> l.startsWith("newsdesk: ")).toList();
    assertEquals(1, lines.size(), "one error line: " + err);
    assertFalse(err.contains("\tat ") || err.contains(" at org."), "no stack trace: " + err);
    for (String f : fragments) {
      assertTrue(lines.get(0).contains(f), "'" + f + "' in: " + lines.get(0));
    }
  }

  /** A segment file (its stored fields) that only the newest commit uses. */
  private String onlyInNewest() throws Exception {
    try (Directory dir = FSDirectory.open(index)) {
      List<IndexCommit> commits = DirectoryReader.listCommits(dir);
      Set<String> older = new HashSet<>();
      commits.subList(0, commits.size() - 1).forEach(c -> older.addAll(files(c)));
      return files(commits.get(commits.size() - 1)).stream().filter(f -> f.endsWith(".fdt") && !older.contains(f))
          .findFirst().orElseThrow(() -> new AssertionError("no segment only in the newest commit: " + commits));
    }
  }

  /** A segment file (its stored fields) that every kept commit uses. */
  private String inEveryGeneration() throws Exception {
    try (Directory dir = FSDirectory.open(index)) {
      List<IndexCommit> commits = DirectoryReader.listCommits(dir);
      Set<String> shared = new HashSet<>(files(commits.get(0)));
      commits.forEach(c -> shared.retainAll(files(c)));
      return shared.stream().filter(f -> f.endsWith(".fdt")).sorted().findFirst()
          .orElseThrow(() -> new AssertionError("no segment shared by every commit: " + commits));
    }
  }

  private static Set<String> files(IndexCommit c) {
    try {
      return new HashSet<>(c.getFileNames());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Flips the bytes of the file's 16-byte codec footer, which Lucene checks when it opens the file. */
  private static void flipFooter(Path file) throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      byte[] footer = new byte[16];
      f.seek(f.length() - 16);
      f.readFully(footer);
      for (int i = 0; i < footer.length; i++) {
        footer[i] = (byte) ~footer[i];
      }
      f.seek(f.length() - 16);
      f.write(footer);
    }
  }

  private void setSchemaVersion(String version) throws Exception {
    try (Directory dir = FSDirectory.open(index);
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      Map<String, String> data = new HashMap<>();
      w.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
      data.put(NewsSchema.USER_DATA_SCHEMA_VERSION, version);
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
  }
}
