package org.newsdesk.bench.corpus;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One generated article, with what the generator put into it so tests and benchmarks know the expected answers.
 *
 * @param index position in the corpus (0-based); the id is derived from it
 * @param id stable id, {@code syn-00000042}: the same index has the same id in every revision and format
 * @param title the headline, about 10 words
 * @param published minute-precision UTC time within the corpus's ten years
 * @param url a unique made-up url
 * @param source the outlet
 * @param caption the photo caption (raw text output only)
 * @param credit the photo credit (raw text output only)
 * @param body paragraphs separated by one blank line
 * @param bodyWords how many words the body has
 * @param entityIds the gazetteer ids mentioned in title or body, in order of first mention
 * @param ceasefire true for a ceasefire story (title and body name it, as {@code ceasefire}, {@code cease-fire} or
 *     {@code cease fire}); no other article contains those words
 */
public record SyntheticArticle(
    long index,
    String id,
    String title,
    OffsetDateTime published,
    String url,
    String source,
    String caption,
    String credit,
    String body,
    int bodyWords,
    List<String> entityIds,
    boolean ceasefire) {

  public SyntheticArticle {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, got " + index);
    }
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(caption, "caption");
    Objects.requireNonNull(credit, "credit");
    Objects.requireNonNull(body, "body");
    entityIds = List.copyOf(entityIds);
  }

  /** The id of the article at {@code index}. */
  public static String idOf(long index) {
    String digits = Long.toString(index);
    return "syn-" + "0".repeat(Math.max(0, 8 - digits.length())) + digits;
  }
}
