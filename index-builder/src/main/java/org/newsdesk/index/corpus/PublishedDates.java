package org.newsdesk.index.corpus;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsdesk.model.Published;

/**
 * Parses the date values news sources write into a {@link Published}.
 *
 * <p>Accepted, in this order: ISO-8601 dates and date-times (with or without offset, {@code T} or a space between
 * date and time); RFC 1123 / RFC 822 ({@code Sun, 27 Sep 2020 17:38:00 GMT}); Reuters-21578
 * ({@code 26-FEB-1987 15:01:01.79}); day-month-year and month-day-year with English month names
 * ({@code 27 Sep, 2020 17:38}, {@code September 27, 2020}, optionally with a weekday); compact
 * {@code YYYYMMDD} and {@code YYMMDD} (TREC collections; two-digit years 50-99 are 19xx, 00-49 are 20xx).
 *
 * <p>A time without a zone is read in {@link #ASSUMED_ZONE} (UTC): scraped datelines and wire timestamps carry no
 * zone, and UTC is the only choice that does not depend on the machine running the indexer. Stateless.
 */
public final class PublishedDates {
  /** The zone a zone-less time is read in. */
  public static final ZoneOffset ASSUMED_ZONE = ZoneOffset.UTC;

  private static final Pattern ISO_LOCAL = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?)$");
  private static final Pattern ISO_OFFSET_SPACE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}.*)$");
  private static final Pattern REUTERS = Pattern.compile(
      "^(\\d{1,2})-([A-Za-z]{3})-(\\d{4})(?: (\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?$");
  private static final String WEEKDAY = "(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\\.?,? )?";
  /**
   * A time after the date: {@code 17:38}, {@code 17.38} (British style), {@code 5:38 PM}, with an optional zone, {@code GMT}, {@code UTC+3},
   * {@code GMT+03:00} or {@code +0300} (groups: hour, minute, am/pm, zone name, offset). Without a zone the time is
   * read in {@link #ASSUMED_ZONE}.
   */
  private static final String TIME = "(?:,? (?:at )?(\\d{1,2})[:.](\\d{2})(?::\\d{2})?(?: ?([AaPp])\\.?[Mm]\\.?)?"
      + "(?: ?(GMT|UTC|Z|[ECMP][SD]T|BST|CEST|CET|EEST|EET|MSK|JST|AEST|AEDT)?([+-]\\d{1,2}(?::?\\d{2})?)?)?)?";
  /**
   * Zone abbreviations news sites write after a time, and their offsets: RFC 822's North American ones and the common
   * European and Asian ones. Ambiguous ones ({@code IST}: India, Ireland, Israel) are left out, so the time is read in
   * {@link #ASSUMED_ZONE} like a time without a zone.
   */
  public static final Map<String, ZoneOffset> ZONE_NAMES = Map.ofEntries(
      Map.entry("EST", ZoneOffset.ofHours(-5)), Map.entry("EDT", ZoneOffset.ofHours(-4)),
      Map.entry("CST", ZoneOffset.ofHours(-6)), Map.entry("CDT", ZoneOffset.ofHours(-5)),
      Map.entry("MST", ZoneOffset.ofHours(-7)), Map.entry("MDT", ZoneOffset.ofHours(-6)),
      Map.entry("PST", ZoneOffset.ofHours(-8)), Map.entry("PDT", ZoneOffset.ofHours(-7)),
      Map.entry("BST", ZoneOffset.ofHours(1)), Map.entry("CET", ZoneOffset.ofHours(1)),
      Map.entry("CEST", ZoneOffset.ofHours(2)), Map.entry("EET", ZoneOffset.ofHours(2)),
      Map.entry("EEST", ZoneOffset.ofHours(3)), Map.entry("MSK", ZoneOffset.ofHours(3)),
      Map.entry("JST", ZoneOffset.ofHours(9)), Map.entry("AEST", ZoneOffset.ofHours(10)),
      Map.entry("AEDT", ZoneOffset.ofHours(11)));
  private static final Pattern TRAILING_ZONE_NAME = Pattern.compile(" ([A-Z]{3,4})$");
  /**
   * A date in numbers with slashes, {@code 03/24/87} (the WSJ's and AP's {@code DD} fields, US feeds): month first, as
   * the US writes it, unless the first number cannot be a month ({@code 27/09/2020}); a two-digit year is 1950-2049.
   */
  private static final Pattern SLASHED = Pattern.compile("^(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})$");
  /** {@code 27.09.2020 17:38}: day, month and year in numbers with dots, as most of Europe writes them. */
  private static final Pattern DOTTED = Pattern.compile("^" + WEEKDAY + "(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})" + TIME + "$");
  private static final String WEEKDAY_AFTER = "(?:,? (?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*)?";
  /**
   * An update note after a dateline, {@code (Updated: 28 Sep, 2020 08:10)} or {@code | Last updated: Monday, Sep 28}:
   * groups: the dateline, the note. The note must itself read as a date ({@link #isDateLike}), so that a line that
   * goes on into text ("| Updated figures show ...") is not taken for a dateline and dropped from the body.
   */
  private static final Pattern UPDATE_NOTE = Pattern.compile(
      "^(.+?) ?(?:\\| ?|\\()(?:[Ll]ast )?[Uu]pdated:? (.+)$");
  /** A note's date without a year ({@code Sep 28}, {@code 28 Sep, 08:10}) or in numbers ({@code 28/09/2020}). */
  private static final Pattern SHORT_DATE = Pattern.compile("^" + WEEKDAY
      + "(?:([A-Za-z]{3,9})\\.? \\d{1,2}|\\d{1,2} ([A-Za-z]{3,9})\\.?|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4})"
      + "(?:,? (?:at )?\\d{1,2}:\\d{2}(?::\\d{2})?(?: ?[AaPp]\\.?[Mm]\\.?)?(?: ?(?:GMT|UTC)?[+-]?\\d{0,2}(?::?\\d{2})?)?)?$");

  private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
      "^" + WEEKDAY + "(\\d{1,2}) ([A-Za-z]{3,9})\\.?,? (\\d{4})" + TIME + WEEKDAY_AFTER + "$");
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
      "^" + WEEKDAY + "([A-Za-z]{3,9})\\.? (\\d{1,2}),? (\\d{4})" + TIME + WEEKDAY_AFTER + "$");
  /** An ISO offset written without its colon, {@code +0300}, which java.time does not read. */
  private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");
  private static final Pattern COMPACT = Pattern.compile("^(\\d{2}|\\d{4})(\\d{2})(\\d{2})$");
  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
      Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("sept", 9),
      Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
  private static final Map<String, Integer> FULL_MONTHS = Map.ofEntries(
      Map.entry("january", 1), Map.entry("february", 2), Map.entry("march", 3), Map.entry("april", 4),
      Map.entry("may", 5), Map.entry("june", 6), Map.entry("july", 7), Map.entry("august", 8),
      Map.entry("september", 9), Map.entry("october", 10), Map.entry("november", 11), Map.entry("december", 12));

  /** Regular-expression white space, {@code \\s}: space, tab, line feed, vertical tab, form feed, return. */
  private static final Pattern REGEX_SPACES = Pattern.compile("\\s+");

  private PublishedDates() {}

  /**
   * Parses a date value in any accepted form.
   *
   * @return the value, or empty if it is blank or in no accepted form (the caller reports it)
   */
  public static Optional<Published> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String s = singleSpaced(text.strip());
    Optional<Published> p = iso(s);
    if (p.isEmpty()) {
      p = rfc1123(s);
    }
    if (p.isEmpty()) {
      p = reuters(s);
    }
    if (p.isEmpty()) {
      p = dayMonthYear(s);
    }
    if (p.isEmpty()) {
      p = compact(s);
    }
    if (p.isEmpty()) {
      p = slashed(s);
    }
    if (p.isEmpty()) {
      p = dotted(s);
    }
    return p;
  }

  /**
   * Parses only a whole-line dateline such as {@code 27 Sep, 2020 17:38}, {@code Sep 27, 2020},
   * {@code 27.09.2020 17:38} or {@code 2020-09-27 17:38}, after an optional label ({@code Published: },
   * {@code Posted on }).
   */
  public static Optional<Published> parseDateline(String line) {
    if (line == null) {
      return Optional.empty();
    }
    String s = singleSpaced(line.strip());
    Matcher label = DATELINE_LABEL.matcher(s);
    if (label.lookingAt()) {
      s = s.substring(label.end());
    }
    Optional<Published> p = dayMonthYear(s);
    if (p.isEmpty()) {
      p = dotted(s);
    }
    return p.isPresent() ? p : iso(s);
  }

  /**
   * A label before a dateline: {@code Published: }, {@code First published on }, {@code Posted }, {@code Date: },
   * {@code Updated: } (a page that gives only its last update: the best date there is).
   */
  private static final Pattern DATELINE_LABEL = Pattern.compile(
      "(?i)(?:first |last )?(?:published|posted|updated|dated?)(?: on)?:? ");

  /**
   * {@code s.replaceAll("\\s+", " ")}; a value that already has only single spaces (nearly all) is returned as it
   * is, without the pattern compiled per call that replaceAll costs (two dates per article: reader and cleaner).
   */
  static String singleSpaced(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
          || c == ' ' && i + 1 < s.length() && s.charAt(i + 1) == ' ') {
        return REGEX_SPACES.matcher(s).replaceAll(" ");
      }
    }
    return s;
  }

  private static Optional<Published> iso(String s) {
    if (s.length() < 10 || !Character.isDigit(s.charAt(0))) {
      return Optional.empty();
    }
    try {
      return Optional.of(Published.parse(s));
    } catch (IllegalArgumentException e) {
      // not a plain ISO date or offset date-time; try the local and zoned forms below
    }
    Matcher local = ISO_LOCAL.matcher(s);
    if (local.matches()) {
      try {
        return Optional.of(Published.of(LocalDateTime.parse(local.group(1) + "T" + local.group(2).replace(',', '.'))
            .atOffset(ASSUMED_ZONE)));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    Matcher spaced = ISO_OFFSET_SPACE.matcher(s);
    String t = spaced.matches() ? spaced.group(1) + "T" + spaced.group(2).replace(" ", "") : s;
    Matcher noColon = OFFSET_WITHOUT_COLON.matcher(t);
    if (t.indexOf('T') > 0 && noColon.find()) {
      t = t.substring(0, noColon.start()) + noColon.group(1) + ":" + noColon.group(2);
    }
    try {
      return Optional.of(Published.of(OffsetDateTime.parse(t)));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(Published.of(ZonedDateTime.parse(t).toOffsetDateTime()));
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  private static Optional<Published> rfc1123(String s) {
    if (s.indexOf(':') < 0 || !Character.isLetterOrDigit(s.charAt(0))) {
      return Optional.empty();
    }
    try {
      String t = s.replaceFirst(" (UT|UTC|Z)$", " GMT");
      Matcher named = TRAILING_ZONE_NAME.matcher(t);
      if (named.find() && ZONE_NAMES.containsKey(named.group(1))) { // RFC 822's EDT, which java.time's parser does not read
        t = t.substring(0, named.start()) + " " + ZONE_NAMES.get(named.group(1)).getId().replace(":", "");
      }
      return Optional.of(Published.of(ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Published> reuters(String s) {
    Matcher m = REUTERS.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    return build(m.group(3), m.group(2), m.group(1), m.group(4), m.group(5), m.group(6));
  }

  private static Optional<Published> dayMonthYear(String s) {
    if (s.contains("pdated")) { // most dates have no note: no regular expression for them
      Matcher note = UPDATE_NOTE.matcher(s);
      if (note.matches() && isDateLike(note.group(2))) {
        s = note.group(1); // the first date is the one published
      }
    }
    Matcher m = DAY_MONTH_YEAR.matcher(s);
    if (m.matches()) {
      return build(m.group(3), m.group(2), m.group(1), m.group(4), m.group(5), null, m.group(6), m.group(7), m.group(8));
    }
    m = MONTH_DAY_YEAR.matcher(s);
    if (m.matches()) {
      return build(m.group(3), m.group(1), m.group(2), m.group(4), m.group(5), null, m.group(6), m.group(7), m.group(8));
    }
    return Optional.empty();
  }

  /** Whether an update note reads as a date: a whole date, one without a year, or one in numbers. */
  private static boolean isDateLike(String note) {
    String n = note.strip();
    if (n.endsWith(")")) {
      n = n.substring(0, n.length() - 1).strip();
    }
    if (DAY_MONTH_YEAR.matcher(n).matches() || MONTH_DAY_YEAR.matcher(n).matches() || iso(n).isPresent()) {
      return true;
    }
    Matcher m = SHORT_DATE.matcher(n);
    if (!m.matches()) {
      return false;
    }
    String month = m.group(1) != null ? m.group(1) : m.group(2);
    return month == null || month(month) != null;
  }

  private static Optional<Published> dotted(String s) {
    Matcher m = DOTTED.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    return build(m.group(3), MONTH_NAMES_BY_NUMBER[Math.min(Integer.parseInt(m.group(2)), 13)], m.group(1), m.group(4),
        m.group(5), null, m.group(6), m.group(7), m.group(8));
  }

  /** Month names by number, for {@link #build}, which reads names; 0 and 13 are no month. */
  private static final String[] MONTH_NAMES_BY_NUMBER = {"none", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
      "sep", "oct", "nov", "dec", "none"};

  private static Optional<Published> slashed(String s) {
    Matcher m = SLASHED.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    int a = Integer.parseInt(m.group(1));
    int b = Integer.parseInt(m.group(2));
    int year = Integer.parseInt(m.group(3));
    if (m.group(3).length() == 2) {
      year += year >= 50 ? 1900 : 2000;
    }
    try {
      return Optional.of(Published.ofDate(a > 12 ? LocalDate.of(year, b, a) : LocalDate.of(year, a, b)));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Published> compact(String s) {
    Matcher m = COMPACT.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    int year = Integer.parseInt(m.group(1));
    if (m.group(1).length() == 2) {
      year += year >= 50 ? 1900 : 2000;
    }
    try {
      return Optional.of(Published.ofDate(LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Published> build(String year, String month, String day, String hour, String minute, String second) {
    return build(year, month, day, hour, minute, second, null, null, null);
  }

  /**
   * @param amPm {@code a} or {@code p} for a 12-hour time, else null
   * @param zoneName {@code GMT}, {@code UTC}, {@code Z} or one of {@link #ZONE_NAMES}, else null
   * @param offset {@code +3}, {@code +03:00}, {@code -0530}, else null
   */
  private static Optional<Published> build(String year, String month, String day, String hour, String minute,
      String second, String amPm, String zoneName, String offset) {
    Integer monthNumber = month(month);
    if (monthNumber == null) {
      return Optional.empty();
    }
    try {
      LocalDate date = LocalDate.of(Integer.parseInt(year), monthNumber, Integer.parseInt(day));
      if (hour == null) {
        return Optional.of(Published.ofDate(date));
      }
      int h = Integer.parseInt(hour);
      if (amPm != null) {
        if (h < 1 || h > 12) {
          return Optional.empty(); // "17:38 PM" is no time
        }
        h = h % 12 + (Character.toLowerCase(amPm.charAt(0)) == 'p' ? 12 : 0);
      }
      LocalDateTime time = date.atTime(h, Integer.parseInt(minute), second == null ? 0 : Integer.parseInt(second));
      ZoneOffset zone = ASSUMED_ZONE;
      if (offset != null) {
        String digits = offset.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.length() <= 2 ? digits : digits.substring(0, digits.length() - 2));
        int minutes = digits.length() <= 2 ? 0 : Integer.parseInt(digits.substring(digits.length() - 2));
        zone = ZoneOffset.ofHoursMinutes(offset.charAt(0) == '-' ? -hours : hours, offset.charAt(0) == '-' ? -minutes : minutes);
      } else if (zoneName != null) {
        zone = ZONE_NAMES.getOrDefault(zoneName, ZoneOffset.UTC);
      }
      return Optional.of(Published.of(time.atOffset(zone)));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Integer month(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    Integer full = FULL_MONTHS.get(n);
    return full != null ? full : MONTHS.get(n);
  }
}
