/** Turns raw articles into clean {@link org.newsdesk.model.Article}s: boilerplate stripped, title, date, source and captions extracted. */
package org.newsdesk.index.clean;
