package org.newsdesk.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random edits to a small archive whose files share ids (raw files of one name in several folders, names that differ
 * in case, feeds that repeat an id, also on two lines of one file), night after night: after every incremental
 * rebuild the index holds what a full rebuild of the same files holds, id for id, and the next night changes nothing.
 * Two reviews found sequences that broke this by hand; this walks many more.
 */
class RebuildAgainstFullTest {
  private static final String[] RAW = {"a/001.txt", "b/001.txt", "a-001.txt", "x/Story.txt", "x/story.txt", "001.txt"};
  private static final String[] FEEDS = {"f.jsonl", "0.jsonl", "x/g.jsonl"};
  private static final String[] IDS = {"001", "a-001", "story", "x-story", "002"};

  @org.junit.jupiter.api.io.TempDir Path tmp;
  private Random random;
  private long version;

  @ParameterizedTest(name = "seed {0}, {1} threads")
  @CsvSource({"1, 1", "2, 4", "3, 2"})
  void everyIncrementalRebuildHoldsWhatAFullOneHolds(long seed, int threads) throws Exception {
    random = new Random(seed);
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path inc = tmp.resolve("inc");
    IndexOptions options = IndexOptions.defaults(inc).withThreads(threads);
    List<String> log = new ArrayList<>();
    for (int night = 0; night < 12; night++) {
      for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
        log.add(edit(src));
      }
      if (files(src).isEmpty()) {
        log.add(write(src, "a/001.txt"));
      }
      IndexBuilder.rebuild(List.of(src), options, false, true, BuildListener.NONE);
      Path full = tmp.resolve("full-" + night);
      IndexBuilder.rebuild(List.of(src), IndexOptions.defaults(full).withThreads(threads), true, true, BuildListener.NONE);
      String steps = "after " + log;
      assertEquals(articles(full), articles(inc), steps);
      IndexReport quiet = IndexBuilder.rebuild(List.of(src), options, false, true, BuildListener.NONE);
      assertEquals(0, quiet.added() + quiet.updated() + quiet.deleted(), "the next night changes nothing, " + steps
          + ": " + quiet);
    }
  }

  /** One random edit: a file written (new or changed), deleted, moved, or touched without a change. */
  private String edit(Path src) throws IOException {
    List<String> existing = files(src);
    int what = existing.isEmpty() ? 0 : random.nextInt(10);
    if (what < 5) {
      boolean feed = random.nextBoolean();
      String[] names = feed ? FEEDS : RAW;
      return write(src, names[random.nextInt(names.length)]);
    }
    String rel = existing.get(random.nextInt(existing.size()));
    Path file = src.resolve(rel);
    if (what < 7) {
      Files.delete(file);
      return "rm " + rel;
    }
    if (what < 9) {
      String[] names = rel.endsWith(".jsonl") ? FEEDS : RAW;
      String to = names[random.nextInt(names.length)];
      if (to.equals(rel)) {
        return "mv none";
      }
      Files.createDirectories(src.resolve(to).getParent());
      Files.move(file, src.resolve(to), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return "mv " + rel + " " + to;
    }
    stamp(file);
    return "touch " + rel;
  }

  private String write(Path src, String rel) throws IOException {
    Path file = src.resolve(rel);
    Files.createDirectories(file.getParent());
    long v = ++version;
    if (rel.endsWith(".jsonl")) {
      StringBuilder lines = new StringBuilder();
      if (Files.exists(file) && random.nextBoolean()) { // keep a line as it was: found unchanged by its hash
        List<String> old = Files.readAllLines(file);
        lines.append(old.get(random.nextInt(old.size()))).append('\n');
      }
      for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
        lines.append("{\"id\":\"").append(IDS[random.nextInt(IDS.length)]).append("\",\"title\":\"T").append(v).append('-')
            .append(i).append("\",\"body\":\"Body of T").append(v).append('-').append(i).append(".\"}\n");
      }
      Files.writeString(file, lines);
    } else {
      Files.writeString(file, "T" + v + "\n\nBody of T" + v + ".\n");
    }
    stamp(file);
    return "write " + rel;
  }

  /** A modification time in the past, later than every earlier one: each write is seen as a change. */
  private void stamp(Path file) throws IOException {
    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 7_200_000 + ++version * 10_000));
  }

  private static List<String> files(Path src) throws IOException {
    try (Stream<Path> walk = Files.walk(src)) {
      return walk.filter(Files::isRegularFile).map(p -> src.relativize(p).toString()).sorted().toList();
    }
  }

  /** Id to body, for every article of the index. */
  private static Map<String, String> articles(Path index) throws IOException {
    Map<String, String> out = new TreeMap<>();
    org.newsdesk.index.enrich.IndexedArticles.forEach(index, a -> out.put(a.id(), a.body()));
    return out;
  }
}
