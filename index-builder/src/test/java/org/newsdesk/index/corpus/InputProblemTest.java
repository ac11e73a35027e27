package org.newsdesk.index.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputProblemTest {
  private static InputProblem at(String location, InputProblem.Kind kind) {
    return new InputProblem(location, kind, "reason", true);
  }

  @Test
  void reportsSortByFileThenLineOrRecordAsNumbersThenKind() {
    List<InputProblem> sorted = new ArrayList<>(List.of(
        at("b.jsonl:2", InputProblem.Kind.BAD_JSON),
        at("a.jsonl:10", InputProblem.Kind.BAD_JSON),
        at("crawl.warc.gz#3", InputProblem.Kind.TRUNCATED),
        at("a.jsonl:9", InputProblem.Kind.UNDATED),
        at("a.jsonl:9", InputProblem.Kind.BAD_ENCODING),
        at("a.jsonl", InputProblem.Kind.BAD_ENCODING),
        at("crawl.warc.gz#12", InputProblem.Kind.NO_BODY),
        at("C:9", InputProblem.Kind.EMPTY_FILE)));
    sorted.sort(InputProblem.BY_LOCATION);
    assertEquals(List.of("C:9", "a.jsonl", "a.jsonl:9", "a.jsonl:9", "a.jsonl:10", "b.jsonl:2", "crawl.warc.gz#3",
        "crawl.warc.gz#12"), sorted.stream().map(InputProblem::location).toList());
    assertEquals(InputProblem.Kind.BAD_ENCODING, sorted.get(2).kind(), "same place: by kind");
  }

  /** A line break or an escape in a file name cannot split a message or drive the terminal. */
  @org.junit.jupiter.api.Test
  void controlCharactersAreShownEscaped() {
    InputProblem p = new InputProblem("in/a\nb\u001B[31m.txt", InputProblem.Kind.EMPTY_FILE, "empty file", true);
    org.junit.jupiter.api.Assertions.assertEquals("in/a\\u000Ab\\u001B[31m.txt: empty file", p.toString());
  }
}
