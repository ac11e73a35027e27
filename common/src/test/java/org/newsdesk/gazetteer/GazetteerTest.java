package org.newsdesk.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.model.EntityType;

class GazetteerTest {
  private static Gazetteer parse(String entities) {
    return Gazetteer.parse(("{\"format\": \"newsdesk-gazetteer/1\", \"entities\": [" + entities + "]}")
        .getBytes(StandardCharsets.UTF_8), "g.json");
  }

  private static String error(String entities) {
    return assertThrows(GazetteerException.class, () -> parse(entities)).getMessage();
  }

  @Test
  void badJsonNamesLineAndColumn() {
    GazetteerException e = assertThrows(GazetteerException.class,
        () -> Gazetteer.parse("{\"format\": \"newsdesk-gazetteer/1\",\n \"entities\": [}".getBytes(StandardCharsets.UTF_8), "g.json"));
    assertTrue(e.getMessage().startsWith("g.json:2: not valid JSON"), e.getMessage());
  }

  @Test
  void wrongFormatTagIsRefused() {
    GazetteerException e = assertThrows(GazetteerException.class,
        () -> Gazetteer.parse("{\"format\": \"x\", \"entities\": []}".getBytes(StandardCharsets.UTF_8), "g.json"));
    assertTrue(e.getMessage().contains("\"format\" must be"), e.getMessage());
  }

  @Test
  void duplicateIdNamesBothEntries() {
    assertEquals("g.json: entry 1 (\"putin\"): duplicate id, first used by entry 0",
        error("{\"id\": \"putin\", \"name\": \"Vladimir Putin\", \"type\": \"PERSON\"},"
            + "{\"id\": \"putin\", \"name\": \"Putin\", \"type\": \"PERSON\"}"));
  }

  @Test
  void emptyAliasNamesEntryAndPosition() {
    assertEquals("g.json: entry 0 (\"osce\"): aliases[1] is empty or not text: \"  \"",
        error("{\"id\": \"osce\", \"name\": \"OSCE\", \"type\": \"ORGANIZATION\", \"aliases\": [\"Organization\", \"  \"]}"));
  }

  @Test
  void unknownTypeIsRefusedUnlessDeclared() {
    String msg = error("{\"id\": \"x\", \"name\": \"Expo\", \"type\": \"EVENT\"}");
    assertTrue(msg.startsWith("g.json: entry 0 (\"x\"): unknown type \"EVENT\""), msg);
    assertTrue(error("{\"id\": \"x\", \"name\": \"Putin\", \"type\": \"PERSN\"}").contains("unknown type \"PERSN\""));
    Gazetteer g = Gazetteer.parse(("{\"format\": \"newsdesk-gazetteer/1\", \"types\": [\"EVENT\"], \"entities\": ["
        + "{\"id\": \"x\", \"name\": \"Expo\", \"type\": \"event\"}]}").getBytes(StandardCharsets.UTF_8), "g.json");
    assertEquals(new EntityType("EVENT"), g.entries().get(0).type());
  }

  @Test
  void unknownFieldIsRefused() {
    String msg = error("{\"id\": \"x\", \"name\": \"Putin\", \"type\": \"PERSON\", \"alias\": [\"P\"]}");
    assertTrue(msg.startsWith("g.json: entry 0 (\"x\"): unknown field \"alias\""), msg);
  }

  @Test
  void lowerCaseAliasWouldMatchCommonWords() {
    String msg = error("{\"id\": \"turkey\", \"name\": \"Turkey\", \"type\": \"LOCATION\", \"aliases\": [\"turkey\"]}");
    assertTrue(msg.contains("alias \"turkey\" is all lower case"), msg);
  }

  @Test
  void missingNameAndBadIdAreRefused() {
    assertTrue(error("{\"id\": \"x\", \"type\": \"PERSON\"}").contains("\"name\" is required"));
    assertTrue(error("{\"id\": \"Putin\", \"name\": \"Putin\", \"type\": \"PERSON\"}").contains("lower-case ASCII slug"));
    assertTrue(error("{\"id\": \"x\", \"name\": \"--\", \"type\": \"PERSON\"}").contains("has no letter or digit"));
  }

  @Test
  void writeRoundTripsAtomicallyAndKeepsFingerprint(@TempDir Path dir) throws Exception {
    Gazetteer g = Gazetteer.of(List.of(
        new GazetteerEntry("vladimir-putin", "Vladimir Putin", EntityType.PERSON, List.of("Путин")),
        new GazetteerEntry("russia", "Russia", EntityType.LOCATION, List.of(), List.of("Russian"))));
    Path file = dir.resolve("newsdesk-gazetteer.json");
    Files.writeString(file, "old content");
    g.write(file);
    Gazetteer back = Gazetteer.read(file);
    assertEquals(g.entries(), back.entries());
    assertEquals(g.fingerprint(), back.fingerprint());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void extendingReplacesSameIdAndChangesFingerprint() {
    Gazetteer base = Gazetteer.defaults();
    Gazetteer extra = parse("{\"id\": \"osce\", \"name\": \"OSCE\", \"type\": \"ORGANIZATION\", \"aliases\": [\"Osce\"]},"
        + "{\"id\": \"acme\", \"name\": \"Acme Corp\", \"type\": \"ORGANIZATION\"}");
    Gazetteer merged = base.extendedWith(extra);
    assertEquals(List.of("Osce"), merged.byId("osce").orElseThrow().aliases());
    assertTrue(merged.byId("acme").isPresent());
    assertEquals(base.entries().size() + 1, merged.entries().size());
    assertNotEquals(base.fingerprint(), merged.fingerprint());
  }

  @Test
  void defaultGazetteerCoversTheRequiredEntities() {
    Gazetteer g = Gazetteer.defaults();
    assertTrue(g.byId("sergey-lavrov").orElseThrow().aliases().contains("Sergei Lavrov"));
    assertTrue(g.byId("vladimir-putin").orElseThrow().aliases().contains("Путин"));
    assertTrue(g.byId("nagorno-karabakh").orElseThrow().aliases().containsAll(List.of("Karabakh", "Nagorno Karabakh", "Artsakh")));
    assertTrue(g.byId("osce").orElseThrow().aliases().contains("Organisation for Security and Co-operation in Europe"));
    assertEquals(EntityType.ORGANIZATION, g.byId("osce-minsk-group").orElseThrow().type());
    assertEquals("Yerevan", g.byId("yerevan").orElseThrow().name());
    assertTrue(g.entries().size() > 450, "countries and capitals are generated: " + g.entries().size());
    assertFalse(g.source() == null || !g.source().contains("iso-codes"), "the source is named");
  }
}
