package org.newsdesk.index.clean;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.newsdesk.index.corpus.SourceFile;

/** Derives stable article ids when the source gives none. */
public final class ArticleIds {
  private ArticleIds() {}

  /**
   * An id for an article: the given one if present, else one derived from the url (host and path), else from the
   * file name of the origin. The same input always gets the same id.
   */
  public static String of(String given, String url, String origin) {
    if (given != null && !given.isBlank()) {
      return given.strip();
    }
    if (url != null && !url.isBlank()) {
      String u = url.strip().replaceFirst("^[a-zA-Z]+://", "").replaceFirst("^www\\.", "").replaceFirst("[?#].*$", "");
      return slug(u) + "-" + SourceFile.hash(url.strip().getBytes(StandardCharsets.UTF_8)).substring(0, 6);
    }
    String name = origin.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    name = name.replaceFirst("(\\.[A-Za-z0-9]{1,6})+$", "");
    return slug(name);
  }

  private static String slug(String s) {
    String slug = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 80) {
      slug = slug.substring(0, 80).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "article" : slug;
  }
}
