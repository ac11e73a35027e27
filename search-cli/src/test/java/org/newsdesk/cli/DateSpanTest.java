package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateSpanTest {
  @Test
  void aDayAMonthOrAYearMeansItsWholeSpan() {
    assertEquals(new DateSpan(LocalDate.of(2020, 9, 27), LocalDate.of(2020, 9, 27)), DateSpan.parse("2020-09-27"));
    assertEquals(new DateSpan(LocalDate.of(2020, 9, 1), LocalDate.of(2020, 9, 30)), DateSpan.parse("2020-09"));
    assertEquals(new DateSpan(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 2, 29)), DateSpan.parse("2020-2"));
    assertEquals(new DateSpan(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)), DateSpan.parse("2020"));
  }

  @Test
  void badDatesNameTheAcceptedForms() {
    for (String bad : new String[] {"2020-13", "2021-02-29", "27/09/2020", "", "2020-09-27T10:00"}) {
      String message = assertThrows(IllegalArgumentException.class, () -> DateSpan.parse(bad)).getMessage();
      assertTrue(message.startsWith("bad date '" + bad + "'") && message.contains("YYYY-MM-DD, YYYY-MM or YYYY"), message);
    }
  }
}
