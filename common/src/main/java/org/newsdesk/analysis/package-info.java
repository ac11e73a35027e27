/** The analysis chains used at index time and query time; both sides build them here so they cannot drift apart. */
package org.newsdesk.analysis;
