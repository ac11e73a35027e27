package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
  @Test
  void quietWhenNotShown() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ProgressDisplay p = ProgressDisplay.open("indexing", 10, false, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
      p.callback().accept(5);
      p.message("half way");
      assertFalse(p.shown());
    }
    assertEquals(0, bytes.size());
  }

  @Test
  void drawsCountsSpeedAndTaskWhenShown() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ProgressDisplay p = ProgressDisplay.open("indexing", 100, true, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
      p.callback().accept(40);
      p.advance(60);
    }
    String drawn = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(drawn.contains("indexing") && drawn.contains("100/100") && drawn.contains("articles/s"), drawn);
  }

  /** Log lines go above the bar, never onto its line; the bar fits the width and has no colour with NO_COLOR. */
  @Test
  void logLinesGoAboveTheBarWhichFitsTheWidthWithoutColour() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (ProgressDisplay p = ProgressDisplay.open("indexing", -1, true, err, 40, false)) {
      p.advance(5);
      p.message("file 1/3");
      p.above(() -> err.println("2026-12-07T00:00:00Z newsdesk index: scanned 3 input files"));
      p.advance(5);
    }
    String drawn = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(drawn.contains("\r\u001b[2K2026-12-07T00:00:00Z newsdesk index: scanned 3 input files\n"), drawn);
    assertFalse(drawn.contains("\u001b[3"), "no colour: " + drawn);
    for (String segment : drawn.split("[\r\n]")) {
      if (segment.startsWith("indexing")) {
        assertTrue(segment.length() <= 39, "at most width - 1 columns: " + segment.length() + " " + segment);
      }
    }
  }
}
