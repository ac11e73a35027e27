package org.newsdesk.index.clean;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.newsdesk.index.corpus.SourceFile;

/** Derives stable article ids when the source gives none. */
public final class ArticleIds {
  private ArticleIds() {}

  /**
   * An id for an article: the given one if present, else one derived from the url (host and path), else from the
   * file name of the origin. The same input always gets the same id. Readers of one-article files give the path
   * relative to the corpus root; {@link #fromPath} makes ids from it that do not collide across folders.
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

  /**
   * An id from a file's path relative to its corpus root ({@code raw/2020/story.txt.gz} → {@code raw-2020-story}):
   * the extensions of the file name dropped, the rest as a slug. Over 80 characters, the slug keeps its end and
   * gains a short hash of the whole path, so long paths stay distinct.
   */
  public static String fromPath(String relativePath) {
    String p = relativePath.replace('\\', '/').replaceFirst("^(\\./)+", "");
    int slash = p.lastIndexOf('/');
    String name = p.substring(slash + 1).replaceFirst("(\\.[A-Za-z0-9]{1,6})+$", "");
    String full = slug((slash < 0 ? "" : p.substring(0, slash + 1)) + name, Integer.MAX_VALUE);
    if (full.length() <= 80) {
      return full;
    }
    String tail = full.substring(full.length() - 73).replaceAll("^-+", "");
    return tail + "-" + SourceFile.hash(relativePath.getBytes(StandardCharsets.UTF_8)).substring(0, 6);
  }

  private static String slug(String s) {
    return slug(s, 80);
  }

  private static String slug(String s, int max) {
    String slug = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > max) {
      slug = slug.substring(0, max).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "article" : slug;
  }
}
