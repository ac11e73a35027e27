/** Benchmarks and evaluations, each a main class run through {@code bench/run}; none runs in the default test build. */
package org.newsdesk.bench;
