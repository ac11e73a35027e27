package org.newsdesk.index;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@code newsdesk check}: Lucene's CheckIndex over the current generation, plus newsdesk's own checks.
 *
 * @param clean true if Lucene found no problem
 * @param segmentsFile the commit checked ({@code segments_N})
 * @param segments segments in it
 * @param articles live articles
 * @param corruption what Lucene found wrong, one line each (empty when clean)
 * @param warnings newsdesk-level issues that are not corruption (such as a missing manifest, which only makes the
 *     next rebuild slower)
 * @param generations the kept generations, newest first
 */
public record IndexHealth(boolean clean, String segmentsFile, int segments, long articles, List<String> corruption,
    List<String> warnings, List<Generation> generations) {
  public IndexHealth {
    Objects.requireNonNull(segmentsFile, "segmentsFile");
    corruption = List.copyOf(corruption);
    warnings = List.copyOf(warnings);
    generations = List.copyOf(generations);
  }
}
