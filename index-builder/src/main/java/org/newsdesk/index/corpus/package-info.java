/** Reads input files of every supported format into {@link org.newsdesk.index.corpus.RawArticle}s. */
package org.newsdesk.index.corpus;
