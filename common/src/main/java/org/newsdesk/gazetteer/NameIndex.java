package org.newsdesk.gazetteer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.newsdesk.model.EntityType;

/**
 * A gazetteer's names as a searcher looks them up: each entry's id, type, display name and its name and aliases
 * {@linkplain #fold folded}. Immutable.
 *
 * <p>A build writes it next to the gazetteer's JSON ({@link #write}) in a compact form, one tab-separated line per
 * entry under a header with the CRC-32 of that JSON. A searcher that opens the index then reads these lines instead
 * of parsing, validating and folding the JSON, which took longer than opening the Lucene index on a command line
 * (docs/cli.md, "Start-up"). The file is only a cache: {@link #read} refuses it unless the JSON next to it is the
 * one it was made from (a rollback, a hand edit, an index built before the file existed), and the caller then
 * folds the JSON itself.
 */
public final class NameIndex {
  /** The tag on the first line of the file form. */
  public static final String FORMAT = "newsdesk-names/1";
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern POSSESSIVE = Pattern.compile("['’]s\\b");
  private static final Pattern SEPARATORS = Pattern.compile("[\\p{Pd}_\\s]+");

  /**
   * One entity.
   *
   * @param id canonical id
   * @param type its type
   * @param name display name
   * @param keys the folded display name and aliases, without repeats, display name first
   */
  public record Entry(String id, EntityType type, String name, List<String> keys) {
    public Entry {
      keys = List.copyOf(keys);
    }
  }

  private final List<Entry> entries;

  private NameIndex(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The names of {@code gazetteer}, folded. */
  public static NameIndex of(Gazetteer gazetteer) {
    List<Entry> entries = new ArrayList<>(gazetteer.entries().size());
    // Plain loops: with no file form to read (the default gazetteer), this runs when a searcher opens.
    for (GazetteerEntry e : gazetteer.entries()) {
      Set<String> keys = new LinkedHashSet<>();
      addKey(keys, e.name());
      for (String alias : e.aliases()) {
        addKey(keys, alias);
      }
      entries.add(new Entry(e.id(), e.type(), e.name(), new ArrayList<>(keys)));
    }
    return new NameIndex(entries);
  }

  /** A name that folds to nothing ({@code 's}) can match nothing, so it has no key. */
  private static void addKey(Set<String> keys, String name) {
    String key = fold(name);
    if (!key.isEmpty()) {
      keys.add(key);
    }
  }

  /** The entries, in gazetteer order. */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * Writes the names of {@code gazetteer} to {@code namesFile} as made from the JSON now in {@code jsonFile},
   * atomically (a temporary file flushed and moved over it).
   *
   * @throws IOException if {@code jsonFile} cannot be read or {@code namesFile} written
   */
  public static void write(Gazetteer gazetteer, Path jsonFile, Path namesFile) throws IOException {
    StringBuilder out = new StringBuilder(64 * gazetteer.entries().size());
    out.append(FORMAT).append('\t').append(Long.toHexString(crc(Files.readAllBytes(jsonFile)))).append('\n');
    for (Entry e : of(gazetteer).entries) {
      field(out, e.id()).append('\t');
      field(out, e.type().name()).append('\t');
      field(out, e.name());
      for (String key : e.keys()) {
        field(out.append('\t'), key);
      }
      out.append('\n');
    }
    AtomicFiles.write(namesFile, out.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Validated gazetteer names hold no tab or line break (runs of white space become one space); checked anyway. */
  private static StringBuilder field(StringBuilder out, String value) {
    if (value.indexOf('\t') >= 0 || value.indexOf('\n') >= 0 || value.isEmpty()) {
      throw new IllegalArgumentException("gazetteer name cannot go in " + FORMAT + ": \"" + value + "\"");
    }
    return out.append(value);
  }

  /**
   * The names in {@code namesFile} if it was made from exactly {@code json}; empty when it is missing, was made
   * from other JSON, or is not a well-formed file of this format (the caller then uses {@link #of}).
   */
  public static Optional<NameIndex> read(Path namesFile, byte[] json) {
    String text;
    try {
      text = Files.readString(namesFile, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    int eol = text.indexOf('\n');
    if (eol < 0 || !text.startsWith(FORMAT + "\t") || !text.substring(FORMAT.length() + 1, eol).equals(Long.toHexString(crc(json)))) {
      return Optional.empty();
    }
    List<Entry> entries = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    for (int start = eol + 1; start < text.length(); ) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        return Optional.empty(); // cut short: written by something other than write()
      }
      fields.clear();
      for (int f = start; f <= end; ) {
        int tab = text.indexOf('\t', f);
        int stop = tab < 0 || tab > end ? end : tab;
        fields.add(text.substring(f, stop));
        f = stop + 1;
      }
      if (fields.size() < 3) {
        return Optional.empty();
      }
      EntityType type = type(fields.get(1));
      if (type == null) {
        return Optional.empty();
      }
      entries.add(new Entry(fields.get(0), type, fields.get(2), fields.subList(3, fields.size())));
      start = end + 1;
    }
    return Optional.of(new NameIndex(entries));
  }

  /** The type written as {@code name}; not {@link EntityType#of}, which reads a declared {@code ORG} as ORGANIZATION. */
  private static EntityType type(String name) {
    for (EntityType t : EntityType.BUILT_IN) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    try {
      return new EntityType(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static long crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return crc.getValue();
  }

  /** Lower case, no diacritics, no possessive, hyphens, dashes and underscores as spaces, single spaces. */
  public static String fold(String name) {
    if (isPlainAscii(name)) {
      // Nothing to decompose, no possessive, no dash or run of spaces: only the case changes.
      return name.toLowerCase(Locale.ROOT);
    }
    String s = name.strip();
    // ASCII has no combining marks: skip the decomposition (and loading the normalizer's data) for most names.
    if (!isAscii(s)) {
      s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    }
    s = POSSESSIVE.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
    return SEPARATORS.matcher(s).replaceAll(" ").strip();
  }

  /** ASCII letters and digits in words separated by single spaces, nothing before the first or after the last. */
  private static boolean isPlainAscii(String s) {
    if (s.isEmpty() || s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean letterOrDigit = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
      if (!letterOrDigit && (c != ' ' || s.charAt(i - 1) == ' ')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }
}
