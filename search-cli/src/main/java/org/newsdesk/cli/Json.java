package org.newsdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;
import org.newsdesk.model.Article;

/** The CLI's JSON writing: one shared mapper, and the documented shapes of the objects it prints. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Json() {}

  /** Compact one-line JSON. */
  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Pretty JSON, for single documents. */
  static String writePretty(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code inspect --json} and {@code show --json} shape of an article. */
  static Map<String, Object> article(Article a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("file", a.origin());
    m.put("url", a.url());
    m.put("source", a.source());
    m.put("title", a.title());
    m.put("published", a.published() == null ? null : a.published().toString());
    m.put("caption", a.caption());
    m.put("credit", a.credit());
    m.put("author", a.author());
    m.put("language", a.language());
    m.put("body", a.body());
    m.put("entities", a.entityNamesByType());
    return m;
  }
}
