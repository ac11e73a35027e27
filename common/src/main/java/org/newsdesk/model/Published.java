package org.newsdesk.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * When an article was published: always a date, and a time with its offset where the source gave one.
 *
 * <p>Date-only values sort and filter as midnight UTC of that day. {@link #toString()} gives ISO-8601:
 * {@code 2020-09-27} for a date, {@code 2020-09-27T17:38:00Z} when the time is known.
 */
public record Published(LocalDate date, LocalTime time, ZoneOffset offset) implements Comparable<Published> {

  public Published {
    Objects.requireNonNull(date, "date");
    if ((time == null) != (offset == null)) {
      throw new IllegalArgumentException("time and offset go together, got time=" + time + " offset=" + offset);
    }
  }

  /** A date without a known time. */
  public static Published ofDate(LocalDate date) {
    return new Published(date, null, null);
  }

  /** A date and time with its offset. */
  public static Published of(OffsetDateTime dateTime) {
    return new Published(dateTime.toLocalDate(), dateTime.toLocalTime(), dateTime.getOffset());
  }

  /**
   * Parses what {@link #toString()} writes: {@code 2020-09-27} or an ISO offset date-time.
   *
   * @throws IllegalArgumentException if the text is neither
   */
  public static Published parse(String iso) {
    String text = iso.strip();
    try {
      if (text.length() <= 10) {
        return ofDate(LocalDate.parse(text));
      }
      return of(OffsetDateTime.parse(text));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 date or date-time: '" + iso + "'", e);
    }
  }

  /** True when the time of day is known. */
  public boolean hasTime() {
    return time != null;
  }

  /** The instant used for sorting and range filters; midnight UTC for a date-only value. */
  public Instant toInstant() {
    return hasTime() ? OffsetDateTime.of(date, time, offset).toInstant() : date.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  @Override
  public int compareTo(Published other) {
    return toInstant().compareTo(other.toInstant());
  }

  @Override
  public String toString() {
    return hasTime()
        ? OffsetDateTime.of(date, time, offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
        : date.toString();
  }
}
