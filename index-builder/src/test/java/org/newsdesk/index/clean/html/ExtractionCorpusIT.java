package org.newsdesk.index.clean.html;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Regression guard on the extraction corpus in {@code ../shared/corpora/extraction}: F1 of the shingle metric must
 * stay at or above 0.92 (the floor). Skipped when the corpus is absent. The full report, with the baseline
 * and the worst pages, is {@code bench/run extraction}.
 *
 * <p>An {@code IT}: it takes 5-40 s depending on machine load, so the default build does not run it. Run it with
 * {@code mvn -o -pl index-builder -am test -Dtest=ExtractionCorpusIT -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ExtractionCorpusIT {
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");

  @Test
  void f1OnTheExtractionCorpusIsAtLeast092() throws IOException {
    Path dir = Path.of(System.getProperty("newsdesk.extraction.corpus",
        Path.of(System.getProperty("newsdesk.repo", "."), "..", "shared", "corpora", "extraction").toString()));
    assumeTrue(Files.isRegularFile(dir.resolve("ground-truth.json")),
        "extraction corpus not found at " + dir + "; skipping the corpus F1 check (bench/run extraction reports it)");
    JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
    HtmlExtractor extractor = new HtmlExtractor();
    double precision = 0;
    double recall = 0;
    int pages = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String html;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("html/" + e.getKey() + ".html.gz")))) {
        html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String predicted = extractor.extract(html, e.getValue().path("url").asText(null)).body();
      double[] pr = precisionRecall(e.getValue().path("articleBody").asText(""), predicted);
      precision += pr[0];
      recall += pr[1];
      pages++;
    }
    precision /= pages;
    recall /= pages;
    double f1 = 2 * precision * recall / (precision + recall);
    assertTrue(f1 >= 0.92, String.format("F1 %.3f (P %.3f, R %.3f) on %d pages is below 0.92", f1, precision,
        recall, pages));
  }

  /** The benchmark's per-page precision and recall over multisets of 4-token shingles. */
  private static double[] precisionRecall(String gold, String predicted) {
    Map<String, Integer> g = shingles(gold);
    Map<String, Integer> p = shingles(predicted);
    Set<String> keys = new HashSet<>(g.keySet());
    keys.addAll(p.keySet());
    double tp = 0;
    double fp = 0;
    double fn = 0;
    for (String k : keys) {
      int gc = g.getOrDefault(k, 0);
      int pc = p.getOrDefault(k, 0);
      tp += Math.min(gc, pc);
      fp += Math.max(0, pc - gc);
      fn += Math.max(0, gc - pc);
    }
    if (fp == 0 && fn == 0) {
      return new double[] {1, 1};
    }
    return new double[] {tp + fp == 0 ? 0 : tp / (tp + fp), tp + fn == 0 ? 0 : tp / (tp + fn)};
  }

  private static Map<String, Integer> shingles(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      tokens.add(m.group());
    }
    Map<String, Integer> bag = new HashMap<>();
    for (int i = 0; i < Math.max(1, tokens.size() - 3); i++) {
      String s = String.join(" ", tokens.subList(i, Math.min(tokens.size(), i + 4)));
      if (!s.isEmpty()) {
        bag.merge(s, 1, Integer::sum);
      }
    }
    return bag;
  }
}
