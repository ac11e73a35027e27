/** Wires the ingestion stages together and owns the Lucene index writer: {@link org.newsdesk.index.IndexBuilder} is the facade. */
package org.newsdesk.index;
