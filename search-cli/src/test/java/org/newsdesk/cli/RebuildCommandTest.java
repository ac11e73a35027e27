package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsdesk.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.schema.NewsField;
import org.newsdesk.schema.NewsSchema;
import org.newsdesk.search.NewsSearcher;
import org.newsdesk.search.SearchRequest;

/** {@code newsdesk rebuild}, {@code index}, {@code rollback} and {@code check} end to end, in-process. */
class RebuildCommandTest {
  @TempDir Path tmp;

  private Path src() {
    return tmp.resolve("src");
  }

  private Path index() {
    return tmp.resolve("index");
  }

  private JsonNode rebuild(int expectedExit, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("rebuild", src().toString(), "--index", index().toString(), "--json", "-q"));
    args.addAll(List.of(extra));
    RebuildFixture.Result r = RebuildFixture.run(args.toArray(String[]::new));
    assertEquals(expectedExit, r.code(), r.err());
    return Json.MAPPER.readTree(r.out());
  }

  @Test
  void aRebuildFromAnEmptiedSourceFailsWithExit2UnlessAllowed() throws Exception {
    RebuildFixture.writeCorpus(src(), 2, 5, 1);
    rebuild(0);
    Path emptied = Files.createDirectories(tmp.resolve("unmounted"));
    RebuildFixture.Result r = RebuildFixture.run("rebuild", emptied.toString(), "--index", index().toString(), "-q");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("rebuild found no input files in " + emptied) && r.err().contains("--allow-empty")
        && r.err().strip().lines().count() == 1, r.err());
    try (Directory d = FSDirectory.open(index()); DirectoryReader reader = DirectoryReader.open(d)) {
      assertEquals(10, reader.numDocs(), "nothing deleted");
    }
    RebuildFixture.Result allowed = RebuildFixture.run("rebuild", emptied.toString(), "--index", index().toString(),
        "-q", "--allow-empty", "--json");
    assertEquals(0, allowed.code(), allowed.err());
    assertEquals(10, Json.MAPPER.readTree(allowed.out()).get("deleted").asLong());
  }

  @Test
  void noChangeRebuildOpensNoFileAndCommitsNothing() throws Exception {
    RebuildFixture.writeCorpus(src(), 4, 25, 1);
    backdate(src());
    JsonNode first = rebuild(0);
    assertEquals("new index", first.get("mode").asText());
    assertEquals(100, first.get("added").asLong());
    assertTrue(first.get("committed").asBoolean());
    JsonNode cpu = first.get("cpu_ms");
    assertEquals(List.of("read", "clean", "tag", "index", "commit", "process"), fieldNames(cpu), cpu.toString());
    assertTrue(cpu.get("clean").asLong() >= 0 && cpu.get("index").asLong() >= 0, cpu.toString());

    JsonNode second = rebuild(0);
    assertEquals("incremental", second.get("mode").asText());
    assertEquals(0, second.get("added").asLong() + second.get("updated").asLong() + second.get("deleted").asLong());
    assertEquals(100, second.get("unchanged").asLong());
    assertEquals(4, second.get("files_unchanged").asLong());
    assertFalse(second.get("committed").asBoolean());
    assertEquals(0, second.get("exit_code").asInt());
    assertEquals(0, second.get("cpu_ms").get("clean").asLong() + second.get("cpu_ms").get("tag").asLong(),
        "nothing cleaned or tagged: " + second.get("cpu_ms"));
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void rebuildMirrorsAddsUpdatesAndDeletes() throws Exception {
    RebuildCrashTest.RebuildRunner.writeVersion1(src());
    rebuild(0);
    RebuildCrashTest.RebuildRunner.applyVersion2(src());
    JsonNode r = rebuild(0);
    assertEquals(RebuildCrashTest.RebuildRunner.V2_ADDED, r.get("added").asLong());
    assertEquals(RebuildCrashTest.RebuildRunner.V2_UPDATED, r.get("updated").asLong());
    assertEquals(RebuildCrashTest.RebuildRunner.V2_DELETED, r.get("deleted").asLong());
    // feed-00 changed (5 of 50 lines), feed-01 lost 3 lines: their other lines are matched by hash, not re-analysed.
    assertEquals(45 + 47 + 3 * 50, r.get("unchanged").asLong());
    assertEquals(3, r.get("files_unchanged").asLong());
    try (NewsSearcher s = NewsSearcher.open(index())) {
      assertEquals(5, s.search(SearchRequest.of("amended")).total());
      assertEquals(30, s.search(SearchRequest.of("newcomer")).total());
      assertTrue(s.get("a5-0").isEmpty(), "articles of a removed file are gone");
      assertTrue(s.get("a1-10").isEmpty(), "a removed line is gone");
    }
    Path fresh = tmp.resolve("fresh");
    assertEquals(0, RebuildFixture.run("rebuild", src().toString(), "--index", fresh.toString(), "-q").code());
    assertEquals(RebuildFixture.contents(fresh), RebuildFixture.contents(index()));
  }

  @Test
  void skippedInputsGiveExitOneWithFileLineAndReason() throws Exception {
    RebuildFixture.writeCorpus(src(), 1, 5, 1);
    Files.writeString(src().resolve("bad.jsonl"), RebuildFixture.line("ok-1", new java.util.Random(1), "") + "\n{not json\n");
    backdate(src());
    JsonNode r = rebuild(1);
    assertEquals(6, r.get("added").asLong());
    assertEquals(1, r.get("skipped").asLong());
    JsonNode error = r.get("errors").get(0);
    assertTrue(error.get("file").asText().endsWith("bad.jsonl"), error.toString());
    assertEquals(2, error.get("line").asInt());
    assertEquals("bad_json", error.get("kind").asText());
    assertEquals(1, r.get("exit_code").asInt());
    // An unchanged file is not re-read, but its problems are still reported: the exit code does not flip to 0.
    JsonNode again = rebuild(1);
    assertEquals(2, again.get("files_unchanged").asLong());
    assertFalse(again.get("committed").asBoolean());
    assertEquals(1, again.get("skipped").asLong());
  }

  @Test
  void indexNeverDeletesAndTheNextRebuildDoes() throws Exception {
    RebuildFixture.writeCorpus(src(), 2, 10, 3);
    assertEquals(0, RebuildFixture.run("index", src().toString(), "--index", index().toString(), "-q").code());
    Path f0 = src().resolve("feed-00.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(f0));
    lines.remove(0);
    Files.write(f0, lines);
    RebuildFixture.Result r = RebuildFixture.run("index", src().toString(), "--index", index().toString(), "--json", "-q",
        "--threads", "1", "--ram-mb", "16", "--format", "jsonl");
    assertEquals(0, r.code(), r.err());
    assertEquals(0, Json.MAPPER.readTree(r.out()).get("deleted").asLong());
    try (NewsSearcher s = NewsSearcher.open(index())) {
      assertTrue(s.get("a0-0").isPresent(), "index is add/update only");
    }
    JsonNode rb = rebuild(0);
    assertEquals(1, rb.get("deleted").asLong());
    try (NewsSearcher s = NewsSearcher.open(index())) {
      assertTrue(s.get("a0-0").isEmpty(), "rebuild deletes what index left behind");
      assertEquals(19, s.search(SearchRequest.of("").withLimit(1)).total());
    }
  }

  @Test
  void fullRebuildReprocessesEverything() throws Exception {
    RebuildFixture.writeCorpus(src(), 2, 10, 3);
    rebuild(0);
    List<String> before = RebuildFixture.contents(index());
    JsonNode r = rebuild(0, "--full");
    assertEquals("full (--full)", r.get("mode").asText());
    assertEquals(20, r.get("updated").asLong());
    assertEquals(0, r.get("unchanged").asLong());
    assertEquals(before, RebuildFixture.contents(index()));
  }

  @Test
  void changedGazetteerRetagsAndChangedSchemaRebuildsFromScratch() throws Exception {
    RebuildFixture.writeCorpus(src(), 2, 30, 5);
    RebuildFixture.writeFile(src().resolve("feed-01.jsonl"), "a1", 30, new java.util.Random(6), "Reporting from Vantoria.");
    rebuild(0);
    assertEquals(0, taggedLocations(index(), "vantoria"));
    Path gazetteer = tmp.resolve("gazetteer.json");
    Files.writeString(gazetteer, "{\"format\":\"newsdesk-gazetteer/1\",\"entities\":[{\"id\":\"vantoria\",\"name\":\"Vantoria\","
        + "\"type\":\"LOCATION\",\"aliases\":[]}]}");
    JsonNode r = rebuild(0, "--gazetteer", gazetteer.toString());
    assertTrue(r.get("mode").asText().contains("gazetteer changed"), r.toString());
    // Only the 30 articles that name Vantoria are re-tagged; the other 30 are left alone.
    assertEquals(30, r.get("updated").asLong());
    assertEquals(30, r.get("unchanged").asLong());
    long phrase;
    try (NewsSearcher s = NewsSearcher.open(index())) {
      phrase = s.search(SearchRequest.of("vantoria")).total();
    }
    assertEquals(30, phrase);
    assertEquals(phrase, taggedLocations(index(), "vantoria"));
    assertEquals("incremental", rebuild(0, "--gazetteer", gazetteer.toString()).get("mode").asText());

    setSchemaVersion(index(), "0");
    RebuildFixture.Result add = RebuildFixture.run("index", src().toString(), "--index", index().toString());
    assertEquals(2, add.code());
    assertTrue(add.err().contains("schema version 0"), add.err());
    JsonNode full = rebuild(0, "--gazetteer", gazetteer.toString());
    assertEquals("full (schema version 0 -> " + NewsSchema.VERSION + ")", full.get("mode").asText());
    assertEquals(60, full.get("updated").asLong());
    assertEquals(phrase, taggedLocations(index(), "vantoria"));
  }

  @Test
  void theSourcesAreRecordedShownByStatsAndNamedWhenTheSchemaChanges() throws Exception {
    RebuildFixture.writeCorpus(src(), 2, 5, 7);
    Path more = Files.createDirectories(tmp.resolve("more news")); // a space: the message quotes it for the shell
    RebuildFixture.writeFile(more.resolve("extra.jsonl"), "m", 3, new java.util.Random(8), "harvest");
    String srcPath = src().toAbsolutePath().normalize().toString();
    String morePath = more.toAbsolutePath().normalize().toString();
    assertEquals(0, RebuildFixture.run("index", src().toString(), "--index", index().toString(), "-q").code());
    assertEquals(List.of(srcPath), builtFrom());
    // index adds its paths to those recorded, once each and in order; a rebuild records exactly its own
    assertEquals(0, RebuildFixture.run("index", more.toString(), "--index", index().toString(), "-q").code());
    assertEquals(0, RebuildFixture.run("index", src().toString(), "--index", index().toString(), "-q").code());
    assertEquals(List.of(srcPath, morePath), builtFrom());
    rebuild(0);
    assertEquals(List.of(srcPath), builtFrom());
    JsonNode both = Json.MAPPER.readTree(RebuildFixture.run("rebuild", src().toString(), more.toString(), "--index",
        index().toString(), "--json", "-q").out());
    assertEquals(3, both.get("added").asLong(), "only the paths changed: the articles of more news come back");
    assertEquals(List.of(srcPath, morePath), builtFrom());
    CliRun human = run(new String[] {"stats", "--index", index().toString()});
    assertTrue(human.out().contains("built from"), human.out());

    setSchemaVersion(index(), "3");
    org.newsdesk.schema.SchemaMismatchException e = assertThrows(org.newsdesk.schema.SchemaMismatchException.class,
        () -> NewsSearcher.open(index()));
    assertTrue(e.getMessage().endsWith("rebuild it from its sources: `newsdesk rebuild --full --index " + index() + " "
        + srcPath + " '" + morePath + "'`"), e.getMessage());
    // the command it gives works as it stands
    assertEquals(0, RebuildFixture.run("rebuild", "--full", "--index", index().toString(), srcPath, morePath, "-q").code());
    try (NewsSearcher s = NewsSearcher.open(index())) {
      assertEquals(13, s.search(SearchRequest.of("").withLimit(1)).total());
    }
  }

  @Test
  void sourcesThatCannotAllBeNamedAreNotRecordedAtAll() throws Exception {
    RebuildFixture.writeCorpus(src(), 1, 3, 9);
    Path more = Files.createDirectories(tmp.resolve("more"));
    RebuildFixture.writeFile(more.resolve("extra.jsonl"), "m", 2, new java.util.Random(10), "");
    assertEquals(0, RebuildFixture.run("index", src().toString(), "--index", index().toString(), "-q").code());
    removeUserData(index(), NewsSchema.USER_DATA_SOURCES); // as an index built before sources were recorded
    // index adds to sources nobody recorded: naming only its own would make the rebuild command drop src's articles
    assertEquals(0, RebuildFixture.run("index", more.toString(), "--index", index().toString(), "-q").code());
    assertEquals(List.of(), builtFrom());
    assertTrue(run(new String[] {"stats", "--index", index().toString()}).out().contains("not recorded"));
    setSchemaVersion(index(), "3");
    org.newsdesk.schema.SchemaMismatchException e = assertThrows(org.newsdesk.schema.SchemaMismatchException.class,
        () -> NewsSearcher.open(index()));
    assertTrue(e.getMessage().endsWith("`newsdesk rebuild --full --index " + index() + " SOURCE...`"), e.getMessage());
    // a rebuild knows all its sources again
    assertEquals(0, RebuildFixture.run("rebuild", src().toString(), more.toString(), "--index", index().toString(), "-q").code());
    assertEquals(List.of(src().toAbsolutePath().normalize().toString(), more.toAbsolutePath().normalize().toString()),
        builtFrom());
  }

  private static void removeUserData(Path index, String key) throws Exception {
    try (Directory dir = FSDirectory.open(index);
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      Map<String, String> data = new HashMap<>();
      w.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
      data.remove(key);
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
  }

  private List<String> builtFrom() throws Exception {
    CliRun r = run(new String[] {"stats", "--index", index().toString(), "--json"});
    assertEquals(0, r.code(), r.err());
    List<String> paths = new ArrayList<>();
    Json.MAPPER.readTree(r.out()).get("built_from").forEach(n -> paths.add(n.asText()));
    return paths;
  }

  /** Articles tagged with a location id, counted on the index itself (the searcher resolves names through its own gazetteer copy). */
  private static long taggedLocations(Path index, String id) throws Exception {
    try (Directory dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
      return new IndexSearcher(r).count(new TermQuery(new Term(NewsField.LOCATION.fieldName(), id)));
    }
  }

  @Test
  void rollbackReturnsToThePreviousGenerationAndTouchedFilesDoNotPushItOut() throws Exception {
    RebuildCrashTest.RebuildRunner.writeVersion1(src());
    rebuild(0);
    List<String> v1 = RebuildFixture.contents(index());
    RebuildCrashTest.RebuildRunner.applyVersion2(src());
    rebuild(0);
    List<String> v2 = RebuildFixture.contents(index());
    assertNotEquals(v1, v2);
    // A night where files were only touched: the manifest is refreshed, but it is still the same generation.
    Files.setLastModifiedTime(src().resolve("feed-02.jsonl"), FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    JsonNode touched = rebuild(0);
    assertEquals(0, touched.get("added").asLong() + touched.get("updated").asLong() + touched.get("deleted").asLong());

    RebuildFixture.Result list = RebuildFixture.run("rollback", "--list", "--index", index().toString());
    assertEquals(0, list.code(), list.err());
    assertEquals(2, list.out().strip().split("\n").length, list.out());
    try (NewsSearcher live = NewsSearcher.open(index())) {
      RebuildFixture.Result rb = RebuildFixture.run("rollback", "--index", index().toString());
      assertEquals(0, rb.code(), rb.err());
      assertTrue(rb.out().startsWith("rolled back in"), rb.out());
      assertEquals(RebuildCrashTest.RebuildRunner.V1_ARTICLES, RebuildFixture.awaitTotal(live, RebuildCrashTest.RebuildRunner.V1_ARTICLES),
          "a running searcher switches to the rolled-back generation");
    }
    assertEquals(v1, RebuildFixture.contents(index()));
    RebuildFixture.Result again = RebuildFixture.run("rollback", "--index", index().toString());
    assertEquals(2, again.code());
    assertTrue(again.err().contains("no earlier generation"), again.err());
    // The next rebuild starts from the rolled-back generation's manifest and redoes the change.
    JsonNode redo = rebuild(0);
    assertEquals(RebuildCrashTest.RebuildRunner.V2_ADDED, redo.get("added").asLong());
    assertEquals(v2, RebuildFixture.contents(index()));
  }

  @Test
  void keepThreeAllowsTwoRollbacks() throws Exception {
    RebuildFixture.writeCorpus(src(), 1, 10, 1);
    rebuild(0, "--keep", "3");
    for (int n = 11; n <= 12; n++) {
      RebuildFixture.writeFile(src().resolve("extra-" + n + ".jsonl"), "x" + n, 1, new java.util.Random(n), "");
      rebuild(0, "--keep", "3");
    }
    assertEquals(0, RebuildFixture.run("rollback", "--index", index().toString()).code());
    assertEquals(0, RebuildFixture.run("rollback", "--index", index().toString()).code());
    try (NewsSearcher s = NewsSearcher.open(index())) {
      assertEquals(10, s.search(SearchRequest.of("").withLimit(1)).total());
    }
    assertEquals(2, RebuildFixture.run("rollback", "--index", index().toString()).code());
  }

  @Test
  void checkReportsCorruptionAndFullRebuildRecovers() throws Exception {
    RebuildFixture.writeCorpus(src(), 2, 40, 9);
    rebuild(0);
    RebuildFixture.Result ok = RebuildFixture.run("check", "--index", index().toString());
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().contains("is clean"), ok.out());

    Path segment;
    try (Stream<Path> files = Files.list(index())) {
      segment = files.filter(f -> f.toString().endsWith(".fdt")).findFirst().orElseThrow();
    }
    try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
      long mid = f.length() / 2;
      byte[] junk = new byte[64];
      f.seek(mid);
      f.readFully(junk);
      for (int i = 0; i < junk.length; i++) {
        junk[i] = (byte) ~junk[i];
      }
      f.seek(mid);
      f.write(junk);
    }
    RebuildFixture.Result bad = RebuildFixture.run("check", "--index", index().toString());
    assertEquals(2, bad.code(), bad.out());
    assertTrue(bad.err().contains("CORRUPT") && bad.err().contains("rollback"), bad.err());

    assertEquals(0, RebuildFixture.run("rebuild", src().toString(), "--index", index().toString(), "--full", "-q").code());
    RebuildFixture.Result fixed = RebuildFixture.run("check", "--index", index().toString());
    assertEquals(0, fixed.code(), fixed.err());
  }

  @Test
  void lostManifestIsRebuiltFromTheIndexWithoutReanalysing() throws Exception {
    RebuildFixture.writeCorpus(src(), 3, 10, 4);
    rebuild(0);
    try (Stream<Path> files = Files.list(index())) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("newsdesk-manifest-")).toList()) {
        Files.delete(f);
      }
    }
    RebuildFixture.Result check = RebuildFixture.run("check", "--index", index().toString());
    assertEquals(0, check.code());
    assertTrue(check.err().contains("missing"), check.err());
    JsonNode r = rebuild(0);
    assertEquals(30, r.get("unchanged").asLong());
    assertEquals(0, r.get("added").asLong() + r.get("updated").asLong() + r.get("deleted").asLong());
    assertTrue(r.get("committed").asBoolean(), "a fresh manifest is committed");
  }

  @Test
  void warningsOfOneKindStopAfterTwentySkipsAfterAHundredAndTheRestAreCounted() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("undated"));
    StringBuilder feed = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      feed.append("{\"id\":\"u").append(i).append("\",\"body\":\"No date given ").append(i).append(".\"}\n");
    }
    for (int i = 0; i < 105; i++) {
      feed.append("{\"id\":\"bad").append(i).append("\"}\n"); // no body: skipped, the first 100 logged
    }
    Files.writeString(src.resolve("feed.jsonl"), feed);
    RebuildFixture.Result r = RebuildFixture.run("index", src.toString(), "--index", index().toString());
    assertEquals(1, r.code(), r.err());
    assertEquals(20, r.err().lines().filter(l -> l.contains("no parseable date")).count(), r.err());
    assertTrue(r.err().contains("warning: 10 more undated warnings not shown (--json lists every problem)"), r.err());
    assertEquals(100, r.err().lines().filter(l -> l.contains("skipped ") && l.contains("\"body\" is missing")).count(),
        r.err());
    assertTrue(r.err().contains("skipped: 5 more no_body skips not shown (--json lists every problem)"), r.err());
    RebuildFixture.Result json = RebuildFixture.run("index", src.toString(), "--index", index().toString(), "--json");
    JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
    long undated = 0;
    for (JsonNode p : doc.get("errors")) {
      undated += p.get("kind").asText().equals("undated") ? 1 : 0;
    }
    assertEquals(30, undated, json.out());
  }

  @Test
  void buildOptionsOutOfRangeAreUsageErrorsInTheirOwnWords() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("opts"));
    Files.writeString(src.resolve("f.jsonl"), "{\"id\":\"a\",\"body\":\"x\"}\n");
    for (String[] bad : new String[][] {{"--ram-mb", "0", "--ram-mb must be at least 1 (MB), got 0"},
        {"--threads", "10000", "--threads must be between 1 and 256, got 10000"},
        {"--threads", "0", "--threads must be between 1 and 256, got 0"},
        {"--keep", "0", "--keep must be >= 1, got 0"}}) {
      for (String command : List.of("index", "rebuild")) {
        RebuildFixture.Result r = RebuildFixture.run(command, src.toString(), "--index", index().toString(), bad[0], bad[1]);
        assertEquals(2, r.code(), command + " " + bad[0]);
        assertEquals("newsdesk: " + bad[2], r.err().strip(), command + " " + bad[0]);
      }
    }
    // with --json a failed build still prints a document on stdout, for the script or journal reading it
    RebuildFixture.Result failed = RebuildFixture.run("rebuild", tmp.resolve("nowhere").toString(), "--index",
        index().toString(), "--json");
    assertEquals(2, failed.code());
    JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(failed.out());
    assertEquals("rebuild", doc.get("command").asText());
    assertEquals(2, doc.get("exit_code").asInt());
    assertEquals(failed.err().strip(), "newsdesk: " + doc.get("error").asText());
    assertFalse(Files.exists(index()), "nothing built");
  }

  @Test
  void missingIndexAndMissingSourceFailWithExitTwo() {
    RebuildFixture.Result rb = RebuildFixture.run("rollback", "--index", tmp.resolve("none").toString());
    assertEquals(2, rb.code());
    assertTrue(rb.err().contains("no index at"), rb.err());
    // No reading command creates the directory it found missing: the launcher indexes the sample corpus into the
    // default index only when that directory does not exist.
    Path none = tmp.resolve("none");
    for (String[] command : new String[][] {{"rollback", "--list"}, {"rollback"}, {"check"}, {"stats"},
        {"search", "x"}, {"show", "x"}, {"entities"}, {"timeline", "x"}, {"similar", "x"}}) {
      List<String> args = new ArrayList<>(List.of(command));
      args.addAll(List.of("--index", none.toString()));
      RebuildFixture.Result r = RebuildFixture.run(args.toArray(String[]::new));
      assertEquals(2, r.code(), String.join(" ", command) + ": " + r.err());
      assertTrue(r.err().contains("no index at"), String.join(" ", command) + ": " + r.err());
      assertFalse(Files.exists(none), String.join(" ", command) + " created " + none);
    }
    RebuildFixture.Result src = RebuildFixture.run("rebuild", tmp.resolve("nowhere").toString(), "--index", index().toString());
    assertEquals(2, src.code());
    assertTrue(src.err().contains("nowhere"), src.err());
  }

  /** Files written seconds ago are hashed rather than trusted by mtime; age them so the stat fast path applies. */
  private static void backdate(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
      }
    }
  }

  private static void setSchemaVersion(Path index, String version) throws Exception {
    try (Directory dir = FSDirectory.open(index);
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      Map<String, String> data = new HashMap<>();
      w.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
      data.put(NewsSchema.USER_DATA_SCHEMA_VERSION, version);
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
    try (Directory dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
      assertEquals(version, r.getIndexCommit().getUserData().get(NewsSchema.USER_DATA_SCHEMA_VERSION));
    }
  }
}
