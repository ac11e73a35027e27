package org.newsdesk.index.clean;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsdesk.model.Published;

/**
 * Parses the datelines scraped news text carries, such as {@code 27 Sep, 2020 17:38}.
 *
 * <p>A dateline's time has no zone: newsdesk reads it as UTC ({@link #ASSUMED_ZONE}), and says so in the README.
 */
public final class Datelines {
  /** The zone a zone-less dateline is read in. */
  public static final ZoneOffset ASSUMED_ZONE = ZoneOffset.UTC;

  /** {@code 27 Sep, 2020 17:38}, {@code 27 September 2020 17:38}, {@code 27 Sep 2020}. */
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
      "^(\\d{1,2}) ([A-Za-z]{3,9})\\.?,? (\\d{4})(?:,? (\\d{1,2}):(\\d{2}))?$");
  /** {@code Sep 27, 2020 17:38}. */
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
      "^([A-Za-z]{3,9})\\.? (\\d{1,2}),? (\\d{4})(?:,? (\\d{1,2}):(\\d{2}))?$");
  private static final DateTimeFormatter MONTH = new DateTimeFormatterBuilder()
      .parseCaseInsensitive().appendPattern("MMM").toFormatter(Locale.ENGLISH);
  private static final DateTimeFormatter MONTH_FULL = new DateTimeFormatterBuilder()
      .parseCaseInsensitive().appendPattern("MMMM").toFormatter(Locale.ENGLISH);

  private Datelines() {}

  /** Parses a whole line as a dateline, or empty if it is not one. */
  public static Optional<Published> parse(String line) {
    String s = line.strip();
    Matcher m = DAY_MONTH_YEAR.matcher(s);
    if (m.matches()) {
      return build(m.group(3), m.group(2), m.group(1), m.group(4), m.group(5));
    }
    m = MONTH_DAY_YEAR.matcher(s);
    if (m.matches()) {
      return build(m.group(3), m.group(1), m.group(2), m.group(4), m.group(5));
    }
    return Optional.empty();
  }

  private static Optional<Published> build(String year, String month, String day, String hour, String minute) {
    Optional<Integer> monthNumber = month(month);
    if (monthNumber.isEmpty()) {
      return Optional.empty();
    }
    try {
      LocalDate date = LocalDate.of(Integer.parseInt(year), monthNumber.get(), Integer.parseInt(day));
      if (hour == null) {
        return Optional.of(Published.ofDate(date));
      }
      LocalDateTime time = date.atTime(Integer.parseInt(hour), Integer.parseInt(minute));
      return Optional.of(Published.of(time.atOffset(ASSUMED_ZONE)));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Integer> month(String name) {
    String n = name.length() > 3 && name.length() != 4 ? name : name.substring(0, Math.min(3, name.length()));
    try {
      return Optional.of(MONTH.parse(n.substring(0, 3)).get(java.time.temporal.ChronoField.MONTH_OF_YEAR));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(MONTH_FULL.parse(name).get(java.time.temporal.ChronoField.MONTH_OF_YEAR));
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  /** Parses an ISO-8601 date or date-time; a local date-time without offset is read as UTC. */
  public static Optional<Published> parseIso(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String s = text.strip();
    try {
      return Optional.of(Published.parse(s));
    } catch (IllegalArgumentException e) {
      try {
        return Optional.of(Published.of(LocalDateTime.parse(s).atOffset(ASSUMED_ZONE)));
      } catch (DateTimeParseException e2) {
        try {
          return Optional.of(Published.of(java.time.ZonedDateTime.parse(s).toOffsetDateTime()));
        } catch (DateTimeParseException e3) {
          return Optional.empty();
        }
      }
    }
  }
}
