package org.newsdesk.cli;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A DATE argument: a day ({@code 2020-09-27}), a month ({@code 2020-09}) or a year ({@code 2020}), meaning its
 * whole span. {@code --from} takes the span's first day and {@code --to} its last, so {@code --to 2020-09} ends on
 * 30 September.
 *
 * @param first the first day of the span
 * @param last the last day of the span, not before {@code first}
 */
record DateSpan(LocalDate first, LocalDate last) {
  private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");

  DateSpan {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("date span ends " + last + " before it starts " + first);
    }
  }

  /**
   * Parses a DATE.
   *
   * @throws IllegalArgumentException with a message that shows the accepted forms
   */
  static DateSpan parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("bad date '" + text + "': use YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2020-09-27, 2020-09, 2020)");
    }
    try {
      int year = Integer.parseInt(m.group(1));
      if (m.group(2) == null) {
        Year y = Year.of(year);
        return new DateSpan(y.atDay(1), y.atMonth(12).atEndOfMonth());
      }
      YearMonth ym = YearMonth.of(year, Integer.parseInt(m.group(2)));
      if (m.group(3) == null) {
        return new DateSpan(ym.atDay(1), ym.atEndOfMonth());
      }
      LocalDate day = ym.atDay(Integer.parseInt(m.group(3)));
      return new DateSpan(day, day);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("bad date '" + text + "': no such day or month"
          + " (use YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2020-09-27, 2020-09, 2020)", e);
    }
  }

  /** The picocli converter, so a bad DATE is a usage error (exit 2) naming the option. */
  static final class Converter implements ITypeConverter<DateSpan> {
    @Override
    public DateSpan convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
