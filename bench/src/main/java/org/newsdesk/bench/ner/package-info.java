/** Named-entity tagging benchmarks: CoNLL-2003 precision, recall and F1, and tagging cost relative to indexing. */
package org.newsdesk.bench.ner;
