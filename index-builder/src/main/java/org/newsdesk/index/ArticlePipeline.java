package org.newsdesk.index;

import org.newsdesk.index.clean.ArticleCleaner;
import org.newsdesk.index.clean.SkippedArticleException;
import org.newsdesk.index.corpus.RawArticle;
import org.newsdesk.index.enrich.EntityTagger;
import org.newsdesk.model.Article;

/** Raw article → clean → tag. Stateless stages, so one pipeline serves every worker thread. */
public final class ArticlePipeline {
  private final ArticleCleaner cleaner;
  private final EntityTagger tagger;

  public ArticlePipeline(ArticleCleaner cleaner, EntityTagger tagger) {
    this.cleaner = cleaner;
    this.tagger = tagger;
  }

  /** The cleaned, tagged article. */
  public Article process(RawArticle raw) throws SkippedArticleException {
    return tag(clean(raw));
  }

  /** The first stage alone: the cleaned article, not yet tagged (builds time the two stages apart). */
  public Article clean(RawArticle raw) throws SkippedArticleException {
    return cleaner.clean(raw);
  }

  /** The second stage alone: the article with its entities. */
  public Article tag(Article cleaned) {
    return tagger.tag(cleaned);
  }
}
