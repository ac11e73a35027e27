package org.newsdesk.index.enrich;

import java.util.Objects;
import org.newsdesk.gazetteer.GazetteerEntry;
import org.newsdesk.schema.NewsField;

/**
 * One place where an article names a gazetteer entity.
 *
 * @param entry the entity named
 * @param field the text field: {@link NewsField#TITLE}, {@link NewsField#CAPTION} or {@link NewsField#BODY}
 * @param start offset of the first character of the name in that field's text
 * @param end offset just past the name (a possessive {@code 's} is not included)
 * @param surnameOnly true when the mention is a surname (or other short name) that counts only because the
 *     person's full name appears in the same article
 */
public record Mention(GazetteerEntry entry, NewsField field, int start, int end, boolean surnameOnly) {
  public Mention {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(field, "field");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("mention offsets must satisfy 0 <= start < end, got " + start + ".." + end);
    }
  }
}
