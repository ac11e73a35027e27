package org.newsdesk.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The gazetteer's streaming tree reader gives the tree {@code ObjectMapper.readTree} gives, and fails alike. */
class GazetteerJsonTreeTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"format\": \"newsdesk-gazetteer/1\", \"entities\": []}",
      "{\"a\": 1, \"b\": 2, \"a\": 3}",
      "{\"n\": [1, -2, 3000000000, 123456789012345678901234567890, 1.5, 1e2, -0.0]}",
      "{\"x\": [true, false, null, \"t\\u00e9xt\", {}, [], [[{\"y\": {\"z\": []}}]]]}",
      "[1, 2]",
      "\"just text\"",
      "42",
      "{\"a\": 1} trailing",
      "   {\"aliases\": [\"  \", 5, {\"k\": \"v\"}]}  "})
  void buildsTheTreeObjectMapperBuilds(String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    JsonNode expected = MAPPER.readTree(bytes);
    JsonNode actual = Gazetteer.readTree(bytes);
    assertEquals(expected, actual, json);
    assertEquals(expected.toString(), actual.toString(), json);
  }

  @Test
  void emptyInputIsNoObject() throws IOException {
    JsonNode expected = MAPPER.readTree(new byte[0]);
    assertEquals(null, Gazetteer.readTree(new byte[0]));
    assertEquals(false, expected != null && expected.isObject());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\": }", "{\"a\": 1,", "{\"a\" 1}", "[1, 2", "{\"a\": tru}", "{\n  \"a\": [1,\n  ]\n}"})
  void failsWhereObjectMapperFailsWithTheSameMessage(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    JsonProcessingException expected = assertThrows(JsonProcessingException.class, () -> MAPPER.readTree(bytes));
    JsonProcessingException actual = assertThrows(JsonProcessingException.class, () -> Gazetteer.readTree(bytes));
    assertEquals(expected.getOriginalMessage(), actual.getOriginalMessage(), json);
    assertEquals(expected.getLocation().getLineNr(), actual.getLocation().getLineNr(), json);
    assertEquals(expected.getLocation().getColumnNr(), actual.getLocation().getColumnNr(), json);
  }

  @Test
  void readsTheDefaultGazetteerAsObjectMapperDoes() throws IOException {
    try (InputStream in = Gazetteer.class.getResourceAsStream("default-gazetteer.json")) {
      byte[] bytes = in.readAllBytes();
      assertEquals(MAPPER.readTree(bytes), Gazetteer.readTree(bytes));
    }
  }
}
