package org.newsdesk.bench.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction-benchmark metric, as its SOURCE.md describes evaluate.py: tokens are Unicode {@code \w+}
 * (letters, digits, underscore, as Python's {@code re} defines them), shingles are 4-grams of tokens (a text of
 * fewer tokens is one shingle), and TP/FP/FN are multiset overlaps of the two shingle bags, normalized to sum 1.
 */
final class ShingleMetric {
  static final int N = 4;
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");

  /** Precision and recall of one page. */
  record Score(double precision, double recall, boolean exact) {}

  private ShingleMetric() {}

  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  static Map<String, Integer> shingles(String text) {
    List<String> t = tokens(text);
    Map<String, Integer> bag = new HashMap<>();
    for (int i = 0; i < Math.max(1, t.size() - N + 1); i++) {
      String s = String.join(" ", t.subList(i, Math.min(t.size(), i + N)));
      if (!s.isEmpty()) {
        bag.merge(s, 1, Integer::sum);
      }
    }
    return bag;
  }

  static Score score(String gold, String predicted) {
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
    double sum = tp + fp + fn;
    if (sum > 0) {
      tp /= sum;
      fp /= sum;
      fn /= sum;
    }
    double precision;
    double recall;
    if (fp == 0 && fn == 0) {
      precision = 1;
      recall = 1;
    } else {
      precision = tp == 0 && fp == 0 ? 0 : tp / (tp + fp);
      recall = tp == 0 && fn == 0 ? 0 : tp / (tp + fn);
    }
    return new Score(precision, recall, tokens(gold).equals(tokens(predicted)));
  }
}
