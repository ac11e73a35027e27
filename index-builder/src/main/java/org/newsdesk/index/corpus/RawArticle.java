package org.newsdesk.index.corpus;

import java.util.Map;
import java.util.Objects;

/**
 * One article as read from its source, before any cleaning.
 *
 * @param origin where it came from: the file, plus {@code :line} or {@code #record} in a multi-article file
 * @param format the format it was read as; decides which cleaner handles it
 * @param content the raw text: the file's text, an HTML page, or a JSON line's {@code body}
 * @param fields metadata the reader already knows (JSON Lines fields, a WARC record's target URI, SGML tags)
 * @param contentHash hash of the raw bytes this article came from
 */
public record RawArticle(String origin, CorpusFormat format, String content, Map<String, String> fields, String contentHash) {
  /** Metadata keys a reader may fill. */
  public static final String ID = "id";
  public static final String TITLE = "title";
  public static final String PUBLISHED = "published";
  public static final String URL = "url";
  public static final String SOURCE = "source";
  public static final String CAPTION = "caption";
  public static final String AUTHOR = "author";
  /** The place line of wire copy ({@code NEW YORK, Feb 26 -}), kept out of the body. */
  public static final String DATELINE = "dateline";
  /** What an id is derived from when there is neither an id nor a url: {@link SourceFile#idName()}. */
  public static final String ID_NAME = "id_name";

  public RawArticle {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(content, "content");
    fields = fields == null ? Map.of() : Map.copyOf(fields);
  }

  /** A metadata field, or null. */
  public String field(String key) {
    return fields.get(key);
  }

  /**
   * What this article's id is derived from when it has neither an id nor a url ({@link
   * org.newsdesk.index.clean.ArticleIds}): the {@link #ID_NAME} its reader gave, else the file name of the origin.
   */
  public String idName() {
    String name = fields.get(ID_NAME);
    if (name != null) {
      return name;
    }
    String file = origin.replace('\\', '/');
    return file.substring(file.lastIndexOf('/') + 1);
  }
}
