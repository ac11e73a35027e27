/**
 * The Lucene schema in one place: every field name ({@link org.newsdesk.schema.NewsField}), how each is indexed,
 * stored and doc-valued ({@link org.newsdesk.schema.ArticleDocuments}), and the schema version an index records.
 */
package org.newsdesk.schema;
