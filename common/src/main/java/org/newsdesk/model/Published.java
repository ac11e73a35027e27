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
 * <p>Date-only values sort as midnight UTC of that day; date filters take every article on the date it shows.
 * {@link #toString()} gives ISO-8601:
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
    Published fast = parseCommonForm(text);
    if (fast != null) {
      return fast;
    }
    try {
      if (text.length() <= 10) {
        return ofDate(LocalDate.parse(text));
      }
      return of(OffsetDateTime.parse(text));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 date or date-time: '" + iso + "'", e);
    }
  }

  /**
   * The forms {@link #toString()} writes for whole seconds ({@code 2020-09-27}, {@code 2020-09-27T17:38:00Z},
   * {@code 2020-10-17T14:05:00+04:00}) read without a {@code DateTimeFormatter}, which costs microseconds per search
   * hit; null for any other text or an invalid value, which the formatter then parses or rejects.
   */
  private static Published parseCommonForm(String t) {
    int n = t.length();
    if (n != 10 && n != 20 && n != 25 || !digits(t, 0, 4) || t.charAt(4) != '-' || !digits(t, 5, 7) || t.charAt(7) != '-'
        || !digits(t, 8, 10)) {
      return null;
    }
    try {
      LocalDate date = LocalDate.of(number(t, 0, 4), number(t, 5, 7), number(t, 8, 10));
      if (n == 10) {
        return ofDate(date);
      }
      if (t.charAt(10) != 'T' || !digits(t, 11, 13) || t.charAt(13) != ':' || !digits(t, 14, 16) || t.charAt(16) != ':'
          || !digits(t, 17, 19)) {
        return null;
      }
      LocalTime time = LocalTime.of(number(t, 11, 13), number(t, 14, 16), number(t, 17, 19));
      if (n == 20) {
        return t.charAt(19) == 'Z' ? new Published(date, time, ZoneOffset.UTC) : null;
      }
      char sign = t.charAt(19);
      if (sign != '+' && sign != '-' || !digits(t, 20, 22) || t.charAt(22) != ':' || !digits(t, 23, 25)) {
        return null;
      }
      int s = sign == '+' ? 1 : -1;
      return new Published(date, time, ZoneOffset.ofHoursMinutes(s * number(t, 20, 22), s * number(t, 23, 25)));
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static boolean digits(String t, int from, int to) {
    for (int i = from; i < to; i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String t, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + t.charAt(i) - '0';
    }
    return v;
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
