/**
 * The embeddable newsdesk search library. {@link org.newsdesk.search.NewsSearcher} is the facade: open an index,
 * send {@link org.newsdesk.search.SearchRequest}s, read {@link org.newsdesk.search.SearchResults}. The request and
 * result types hold no Lucene classes, so another backend can implement {@link org.newsdesk.search.SearchBackend}.
 */
package org.newsdesk.search;
