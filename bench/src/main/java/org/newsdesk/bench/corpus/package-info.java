/**
 * The synthetic news corpus: a deterministic generator of realistic articles (Zipfian English vocabulary, lognormal
 * lengths, gazetteer entities, occasional ceasefire stories) and writers for JSON Lines and seed-style raw text.
 */
package org.newsdesk.bench.corpus;
