package org.newsdesk.bench.ranking;

import java.util.List;
import java.util.Set;

/**
 * TREC-style measures of one ranked list against binary judgments: average precision, nDCG@10, P@10 and R@100.
 * Averaged over queries, average precision is MAP. Stateless.
 *
 * @param ap average precision (relevant documents never retrieved count as precision 0)
 * @param ndcg10 normalized discounted cumulative gain of the first 10, with gain 1 per relevant document
 * @param p10 precision of the first 10
 * @param r100 recall of the first 100
 */
record RankingMetrics(double ap, double ndcg10, double p10, double r100) {

  static RankingMetrics of(List<String> ranked, Set<String> relevant) {
    double ap = 0;
    int found = 0;
    double dcg = 0;
    int in10 = 0;
    int in100 = 0;
    for (int i = 0; i < ranked.size(); i++) {
      if (!relevant.contains(ranked.get(i))) {
        continue;
      }
      found++;
      ap += (double) found / (i + 1);
      if (i < 10) {
        dcg += 1 / log2(i + 2);
        in10++;
      }
      if (i < 100) {
        in100++;
      }
    }
    double idcg = 0;
    for (int i = 0; i < Math.min(10, relevant.size()); i++) {
      idcg += 1 / log2(i + 2);
    }
    return new RankingMetrics(ap / relevant.size(), dcg / idcg, in10 / 10.0, (double) in100 / relevant.size());
  }

  static RankingMetrics mean(List<RankingMetrics> all) {
    return new RankingMetrics(
        all.stream().mapToDouble(RankingMetrics::ap).average().orElse(0),
        all.stream().mapToDouble(RankingMetrics::ndcg10).average().orElse(0),
        all.stream().mapToDouble(RankingMetrics::p10).average().orElse(0),
        all.stream().mapToDouble(RankingMetrics::r100).average().orElse(0));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
