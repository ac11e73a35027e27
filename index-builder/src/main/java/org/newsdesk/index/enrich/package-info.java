/** Adds what the text alone does not say: the detected language and the tagged named entities. */
package org.newsdesk.index.enrich;
