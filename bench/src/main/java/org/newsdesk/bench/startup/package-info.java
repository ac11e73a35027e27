/** The start-up benchmark of {@code newsdesk search}: whole-process time per JVM measure, against ripgrep. */
package org.newsdesk.bench.startup;
