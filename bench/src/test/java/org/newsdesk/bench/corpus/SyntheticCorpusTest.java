package org.newsdesk.bench.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.index.IndexBuilder;
import org.newsdesk.index.IndexOptions;
import org.newsdesk.index.IndexReport;
import org.newsdesk.model.Article;
import org.newsdesk.model.TaggedEntity;

class SyntheticCorpusTest {
  /** A small fixed gazetteer, so the expected tags are exact whatever the bundled default grows into. */
  private static final Gazetteer GAZETTEER = Gazetteer.parse(("{\"format\":\"newsdesk-gazetteer/1\",\"entities\":["
      + "{\"id\":\"vladimir-putin\",\"name\":\"Vladimir Putin\",\"type\":\"PERSON\",\"aliases\":[\"Путин\"]},"
      + "{\"id\":\"nikol-pashinyan\",\"name\":\"Nikol Pashinyan\",\"type\":\"PERSON\",\"aliases\":[\"Nikol Pashinian\"]},"
      + "{\"id\":\"nagorno-karabakh\",\"name\":\"Nagorno-Karabakh\",\"type\":\"LOCATION\",\"aliases\":[\"Karabakh\"]},"
      + "{\"id\":\"osce\",\"name\":\"OSCE\",\"type\":\"ORGANIZATION\",\"aliases\":[]},"
      + "{\"id\":\"osce-minsk-group\",\"name\":\"OSCE Minsk Group\",\"type\":\"ORGANIZATION\",\"aliases\":[\"Minsk Group\"]}"
      + "]}").getBytes(java.nio.charset.StandardCharsets.UTF_8), "test gazetteer");
  private static final java.util.regex.Pattern CEASEFIRE = java.util.regex.Pattern.compile("\\bcease(?:fire|-fire| fire)\\b");

  @TempDir
  Path tmp;

  @Test
  void sameSeedGivesTheSameBytesWhateverTheThreadCount() throws IOException {
    SyntheticCorpus.generate(new CorpusSpec(700, 7, OutputFormat.JSONL, tmp.resolve("a"), 3, 1000, 0, 0), GAZETTEER, 1);
    SyntheticCorpus.generate(new CorpusSpec(700, 7, OutputFormat.JSONL, tmp.resolve("b"), 3, 1000, 0, 0), GAZETTEER, 2);
    SyntheticCorpus.generate(new CorpusSpec(700, 8, OutputFormat.JSONL, tmp.resolve("c"), 3, 1000, 0, 0), GAZETTEER, 2);
    for (String part : List.of("part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl")) {
      byte[] a = Files.readAllBytes(tmp.resolve("a").resolve(part));
      assertArrayEquals(a, Files.readAllBytes(tmp.resolve("b").resolve(part)), part);
      assertFalse(Arrays.equals(a, Files.readAllBytes(tmp.resolve("c").resolve(part))), "another seed, other text: " + part);
    }
  }

  @Test
  void anArticleDependsOnlyOnSeedIndexAndRevision() {
    ArticleGenerator generator = ArticleGenerator.of(42, 0, GAZETTEER);
    SyntheticArticle direct = generator.article(12345);
    assertEquals(direct, ArticleGenerator.of(42, 0, GAZETTEER).article(12345));
    SyntheticArticle edited = ArticleGenerator.of(42, 1, GAZETTEER).article(12345);
    assertEquals(direct.id(), edited.id());
    assertNotEquals(direct.body(), edited.body());
  }

  @Test
  void statisticsAreRealistic() {
    ArticleGenerator generator = ArticleGenerator.of(1, 0, GAZETTEER);
    int n = 4000;
    int[] bodyWords = new int[n];
    long titleWords = 0;
    int ceasefire = 0;
    int withEntities = 0;
    int mentioningCeasefireWithoutBeingOne = 0;
    Map<String, Integer> counts = new HashMap<>();
    long tokens = 0;
    OffsetDateTime first = OffsetDateTime.MAX;
    OffsetDateTime last = OffsetDateTime.MIN;
    Set<String> sources = new HashSet<>();
    for (int i = 0; i < n; i++) {
      SyntheticArticle a = generator.article(i);
      bodyWords[i] = a.bodyWords();
      titleWords += a.title().split(" ").length;
      ceasefire += a.ceasefire() ? 1 : 0;
      withEntities += a.entityIds().isEmpty() ? 0 : 1;
      String lower = (a.title() + " " + a.body()).toLowerCase(Locale.ROOT);
      boolean mentions = CEASEFIRE.matcher(lower).find();
      assertEquals(a.ceasefire(), mentions, a.id());
      if (!a.ceasefire() && mentions) {
        mentioningCeasefireWithoutBeingOne++;
      }
      first = a.published().isBefore(first) ? a.published() : first;
      last = a.published().isAfter(last) ? a.published() : last;
      sources.add(a.source());
      if (i < 500) {
        for (String w : a.body().split("[^\\p{L}]+")) {
          if (!w.isEmpty()) {
            counts.merge(w.toLowerCase(Locale.ROOT), 1, Integer::sum);
            tokens++;
          }
        }
      }
      assertEquals(a.body().split("\\s+").length, a.bodyWords(), "word count of " + a.id());
    }
    Arrays.sort(bodyWords);
    int median = bodyWords[n / 2];
    assertTrue(median >= 420 && median <= 480, "median body length " + median);
    assertTrue(bodyWords[n / 10] < 0.6 * median && bodyWords[n * 9 / 10] > 1.6 * median, "lognormal spread");
    double meanTitle = (double) titleWords / n;
    assertTrue(meanTitle >= 9 && meanTitle <= 11.5, "mean title words " + meanTitle);
    assertTrue(ceasefire >= 0.005 * n && ceasefire <= 0.016 * n, "ceasefire stories " + ceasefire);
    assertEquals(0, mentioningCeasefireWithoutBeingOne);
    assertTrue(withEntities >= 0.55 * n && withEntities <= 0.65 * n, "articles with entities " + withEntities);
    assertTrue(first.isBefore(OffsetDateTime.of(2015, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC)), "first date " + first);
    assertTrue(last.isAfter(OffsetDateTime.of(2024, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC)), "last date " + last);
    assertTrue(last.isBefore(OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
    assertTrue(sources.size() >= 10, "sources " + sources);
    // Zipf: "the" leads with about 5% of tokens, and the top 100 words cover about half of them.
    List<Integer> ranked = new ArrayList<>(counts.values());
    ranked.sort((x, y) -> y - x);
    double top1 = ranked.get(0) / (double) tokens;
    double top100 = ranked.subList(0, 100).stream().mapToInt(Integer::intValue).sum() / (double) tokens;
    assertEquals(counts.get("the"), ranked.get(0));
    assertTrue(top1 > 0.035 && top1 < 0.07, "share of 'the' " + top1);
    assertTrue(top100 > 0.40 && top100 < 0.60, "share of the top 100 words " + top100);
    assertTrue(counts.size() > 15_000, "distinct words in 500 articles " + counts.size());
  }

  @Test
  void newsdeskReadsTheJsonLinesAsGenerated() throws IOException {
    Path out = tmp.resolve("jsonl");
    CorpusSummary summary = SyntheticCorpus.generate(new CorpusSpec(400, 3, OutputFormat.JSONL, out, 2, 1000, 0, 0), GAZETTEER);
    assertEquals(400, summary.articles());
    assertEquals(2, summary.files());
    assertTrue(Files.exists(out.resolve(SyntheticCorpus.MANIFEST)));
    assertReadBack(out, ArticleGenerator.of(3, 0, GAZETTEER), 0, 400, false);
  }

  @Test
  void newsdeskReadsTheRawTextAsGeneratedInSubdirectories() throws IOException {
    Path out = tmp.resolve("raw");
    CorpusSummary summary = SyntheticCorpus.generate(new CorpusSpec(250, 5, OutputFormat.RAW, out, 1, 100, 1000, 0), GAZETTEER);
    assertEquals(250, summary.files());
    try (Stream<Path> dirs = Files.list(out)) {
      assertEquals(List.of("00000", "00001", "00002"), dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertTrue(Files.exists(out.resolve("00000").resolve("syn-00001000.txt")));
    assertReadBack(out, ArticleGenerator.of(5, 0, GAZETTEER), 1000, 250, true);
  }

  @Test
  void badSpecsFailWithAClearMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CorpusSpec(10, 1, OutputFormat.RAW, tmp, 2, 1000, 0, 0));
    assertTrue(e.getMessage().contains("--files applies to jsonl only"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new CorpusSpec(0, 1, OutputFormat.JSONL, tmp, 1, 1000, 0, 0));
    assertEquals("articles must be >= 1, got 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> OutputFormat.of("xml"));
    assertEquals("unknown format 'xml': use jsonl or raw", e.getMessage());
  }

  private static void assertReadBack(Path dir, ArticleGenerator generator, long start, int n, boolean raw) throws IOException {
    List<Article> read = new ArrayList<>();
    IndexReport report = IndexBuilder.inspect(List.of(dir),
        IndexOptions.defaults(dir.resolveSibling("unused")).withGazetteer(GAZETTEER).withThreads(1),
        read::add, problem -> {});
    assertEquals(n, read.size(), "articles read; report " + report);
    read.sort((x, y) -> x.id().compareTo(y.id()));
    for (int i = 0; i < n; i++) {
      SyntheticArticle expected = generator.article(start + i);
      Article actual = read.get(i);
      assertEquals(expected.id(), actual.id());
      assertEquals(expected.title(), actual.title(), expected.id());
      assertEquals(expected.body(), actual.body(), expected.id());
      assertEquals(expected.published().toInstant(), actual.published().toInstant(), expected.id());
      if (raw) {
        assertEquals(expected.credit(), actual.credit(), expected.id());
      } else {
        assertEquals(expected.source(), actual.source(), expected.id());
        assertEquals(expected.url(), actual.url(), expected.id());
      }
      assertEquals(Set.copyOf(expected.entityIds()),
          actual.entities().stream().map(TaggedEntity::id).collect(java.util.stream.Collectors.toSet()), expected.id());
    }
    assertEquals(List.of(), report.problems());
  }
}
