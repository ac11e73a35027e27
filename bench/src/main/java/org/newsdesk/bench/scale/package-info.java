/** The scale benchmark: full builds at 100k and 1M articles under a heap limit, index size, and query latency. */
package org.newsdesk.bench.scale;
