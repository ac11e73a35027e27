/** Extraction benchmarks: quality of the HTML cleaner on the extraction corpus, and its throughput. */
package org.newsdesk.bench.extraction;
