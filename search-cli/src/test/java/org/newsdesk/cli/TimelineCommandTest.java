package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsdesk.search.SearchRequest.DateInterval;
import org.newsdesk.search.SearchResults.FacetCount;

class TimelineCommandTest {
  private static FacetCount bucket(String start, long count) {
    return new FacetCount(start + "T00:00:00Z", start, count);
  }

  @Test
  void shortGapsAreEmptyRowsLongOnesOneLine() {
    List<TimelineCommand.Row> months = TimelineCommand.rows(List.of(bucket("2020-09-01", 2), bucket("2020-12-01", 1)),
        DateInterval.MONTH);
    assertEquals(List.of("2020-09", "2020-10", "2020-11", "2020-12"), months.stream().map(TimelineCommand.Row::label).toList());

    // one scraped article dated 1970-01-01 among 2020's
    List<TimelineCommand.Row> days = TimelineCommand.rows(List.of(bucket("1970-01-01", 1), bucket("2020-10-01", 3),
        bucket("2020-10-03", 1)), DateInterval.DAY);
    assertEquals(5, days.size());
    assertEquals(ChronoUnit.DAYS.between(LocalDate.of(1970, 1, 1), LocalDate.of(2020, 10, 1)) - 1, days.get(1).emptyPeriods());
    assertEquals(List.of("1970-01-01", "", "2020-10-01", "2020-10-02", "2020-10-03"),
        days.stream().map(TimelineCommand.Row::label).toList());
  }
}
