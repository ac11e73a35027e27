package org.newsdesk.index.clean.html;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsdesk.index.clean.Datelines;
import org.newsdesk.model.Published;

/**
 * Parses the dates pages carry: ISO-8601 with or without offset ({@code 2020-09-27T17:38:00+0000}), compact
 * ({@code 20200927}), RFC 1123, and written-out dates ({@code September 27, 2020 5:38 PM}, {@code 27 Sep 2020}).
 * A time without zone is read in {@link Datelines#ASSUMED_ZONE}; GMT/UTC and numeric offsets are honoured.
 */
final class DateText {
  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*"
          + "(Z|[+-]\\d{2}(?::?\\d{2})?|UTC|GMT)?)?");
  private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})(?:T?(\\d{2})(\\d{2})(\\d{2})?)?Z?$");
  private static final String MONTHS =
      "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
          + "oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  private static final String TIME =
      "(?:(?:\\s*(?:,|at\\b|[-|•·]))?\\s*(\\d{1,2})[:.](\\d{2})(?::\\d{2})?\\s*([ap]\\.?m\\.?)?"
          + "(?:\\s*(GMT|UTC|[ECMP][SD]T|BST|CEST|CET|EEST|EET|MSK|JST|AEST|AEDT)\\b)?)?";
  /** {@code September 27, 2020}, {@code Sep. 27 2020}, with an optional time. */
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
      "(?iu)\\b" + MONTHS + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b" + TIME);
  /** {@code 27 September 2020}, {@code 27 Sep, 2020}, with an optional time. */
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
      "(?iu)\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+" + MONTHS + ",?\\s+(\\d{4})\\b" + TIME);
  /** {@code 27.09.2020}, the European numeric form. */
  private static final Pattern DOTTED = Pattern.compile("\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b");
  private static final Map<String, Integer> MONTH_NUMBERS = Map.ofEntries(
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
      Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
      Map.entry("nov", 11), Map.entry("dec", 12));
  /** Dates before this are not publication dates of web pages. */
  private static final int MIN_YEAR = 1990;

  private DateText() {}

  /** Parses a whole attribute value (meta content, {@code datetime}, JSON-LD), trying every known form. */
  static Optional<Published> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String s = value.strip();
    Matcher m = COMPACT.matcher(s);
    if (m.matches()) {
      return build(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), null, null);
    }
    m = ISO.matcher(s);
    if (m.find() && m.start() < 3) {
      return build(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), null, m.group(7));
    }
    return find(s);
  }

  /** Finds the first written-out date in running text, such as a dateline. */
  static Optional<Published> find(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher a = MONTH_DAY_YEAR.matcher(text);
    Matcher b = DAY_MONTH_YEAR.matcher(text);
    Matcher c = DOTTED.matcher(text);
    int ia = a.find() ? a.start() : Integer.MAX_VALUE;
    int ib = b.find() ? b.start() : Integer.MAX_VALUE;
    int ic = c.find() ? c.start() : Integer.MAX_VALUE;
    if (ia == Integer.MAX_VALUE && ib == Integer.MAX_VALUE && ic == Integer.MAX_VALUE) {
      Matcher iso = ISO.matcher(text);
      if (iso.find()) {
        return build(iso.group(1), iso.group(2), iso.group(3), iso.group(4), iso.group(5), null, iso.group(7));
      }
      return Optional.empty();
    }
    if (ia <= ib && ia <= ic) {
      return build(a.group(3), month(a.group(1)), a.group(2), a.group(4), a.group(5), a.group(6), a.group(7));
    }
    if (ib <= ic) {
      return build(b.group(3), month(b.group(2)), b.group(1), b.group(4), b.group(5), b.group(6), b.group(7));
    }
    return build(c.group(3), c.group(2), c.group(1), null, null, null, null);
  }

  private static String month(String name) {
    Integer n = MONTH_NUMBERS.get(name.toLowerCase(Locale.ROOT).substring(0, 3));
    return n == null ? "0" : n.toString();
  }

  private static Optional<Published> build(String year, String month, String day, String hour, String minute,
      String ampm, String zone) {
    try {
      LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
      if (date.getYear() < MIN_YEAR || date.getYear() > 2100) {
        return Optional.empty();
      }
      if (hour == null || minute == null) {
        return Optional.of(Published.ofDate(date));
      }
      int h = Integer.parseInt(hour);
      if (ampm != null) {
        boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
        h = h % 12 + (pm ? 12 : 0);
      }
      LocalDateTime time = date.atTime(h, Integer.parseInt(minute));
      return Optional.of(Published.of(time.atOffset(offset(zone))));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static ZoneOffset offset(String zone) {
    if (zone == null || zone.equalsIgnoreCase("Z") || zone.equalsIgnoreCase("UTC") || zone.equalsIgnoreCase("GMT")) {
      return zone == null ? Datelines.ASSUMED_ZONE : ZoneOffset.UTC;
    }
    ZoneOffset named = org.newsdesk.index.corpus.PublishedDates.ZONE_NAMES.get(zone.toUpperCase(Locale.ROOT));
    if (named != null) {
      return named;
    }
    String z = zone.length() == 5 && zone.indexOf(':') < 0 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone;
    return ZoneOffset.of(z);
  }
}
