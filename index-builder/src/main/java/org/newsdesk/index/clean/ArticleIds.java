package org.newsdesk.index.clean;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.newsdesk.index.corpus.InputProblem;
import org.newsdesk.index.corpus.RawArticle;
import org.newsdesk.index.corpus.SourceFile;
import org.newsdesk.model.Printable;

/** Derives stable article ids when the source gives none. */
public final class ArticleIds {
  // Compiled once: String.replaceFirst and replaceAll compile their pattern on every call, five per HTML page.
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z]+://");
  private static final Pattern WWW = Pattern.compile("^www\\.");
  private static final Pattern QUERY_OR_FRAGMENT = Pattern.compile("[?#].*$");
  private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

  /** The longest id accepted: far beyond any real one, and its UTF-8 well under Lucene's term limit. */
  static final int MAX_ID_CHARS = 1000;

  private ArticleIds() {}

  /**
   * An id for an article: the given one if present, else one derived from the url (host and path), else from
   * {@code name} ({@link RawArticle#idName()}: the file name, or a path below a folder when other files share the
   * name) without its extensions. The same input always gets the same id.
   */
  public static String of(String given, String url, String name) throws SkippedArticleException {
    if (given != null && !given.isBlank()) {
      // NFC, as all text is: "café" typed or pasted with a combining accent is one id, not two.
      String id = given.strip();
      if (!java.text.Normalizer.isNormalized(id, java.text.Normalizer.Form.NFC)) {
        id = java.text.Normalizer.normalize(id, java.text.Normalizer.Form.NFC);
      }
      int bad = id.codePoints().filter(Printable::unprintable).findFirst().orElse(-1);
      if (bad >= 0) {
        // Ids are printed one per line (search --ids | show) and shown on terminals: an escape or a line break in
        // one would split it or drive the terminal.
        throw new SkippedArticleException(InputProblem.Kind.BAD_RECORD, String.format(Locale.ROOT,
            "id \"%s\" contains the %s U+%04X; ids must be printable", Printable.escape(id),
            Character.getType(bad) == Character.SURROGATE ? "lone surrogate" : "control character", bad));
      }
      if (id.length() > MAX_ID_CHARS) {
        // An id is one indexed term, and Lucene refuses a term over 32,766 bytes by failing the whole write.
        throw new SkippedArticleException(InputProblem.Kind.BAD_RECORD, "id is " + id.length()
            + " characters long; an id is at most " + MAX_ID_CHARS);
      }
      return id;
    }
    if (url != null && !url.isBlank()) {
      String u = QUERY_OR_FRAGMENT.matcher(WWW.matcher(SCHEME.matcher(url.strip()).replaceFirst("")).replaceFirst(""))
          .replaceFirst("");
      return slug(u) + "-" + SourceFile.hash(url.strip().getBytes(StandardCharsets.UTF_8)).substring(0, 6);
    }
    return SourceFile.nameId(name);
  }

  /** A url's host and path as a lower-case ASCII slug of at most 80 characters, from its start. */
  private static String slug(String s) {
    return SourceFile.slug(NOT_SLUG.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("-"), true);
  }
}
