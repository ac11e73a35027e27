package org.newsdesk.bench.startup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A quick, deterministic synthetic news corpus for the start-up benchmark, written twice: as JSON Lines shards
 * (what {@code newsdesk index} reads) and as one plain-text file per article (what {@code rg} reads), so both tools
 * search exactly the same text.
 *
 * <p>Stand-in until the benchmark module's corpus generator is on main: words follow a Zipf-like law over a
 * made-up vocabulary, about 2% of the articles are about a ceasefire and name the sample gazetteer's entities.
 */
final class QuickCorpus {
  private static final String[] TOPIC = {"ceasefire", "truce", "shelling", "talks", "Stepanakert", "Shusha", "Putin",
      "Pashinyan", "Lavrov", "Karabakh", "Minsk Group", "OSCE", "humanitarian", "monitors", "violation"};
  private static final String[] SOURCES = {"Daily Planet", "Evening Post", "Morning Star", "Harbour Times", "Valley Herald",
      "Capital Ledger", "North Gazette", "Coast Courier", "City Wire", "Plains Journal"};

  private QuickCorpus() {}

  /**
   * Writes {@code count} articles under {@code dir}: {@code jsonl/part-NNN.jsonl} and {@code txt/NNN/ID.txt}.
   *
   * @return the number of articles that contain the word "ceasefire"
   */
  static int write(Path dir, int count, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    String[] vocabulary = vocabulary(random, 6000);
    Path jsonl = Files.createDirectories(dir.resolve("jsonl"));
    Path txt = Files.createDirectories(dir.resolve("txt"));
    int withWord = 0;
    BufferedWriter shard = null;
    try {
      for (int i = 0; i < count; i++) {
        if (i % 10_000 == 0) {
          if (shard != null) {
            shard.close();
          }
          shard = Files.newBufferedWriter(jsonl.resolve(String.format(Locale.ROOT, "part-%03d.jsonl", i / 10_000)), StandardCharsets.UTF_8);
        }
        boolean topical = random.nextInt(50) == 0;
        String id = String.format(Locale.ROOT, "q%06d", i);
        String title = sentence(random, vocabulary, 6 + random.nextInt(5), topical);
        StringBuilder body = new StringBuilder();
        int paragraphs = 3 + random.nextInt(4);
        for (int p = 0; p < paragraphs; p++) {
          if (p > 0) {
            body.append("\n\n");
          }
          int sentences = 2 + random.nextInt(3);
          for (int s = 0; s < sentences; s++) {
            body.append(sentence(random, vocabulary, 8 + random.nextInt(14), topical)).append(' ');
          }
        }
        String text = body.toString().strip();
        if ((title + " " + text).toLowerCase(Locale.ROOT).contains("ceasefire")) {
          withWord++;
        }
        LocalDate date = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(3 * 365));
        String source = SOURCES[random.nextInt(SOURCES.length)];
        shard.write("{\"id\":\"" + id + "\",\"title\":" + quote(title) + ",\"published\":\"" + date + "\",\"source\":"
            + quote(source) + ",\"url\":\"https://example.org/" + id + "\",\"body\":" + quote(text) + "}\n");
        Path file = Files.createDirectories(txt.resolve(String.format(Locale.ROOT, "%03d", i / 1000))).resolve(id + ".txt");
        Files.writeString(file, title + "\n" + date + " " + source + "\n\n" + text + "\n", StandardCharsets.UTF_8);
      }
    } finally {
      if (shard != null) {
        shard.close();
      }
    }
    return withWord;
  }

  private static String[] vocabulary(SplittableRandom random, int size) {
    String letters = "etaoinshrdlcumwfgypbvk";
    String[] words = new String[size];
    for (int i = 0; i < size; i++) {
      StringBuilder w = new StringBuilder();
      int len = 2 + random.nextInt(4) + (i > 200 ? random.nextInt(5) : 0);
      for (int j = 0; j < len; j++) {
        w.append(letters.charAt(Math.min(letters.length() - 1, (int) Math.abs(random.nextGaussian() * 7))));
      }
      words[i] = w.toString();
    }
    return words;
  }

  /** A sentence of Zipf-distributed words; topical articles mix in the conflict's words. */
  private static String sentence(SplittableRandom random, String[] vocabulary, int words, boolean topical) {
    List<String> out = new ArrayList<>(words);
    for (int i = 0; i < words; i++) {
      if (topical && random.nextInt(6) == 0) {
        out.add(TOPIC[random.nextInt(TOPIC.length)]);
      } else {
        double u = random.nextDouble();
        out.add(vocabulary[(int) (Math.pow(vocabulary.length, u) - 1)]);
      }
    }
    String s = String.join(" ", out);
    return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
