package org.newsdesk.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The schema version and the keys newsdesk writes into an index's commit user data.
 *
 * <p>Bump {@link #VERSION} whenever a field, its indexing or the analysis chain changes: an index of another
 * version is refused when opened, with a message that says to run {@code rebuild --full}.
 */
public final class NewsSchema {
  /**
   * The schema this code writes and reads. 2: stored leads. 3: no offsets in the text fields' postings, the content
   * hash stored but not indexed. 4: the article's own publication date indexed for date filters and the histogram.
   */
  public static final int VERSION = 4;

  /** Commit user-data key holding the schema version. */
  public static final String USER_DATA_SCHEMA_VERSION = "newsdesk.schema.version";
  /** Commit user-data key holding a fingerprint of the gazetteer the index was tagged with. */
  public static final String USER_DATA_GAZETTEER = "newsdesk.gazetteer.fingerprint";
  /** Commit user-data key holding the ISO instant of the last completed build. */
  public static final String USER_DATA_BUILT_AT = "newsdesk.built.at";
  /**
   * Commit user-data key holding the sources the index was built from, absolute paths one per line: those of the
   * last {@code rebuild}, and every path {@code index} added since. Absent when they are not all known (an index
   * built before they were recorded, a path with a line break, too many paths to list): a message that asks for a
   * rebuild then says {@code SOURCE...} rather than name only some of them, which a full rebuild would mirror.
   */
  public static final String USER_DATA_SOURCES = "newsdesk.sources";

  /**
   * The file, inside the index directory, holding the gazetteer the index was tagged with, so that the searcher
   * resolves entity names and aliases ({@code --person Putin}) exactly as the builder did. Lucene leaves files
   * that are not its own alone.
   */
  public static final String GAZETTEER_FILE = "newsdesk-gazetteer.json";

  /**
   * The file, next to {@link #GAZETTEER_FILE}, holding its names folded for lookup
   * ({@link org.newsdesk.gazetteer.NameIndex}): a cache that spares a searcher parsing the JSON at start-up.
   */
  public static final String NAMES_FILE = "newsdesk-gazetteer.names";

  private NewsSchema() {}

  /**
   * Checks that an index's commit user data was written by this schema version.
   *
   * @param userData the commit user data of the index
   * @param indexLocation how to name the index in the message
   * @throws SchemaMismatchException if the version is missing or different
   */
  public static void checkCompatible(Map<String, String> userData, String indexLocation) {
    String found = userData.get(USER_DATA_SCHEMA_VERSION);
    if (found == null) {
      throw new SchemaMismatchException(
          "index " + indexLocation + " was not written by newsdesk (no schema version in its commit data);"
              + " rebuild it from its sources: `newsdesk rebuild --full --index " + indexLocation + " SOURCE...`");
    }
    if (!found.equals(Integer.toString(VERSION))) {
      throw new SchemaMismatchException(
          "index " + indexLocation + " has schema version " + found + " but this newsdesk reads version " + VERSION
              + "; rebuild it from its sources: `" + rebuildCommand(userData, indexLocation) + "`");
    }
  }

  /** The sources recorded in an index's commit user data ({@link #USER_DATA_SOURCES}), in order; empty if none. */
  public static List<String> sources(Map<String, String> userData) {
    String recorded = userData.get(USER_DATA_SOURCES);
    List<String> paths = new ArrayList<>();
    if (recorded != null) {
      for (String line : recorded.split("\n")) {
        if (!line.isEmpty()) {
          paths.add(line);
        }
      }
    }
    return paths;
  }

  /**
   * The command that rebuilds an index from scratch: with the sources it records, ready to paste into a shell;
   * with {@code SOURCE...} in their place when it records none (an index built before they were recorded).
   */
  static String rebuildCommand(Map<String, String> userData, String indexLocation) {
    List<String> sources = sources(userData);
    StringBuilder command = new StringBuilder("newsdesk rebuild --full --index ").append(ShellWords.quote(indexLocation));
    if (sources.isEmpty()) {
      return command.append(" SOURCE...").toString();
    }
    for (String source : sources) {
      command.append(' ').append(ShellWords.quote(source));
    }
    return command.toString();
  }
}
