package org.newsdesk.index.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublishedDatesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      2020-09-27                      | 2020-09-27
      2020-09-27T17:38:00Z            | 2020-09-27T17:38:00Z
      2020-09-27T17:38:00+03:00       | 2020-09-27T17:38:00+03:00
      2020-09-27T17:38                | 2020-09-27T17:38:00Z
      2020-09-27 17:38:12             | 2020-09-27T17:38:12Z
      2020-09-27 17:38:12+02:00       | 2020-09-27T17:38:12+02:00
      2020-09-27T17:38:00.123Z        | 2020-09-27T17:38:00.123Z
      'Sun, 27 Sep 2020 17:38:00 GMT' | 2020-09-27T17:38:00Z
      'Sun, 27 Sep 2020 17:38:00 +0300' | 2020-09-27T17:38:00+03:00
      26-FEB-1987 15:01:01.79         | 1987-02-26T15:01:01Z
      ' 2-MAR-1987 10:15:30.42'       | 1987-03-02T10:15:30Z
      '27 Sep, 2020 17:38'            | 2020-09-27T17:38:00Z
      27 September 2020               | 2020-09-27
      'Sep 27, 2020'                  | 2020-09-27
      'September 27, 2020, Sunday'    | 2020-09-27
      'Sunday, September 27, 2020'    | 2020-09-27
      19900101                        | 1990-01-01
      880212                          | 1988-02-12
      '  27   Sep,  2020   17:38 '    | 2020-09-27T17:38:00Z
      'Sun, 27 Sep 2020 17:38:00 EDT' | 2020-09-27T17:38:00-04:00
      'Sun, 27 Sep 2020 17:38:00 CEST' | 2020-09-27T17:38:00+02:00
      '27 Sep 2020 17:38 PDT'         | 2020-09-27T17:38:00-07:00
      03/24/87                        | 1987-03-24
      ' 03/24/87'                     | 1987-03-24
      27/09/2020                      | 2020-09-27
      9/7/2020                        | 2020-09-07
      27.09.2020                      | 2020-09-27
      '27.09.2020 17:38'              | 2020-09-27T17:38:00Z
      """)
  void parsesNewsDateForms(String text, String iso) {
    assertEquals(iso, PublishedDates.parse(text).orElseThrow(() -> new AssertionError("not parsed: " + text)).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "yesterday", "2021-02-30", "31-FOO-1987", "99999999", "27 Sep, 2020 25:61",
      "2020-09-27T17:38:00+25:00", "1234", "Sep 2020"})
  void rejectsWhatIsNotADate(String text) {
    assertTrue(PublishedDates.parse(text).isEmpty(), text);
  }

  @Test
  void monthNamesDoNotDependOnTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertEquals("1987-10-19", PublishedDates.parse("19 OCT 1987").orElseThrow().toString());
      assertEquals("2020-04-01", PublishedDates.parse("1 APRIL 2020").orElseThrow().toString());
      assertEquals("1987-02-26T15:01:01Z", PublishedDates.parse("26-FEB-1987 15:01:01.79").orElseThrow().toString());
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void zonelessTimesAreReadAsUtc() {
    assertEquals(java.time.ZoneOffset.UTC, PublishedDates.ASSUMED_ZONE);
    assertEquals(java.time.ZoneOffset.UTC, PublishedDates.parseDateline("27 Sep, 2020 17:38").orElseThrow().offset());
  }

  /** Datelines as sites write them around the seed's form: 12-hour times, a zone, an update note after. */
  @Test
  void datelinesWithTwelveHourTimesZonesAndUpdateNotes() {
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put("27 Sep, 2020 17:38", "2020-09-27T17:38:00Z");
    cases.put("27 Sep, 2020 17:38 GMT+3", "2020-09-27T17:38:00+03:00");
    cases.put("27 Sep, 2020 17:38 UTC", "2020-09-27T17:38:00Z");
    cases.put("Sep 27, 2020 5:38 PM", "2020-09-27T17:38:00Z");
    cases.put("Sep 27, 2020 12:05 a.m.", "2020-09-27T00:05:00Z");
    cases.put("September 27, 2020, 5:38 pm GMT-04:00", "2020-09-27T17:38:00-04:00");
    cases.put("27 Sep, 2020 17:38 +0530", "2020-09-27T17:38:00+05:30");
    cases.put("27 Sep, 2020 17:38 (Updated: 28 Sep, 2020 08:10)", "2020-09-27T17:38:00Z");
    cases.put("27 Sep, 2020 17:38 | Updated 28 Sep, 2020 08:10", "2020-09-27T17:38:00Z");
    cases.put("27 Sep, 2020 17:38 | Last updated: Sep 28, 2020 8:10 am", "2020-09-27T17:38:00Z");
    cases.put("27 Sep, 2020 17:38 | Updated 28 Sep, 2020 at 08:10", "2020-09-27T17:38:00Z");
    cases.put("Sep 27, 2020 | Last Updated: Monday, Sep 28, 2020", "2020-09-27");
    cases.put("Sep 27, 2020 | Updated Sep 28 2020 08:10 GMT+3", "2020-09-27");
    cases.put("Sep 27, 2020 | Updated: 28/09/2020 08:10", "2020-09-27");
    cases.put("Sep 27, 2020 | Updated Sep 28", "2020-09-27");
    cases.put("Published: 27 Sep, 2020 17:38", "2020-09-27T17:38:00Z");
    cases.put("First published on Sunday 27 September 2020 17.38 BST", "2020-09-27T17:38:00+01:00");
    cases.put("Posted Sep 27, 2020", "2020-09-27");
    cases.put("2020-09-27 17:38", "2020-09-27T17:38:00Z");
    cases.put("2020-09-27", "2020-09-27");
    cases.put("September 28, 2020 9:05 AM EDT", "2020-09-28T09:05:00-04:00");
    cases.forEach((line, expected) ->
        assertEquals(expected, PublishedDates.parseDateline(line).map(Object::toString).orElse("none"), line));
    // a line that goes on into text is no dateline: the raw cleaner would drop it from the body
    for (String notOne : List.of("27 Sep, 2020 17:38 PM", "Published: the council's report", "2020-09-27 and more",
        "Sep 27, 2020 3.5% higher", "27 Sep, 2020 17:38 GMT+25", "Sep 27, 2020 and more",
        "March 5, 2020 | Updated figures show the council spent far more than it said",
        "5 March 2020 (Updated figures, published by the auditor on Friday, show more",
        "Sep 27, 2020 17:38 | Updated Sep 28 | By Jane Roe, Moscow correspondent")) {
      assertEquals(java.util.Optional.empty(), PublishedDates.parseDateline(notOne), notOne);
    }
    assertEquals("2020-09-27T17:38:00+03:00", PublishedDates.parse("2020-09-27T17:38:00+0300").orElseThrow().toString());
  }

  @Test
  void singleSpacedIsReplaceAllOfRegexWhiteSpace() {
    java.util.Random random = new java.util.Random(3);
    String alphabet = "ab1:  \t\n\u000B\f\r\u00A0\u2003-";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(12); k > 0; k--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = b.toString();
      org.junit.jupiter.api.Assertions.assertEquals(s.replaceAll("\\s+", " "), PublishedDates.singleSpaced(s), s);
    }
  }
}
