package org.newsdesk.search;

import java.util.Optional;
import org.newsdesk.model.Article;

/**
 * What a newsdesk search backend offers. {@link NewsSearcher} is the embedded Lucene implementation; a distributed
 * one can implement the same interface, since requests and results hold no Lucene types. Implementations are
 * thread-safe.
 */
public interface SearchBackend extends AutoCloseable {
  /**
   * Runs a search.
   *
   * @throws QuerySyntaxException if the query cannot be parsed
   * @throws SearchException if the index cannot be searched
   */
  SearchResults search(SearchRequest request);

  /**
   * The whole stored article with this id.
   *
   * @throws NullPointerException if {@code id} is null
   */
  Optional<Article> get(String id);

  /**
   * Articles like the one with this id, most similar first; empty results if the id is unknown.
   *
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalArgumentException if {@code limit} is not between 1 and {@link SearchRequest#MAX_LIMIT}
   */
  SearchResults moreLikeThis(String id, int limit);

  @Override
  void close();
}
