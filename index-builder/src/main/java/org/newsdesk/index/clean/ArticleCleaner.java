package org.newsdesk.index.clean;

import org.newsdesk.index.corpus.RawArticle;
import org.newsdesk.model.Article;

/**
 * Turns a raw article into a clean one: boilerplate stripped, title, date, source, caption and credit extracted,
 * text normalized. Implementations are stateless and may be shared across threads.
 */
@FunctionalInterface
public interface ArticleCleaner {
  /**
   * @throws SkippedArticleException when nothing indexable is left (no body)
   */
  Article clean(RawArticle raw) throws SkippedArticleException;
}
