package org.newsdesk.index.clean;

import java.time.ZoneOffset;
import java.util.Optional;
import org.newsdesk.index.corpus.PublishedDates;
import org.newsdesk.model.Published;

/**
 * Parses the datelines scraped news text carries, such as {@code 27 Sep, 2020 17:38}, and the date values of
 * structured sources.
 *
 * <p>A dateline's time has no zone: newsdesk reads it as UTC ({@link #ASSUMED_ZONE}); docs/ingestion.md says why.
 */
public final class Datelines {
  /** The zone a zone-less dateline is read in. */
  public static final ZoneOffset ASSUMED_ZONE = PublishedDates.ASSUMED_ZONE;

  private Datelines() {}

  /** Parses a whole line as a dateline ({@code 27 Sep, 2020 17:38}, {@code Sep 27, 2020}), or empty if it is not one. */
  public static Optional<Published> parse(String line) {
    return PublishedDates.parseDateline(line);
  }

  /**
   * Parses a date value: ISO-8601 first (a local date-time without offset is read as UTC), then the other forms
   * {@link PublishedDates#parse} accepts.
   */
  public static Optional<Published> parseIso(String text) {
    return PublishedDates.parse(text);
  }
}
