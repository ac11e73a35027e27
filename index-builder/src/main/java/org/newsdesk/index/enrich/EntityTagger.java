package org.newsdesk.index.enrich;

import org.newsdesk.model.Article;

/** Finds named entities in an article and returns a copy that carries them. Implementations are thread-safe. */
@FunctionalInterface
public interface EntityTagger {
  Article tag(Article article);
}
