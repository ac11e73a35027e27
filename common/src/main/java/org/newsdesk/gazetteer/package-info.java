/** The gazetteer file format: named entities with ids, display names, types and aliases, read and validated here. */
package org.newsdesk.gazetteer;
