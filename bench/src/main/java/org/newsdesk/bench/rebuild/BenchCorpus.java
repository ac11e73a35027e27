package org.newsdesk.bench.rebuild;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A minimal synthetic JSON Lines corpus for the rebuild benchmark: about 350 words per article in six paragraphs,
 * Zipf-like word frequencies over a 5,000-word vocabulary, and gazetteer names in some articles so tagging does real
 * work. Deterministic for a seed. (Stand-in until the benchmark engineer's {@code org.newsdesk.bench.corpus}
 * generator is on main.)
 */
final class BenchCorpus {
  static final String DESCRIPTION = "minimal rebuild-bench generator, ~350 words/article";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] COMMON = ("the of and to in a is that for on was with as by at from said it his her"
      + " their has have are were be an not this which after they but who been will more would about also over two new"
      + " government minister talks border ceasefire officials city people year week president country police court").split(" ");
  private static final String[] NAMES = {"Vladimir Putin", "Nikol Pashinyan", "Sergey Lavrov", "Armenia", "Azerbaijan",
      "Nagorno-Karabakh", "Moscow", "Yerevan", "Baku", "OSCE", "Turkey", "Ankara"};
  private static final String[] SOURCES = {"Harbor City Times", "The Daily Compass", "Meridian Wire", "Northern Ledger"};
  private static final String[] VOCABULARY = vocabulary();

  private BenchCorpus() {}

  /** Writes {@code n} articles with ids from {@code first} into files of {@code perFile} lines under {@code dir}. */
  static void write(Path dir, int n, int perFile, int first, long seed) throws IOException {
    Files.createDirectories(dir);
    for (int start = 0; start < n; start += perFile) {
      Path file = dir.resolve(String.format(Locale.ROOT, "part-%05d.jsonl", (first + start) / perFile));
      try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (int i = start; i < Math.min(n, start + perFile); i++) {
          w.write(article(first + i, new Random(seed * 1_000_003L + first + i)));
          w.write('\n');
        }
      }
    }
  }

  private static String article(int index, Random r) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", String.format(Locale.ROOT, "bench-%08d", index));
    node.put("title", capitalize(words(r, 8)));
    node.put("published", Instant.parse("2015-01-01T00:00:00Z").plusSeconds(r.nextInt(10 * 365 * 24 * 3600)).toString());
    node.put("url", "https://news.example/" + index);
    node.put("source", SOURCES[r.nextInt(SOURCES.length)]);
    List<String> paragraphs = new ArrayList<>();
    for (int p = 0; p < 6; p++) {
      String text = capitalize(words(r, 55 + r.nextInt(10))) + ".";
      if (r.nextInt(4) == 0) {
        text += " " + NAMES[r.nextInt(NAMES.length)] + " " + words(r, 6) + ".";
      }
      paragraphs.add(text);
    }
    node.put("body", String.join("\n\n", paragraphs));
    return JSON.writeValueAsString(node);
  }

  private static String words(Random r, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(r.nextInt(3) == 0 ? COMMON[r.nextInt(COMMON.length)] : VOCABULARY[(int) (VOCABULARY.length * Math.pow(r.nextDouble(), 3))]);
    }
    return b.toString();
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String[] vocabulary() {
    String[] syllables = {"ka", "ri", "mon", "tel", "sa", "vo", "len", "dar", "pi", "ost", "ne", "gra", "lu", "fen", "tor",
        "mi", "bas", "quel", "ar", "dun"};
    Random r = new Random(7);
    String[] v = new String[5000];
    for (int i = 0; i < v.length; i++) {
      StringBuilder b = new StringBuilder();
      int parts = 2 + r.nextInt(3);
      for (int p = 0; p < parts; p++) {
        b.append(syllables[r.nextInt(syllables.length)]);
      }
      v[i] = b.toString();
    }
    return v;
  }
}
