package org.newsdesk.index.enrich;

import java.util.Objects;
import org.newsdesk.model.EntityType;

/**
 * A proper-noun phrase the gazetteer does not know, found by {@link CandidateFinder}.
 *
 * @param phrase the phrase as most often written ({@code Halvorsen Chemical})
 * @param count how many times it occurs
 * @param articles in how many articles
 * @param typeGuess a guess from the phrase's words and context (PERSON, LOCATION or ORGANIZATION); a hint only
 * @param example one sentence that contains it, from the article with the smallest id that has it, trimmed to
 *     about 200 characters
 */
public record Candidate(String phrase, int count, int articles, EntityType typeGuess, String example) {
  public Candidate {
    Objects.requireNonNull(phrase, "phrase");
    Objects.requireNonNull(typeGuess, "typeGuess");
    Objects.requireNonNull(example, "example");
    if (count < 1 || articles < 1) {
      throw new IllegalArgumentException("count and articles must be >= 1, got " + count + ", " + articles);
    }
  }
}
