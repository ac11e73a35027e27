package org.newsdesk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PublishedTest {
  @Test
  void dateOnlyIsMidnightUtcAndPrintsAsDate() {
    Published p = Published.parse("2020-09-27");
    assertFalse(p.hasTime());
    assertEquals("2020-09-27", p.toString());
    assertEquals(Instant.parse("2020-09-27T00:00:00Z"), p.toInstant());
  }

  @Test
  void dateTimeKeepsItsOffset() {
    Published p = Published.parse("2020-10-17T14:05:00+04:00");
    assertTrue(p.hasTime());
    assertEquals("2020-10-17T14:05:00+04:00", p.toString());
    assertEquals(Instant.parse("2020-10-17T10:05:00Z"), p.toInstant());
    assertEquals(p, Published.parse(p.toString()));
  }

  @Test
  void rejectsGarbageWithTheValueInTheMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Published.parse("yesterday"));
    assertEquals("not an ISO-8601 date or date-time: 'yesterday'", e.getMessage());
  }

  @Test
  void timeWithoutOffsetIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Published(LocalDate.of(2020, 1, 1), java.time.LocalTime.NOON, null));
  }

  @Test
  void commonFormsParseAsTheIsoFormatterDoes() {
    for (String t : java.util.List.of("2020-09-27T17:38:00Z", "2020-10-17T14:05:00+04:00", "2021-01-01T00:00:59-00:30",
        "1999-12-31T23:59:59-12:00", "2020-02-29T10:00:00+00:00", "2020-10-17t14:05:00Z", "2020-10-17T14:05:00.250Z",
        "2020-10-17T14:05Z", "2020-10-17T14:05:00+04:00:30")) {
      java.time.OffsetDateTime expected = java.time.OffsetDateTime.parse(t);
      assertEquals(Published.of(expected), Published.parse(t), t);
    }
    assertEquals(Published.ofDate(LocalDate.of(2020, 2, 29)), Published.parse(" 2020-02-29 "));
    for (String bad : java.util.List.of("2021-02-29", "2020-13-01", "2020-10-17T24:00:00Z", "2020-10-17T14:05:00+19:00",
        "2020-10-17T14:05:00 04:00", "2020-1O-17")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Published.parse(bad), bad);
      assertEquals("not an ISO-8601 date or date-time: '" + bad + "'", e.getMessage());
    }
  }
}
