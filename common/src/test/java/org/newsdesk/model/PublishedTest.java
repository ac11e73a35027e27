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
}
