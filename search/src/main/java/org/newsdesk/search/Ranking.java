package org.newsdesk.search;

import org.newsdesk.analysis.NewsAnalyzer;

/**
 * How {@link NewsSearcher} scores articles. {@link #defaults()} is what newsdesk ships; every value in it was chosen
 * by the ranking evaluation ({@code bench/run eval-time}, see docs/search.md), never per query. Other values exist
 * for that evaluation's ablations and for embedders with other collections.
 *
 * @param analysis the text analysis the index was built with; queries must be analyzed the same way
 * @param k1 BM25 term-frequency saturation
 * @param b BM25 length normalization
 * @param titleBoost weight of a title match relative to a body match
 * @param proximityBoost weight of the extra clause that rewards query words standing close together (0: off)
 * @param proximitySlop how far apart (in positions) the query words may stand to earn the proximity boost
 * @param salienceWeight weight of the entity-salience clause when a query names an entity (0: off)
 * @param feedbackDocs RM3 pseudo-relevance feedback: how many top hits to learn expansion terms from (0: off)
 * @param feedbackTerms RM3: how many expansion terms to add
 * @param feedbackOriginalWeight RM3: weight of the original query against the expansion terms, in (0, 1]
 */
public record Ranking(
    NewsAnalyzer.Options analysis,
    float k1,
    float b,
    float titleBoost,
    float proximityBoost,
    int proximitySlop,
    float salienceWeight,
    int feedbackDocs,
    int feedbackTerms,
    float feedbackOriginalWeight) {

  public Ranking {
    if (analysis == null) {
      throw new IllegalArgumentException("analysis must not be null");
    }
    if (!(k1 >= 0) || !Float.isFinite(k1)) {
      throw new IllegalArgumentException("k1 must be a finite number >= 0, got " + k1);
    }
    if (!(b >= 0 && b <= 1)) {
      throw new IllegalArgumentException("b must be between 0 and 1, got " + b);
    }
    if (!(titleBoost > 0) || !Float.isFinite(titleBoost)) {
      throw new IllegalArgumentException("titleBoost must be a finite number > 0, got " + titleBoost);
    }
    if (!(proximityBoost >= 0) || !Float.isFinite(proximityBoost)) {
      throw new IllegalArgumentException("proximityBoost must be a finite number >= 0, got " + proximityBoost);
    }
    if (proximitySlop < 0) {
      throw new IllegalArgumentException("proximitySlop must be >= 0, got " + proximitySlop);
    }
    if (!(salienceWeight >= 0) || !Float.isFinite(salienceWeight)) {
      throw new IllegalArgumentException("salienceWeight must be a finite number >= 0, got " + salienceWeight);
    }
    if (feedbackDocs < 0 || feedbackTerms < 0) {
      throw new IllegalArgumentException("feedbackDocs and feedbackTerms must be >= 0, got " + feedbackDocs + ", " + feedbackTerms);
    }
    if (!(feedbackOriginalWeight > 0 && feedbackOriginalWeight <= 1)) {
      throw new IllegalArgumentException("feedbackOriginalWeight must be in (0, 1], got " + feedbackOriginalWeight);
    }
  }

  /** newsdesk's ranking, as measured in docs/search.md. */
  public static Ranking defaults() {
    return new Ranking(NewsAnalyzer.Options.DEFAULT, 1.2f, 0.75f, 0.5f, 0.1f, 8, 1f, 0, 10, 0.5f);
  }

  /** A copy with other analysis options (the index must have been built with them). */
  public Ranking withAnalysis(NewsAnalyzer.Options a) {
    return new Ranking(a, k1, b, titleBoost, proximityBoost, proximitySlop, salienceWeight, feedbackDocs, feedbackTerms, feedbackOriginalWeight);
  }

  /** A copy with other BM25 parameters. */
  public Ranking withBm25(float newK1, float newB) {
    return new Ranking(analysis, newK1, newB, titleBoost, proximityBoost, proximitySlop, salienceWeight, feedbackDocs, feedbackTerms, feedbackOriginalWeight);
  }

  /** A copy with another title boost. */
  public Ranking withTitleBoost(float boost) {
    return new Ranking(analysis, k1, b, boost, proximityBoost, proximitySlop, salienceWeight, feedbackDocs, feedbackTerms, feedbackOriginalWeight);
  }

  /** A copy with another proximity boost and slop. */
  public Ranking withProximity(float boost, int slop) {
    return new Ranking(analysis, k1, b, titleBoost, boost, slop, salienceWeight, feedbackDocs, feedbackTerms, feedbackOriginalWeight);
  }

  /** A copy with another entity-salience weight. */
  public Ranking withSalienceWeight(float weight) {
    return new Ranking(analysis, k1, b, titleBoost, proximityBoost, proximitySlop, weight, feedbackDocs, feedbackTerms, feedbackOriginalWeight);
  }

  /** A copy with RM3 pseudo-relevance feedback from {@code docs} top hits, adding {@code terms} terms. */
  public Ranking withFeedback(int docs, int terms, float originalWeight) {
    return new Ranking(analysis, k1, b, titleBoost, proximityBoost, proximitySlop, salienceWeight, docs, terms, originalWeight);
  }
}
