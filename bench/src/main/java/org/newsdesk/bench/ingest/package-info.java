/** Ingestion benchmarks: how fast articles are read and cleaned, against indexing the same text. */
package org.newsdesk.bench.ingest;
