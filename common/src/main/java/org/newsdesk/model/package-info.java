/** Immutable records shared by the index builder and the searcher: {@link org.newsdesk.model.Article} and its parts. */
package org.newsdesk.model;
