/**
 * Main-content extraction from news web pages: boilerplate pruning, block scoring, sibling merging, text rendering,
 * and page metadata (title, date, source, author, caption). Used by {@link org.newsdesk.index.clean.HtmlArticleCleaner}.
 */
package org.newsdesk.index.clean.html;
