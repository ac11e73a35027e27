/** What the machine was doing while a benchmark ran, printed with its figures. */
package org.newsdesk.bench.machine;
