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
}
