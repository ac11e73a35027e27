package org.newsdesk.index.clean;

import org.newsdesk.index.corpus.RawArticle;
import org.newsdesk.model.Article;

/**
 * Cleans wire copy from SGML news collections (TREC, Reuters-21578): the hard-wrapped text is rejoined into
 * paragraphs, then the reader's fields are used as for JSON Lines. Stateless and thread-safe.
 *
 * <p>In that copy a paragraph starts after a blank line or on an indented line; every other line break is only the
 * wire's wrapping and becomes a space. Tables, whose rows are indented, therefore keep one row per paragraph.
 */
public final class WireTextCleaner implements ArticleCleaner {
  private final JsonArticleCleaner fields = new JsonArticleCleaner();

  @Override
  public Article clean(RawArticle raw) throws SkippedArticleException {
    return fields.clean(new RawArticle(raw.origin(), raw.format(), unwrap(raw.content()), raw.fields(), raw.contentHash()));
  }

  /** Joins wrapped lines: a new paragraph starts after a blank line or at an indented line. */
  static String unwrap(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean paragraphOpen = false;
    for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      if (line.isBlank()) {
        paragraphOpen = false;
        continue;
      }
      boolean indented = Character.isWhitespace(line.charAt(0));
      if (paragraphOpen && !indented) {
        out.append(' ');
      } else if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append(line.strip());
      paragraphOpen = true;
    }
    return out.toString();
  }
}
