/**
 * The indexing benchmark: newsdesk's full pipeline (read, clean, tag, index) against raw Lucene on the same texts,
 * side by side in one run, with a profile of where newsdesk's time goes.
 */
package org.newsdesk.bench.indexing;
