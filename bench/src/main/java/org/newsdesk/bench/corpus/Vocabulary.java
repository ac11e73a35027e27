package org.newsdesk.bench.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * English words in Zipf rank order, drawn with Zipf-Mandelbrot frequencies. The bundled list
 * ({@code vocabulary.txt}, about 72,000 words) ships in the bench jar, so no system word list is needed.
 * Immutable and thread-safe.
 */
final class Vocabulary {
  private static final String RESOURCE = "vocabulary.txt";
  /** Zipf exponent and Mandelbrot shift: close to English: "the" gets about 5% of tokens, the top 100 words half, the top 10,000 90%. */
  static final double EXPONENT = 1.15;
  static final double SHIFT = 2.7;

  private final String[] words;
  private final ZipfSampler sampler;

  private Vocabulary(List<String> words) {
    if (words.isEmpty()) {
      throw new IllegalArgumentException("vocabulary is empty");
    }
    this.words = words.toArray(String[]::new);
    this.sampler = new ZipfSampler(this.words.length, EXPONENT, SHIFT);
  }

  /** The bundled word list, most frequent first. */
  static List<String> bundledWords() {
    try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the word list " + RESOURCE + " is missing from the bench class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> words = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word);
        }
      }
      return words;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the word list " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /**
   * The bundled vocabulary without the words in {@code excluded} (compared folded: lower case, no diacritics), so
   * that generated filler text never names an entity or a ceasefire by accident.
   */
  static Vocabulary bundled(Set<String> excluded) {
    List<String> words = new ArrayList<>();
    for (String word : bundledWords()) {
      if (!excluded.contains(fold(word))) {
        words.add(word);
      }
    }
    return new Vocabulary(words);
  }

  /** Lower case without diacritics, as the gazetteer tagger compares names. */
  static String fold(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); i++) {
      if (lower.charAt(i) >= 0x80) {
        return java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
      }
    }
    return lower;
  }

  /** The number of distinct words. */
  int size() {
    return words.length;
  }

  /** The word of rank {@code r} (0 is the most frequent). */
  String word(int r) {
    return words[r];
  }

  /** Draws one word with its Zipf frequency. */
  String draw(RandomGenerator random) {
    return words[sampler.sample(random.nextDouble())];
  }

  /** The word at quantile {@code u} in [0, 1): a uniform {@code u} draws a word with its Zipf frequency. */
  String word(double u) {
    return words[sampler.sample(u)];
  }

  /** The expected share of tokens that rank {@code r} gets. */
  double probability(int r) {
    return sampler.probability(r);
  }
}
