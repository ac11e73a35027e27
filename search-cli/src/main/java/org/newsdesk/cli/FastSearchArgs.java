package org.newsdesk.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.newsdesk.search.SearchRequest;

/**
 * Start-up: reads the arguments of an ordinary {@code newsdesk search} without picocli, whose reflection over the
 * command's annotations (dynamic proxies a JDK 17 CDS archive cannot hold) costs more than the rest of the
 * argument handling together (docs/cli.md, "Start-up").
 *
 * <p>It accepts only what it reads exactly as picocli does: the options of {@link SearchCommand} written
 * {@code --name VALUE}, {@code --name=VALUE} or {@code -x VALUE}, each single-valued option and flag at most once,
 * values that do not start with {@code -}, plain decimal numbers, enum values by name in any case, valid dates, and
 * at least one query word that does not start with {@code -} or {@code @}. Anything else ({@code --help},
 * {@code --version}, clustered or attached short options, {@code --}, argument files, a bad value, a repeat, a
 * missing query) gives null, and the caller runs picocli, which parses it or reports the usage error exactly as
 * before. {@code FastSearchArgsTest} checks every option against picocli.
 */
final class FastSearchArgs {
  private FastSearchArgs() {}

  /**
   * The search command these arguments describe, with every option set as picocli would set it, or null when
   * picocli must read them.
   *
   * @param args the whole command line, {@code args[0]} being {@code search}
   */
  static SearchCommand parse(String[] args) {
    if (args.length < 2 || !"search".equals(args[0])) {
      return null;
    }
    SearchCommand c = defaults();
    List<String> query = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("@")) {
        return null;
      }
      if (!arg.startsWith("-")) {
        query.add(arg);
        continue;
      }
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 2) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      String option = canonical(name);
      if (option == null) {
        return null;
      }
      if (isFlag(option)) {
        if (value != null || !seen.add(option)) {
          return null;
        }
        setFlag(c, option);
        continue;
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          return null;
        }
        value = args[++i];
      }
      if (value.startsWith("-") || value.startsWith("@")) {
        return null;
      }
      if (!isRepeatable(option) && !seen.add(option)) {
        return null;
      }
      if (!setValue(c, option, value)) {
        return null;
      }
    }
    if (query.isEmpty()) {
      return null;
    }
    c.query = query;
    return c;
  }

  /** A search command with picocli's defaults, as if no option had been given. */
  private static SearchCommand defaults() {
    SearchCommand c = new SearchCommand();
    c.indexPath = new IndexPathOption();
    c.debug = new DebugOption();
    c.limit = 10;
    c.page = 1;
    c.sort = SearchRequest.SortOrder.RELEVANCE;
    c.match = SearchRequest.MatchMode.ALL;
    c.color = ColorMode.AUTO;
    return c;
  }

  /** The long name of an option of {@code search} (short and alternative names mapped), or null. */
  private static String canonical(String name) {
    return switch (name) {
      case "-n", "--limit" -> "--limit";
      case "-p", "--page" -> "--page";
      case "-s", "--sort" -> "--sort";
      case "-m", "--match" -> "--match";
      case "-f", "--facets" -> "--facets";
      case "-c", "--count" -> "--count";
      case "-l", "--ids" -> "--ids";
      case "--org", "--organization" -> "--org";
      case "--from", "--to", "--person", "--location", "--entity", "--source", "--cursor", "--json", "--color",
          "--index", "--debug" -> name;
      default -> null;
    };
  }

  private static boolean isFlag(String option) {
    return switch (option) {
      case "--facets", "--count", "--ids", "--json", "--debug" -> true;
      default -> false;
    };
  }

  private static boolean isRepeatable(String option) {
    return switch (option) {
      case "--person", "--location", "--org", "--entity", "--source" -> true;
      default -> false;
    };
  }

  private static void setFlag(SearchCommand c, String option) {
    switch (option) {
      case "--facets" -> c.facets = true;
      case "--count" -> c.count = true;
      case "--ids" -> c.idsOnly = true;
      case "--json" -> c.json = true;
      case "--debug" -> c.debug.debug = true;
      default -> throw new IllegalArgumentException("not a flag: " + option);
    }
  }

  /** Sets the option's value; false when picocli should judge the value (it may report it as a usage error). */
  private static boolean setValue(SearchCommand c, String option, String value) {
    switch (option) {
      case "--limit" -> {
        Integer n = plainInt(value);
        if (n == null) {
          return false;
        }
        c.limit = n;
      }
      case "--page" -> {
        Integer n = plainInt(value);
        if (n == null) {
          return false;
        }
        c.page = n;
      }
      case "--sort" -> c.sort = enumValue(SearchRequest.SortOrder.values(), value);
      case "--match" -> c.match = enumValue(SearchRequest.MatchMode.values(), value);
      case "--color" -> c.color = enumValue(ColorMode.values(), value);
      case "--from", "--to" -> {
        DateSpan span;
        try {
          span = DateSpan.parse(value);
        } catch (IllegalArgumentException e) {
          return false;
        }
        if ("--from".equals(option)) {
          c.from = span;
        } else {
          c.to = span;
        }
      }
      case "--person" -> c.persons.add(value);
      case "--location" -> c.locations.add(value);
      case "--org" -> c.organizations.add(value);
      case "--entity" -> c.entities.add(value);
      case "--source" -> c.sources.add(value);
      case "--cursor" -> c.cursor = value;
      case "--index" -> {
        try {
          c.indexPath.index = Path.of(value);
        } catch (InvalidPathException e) {
          return false;
        }
      }
      default -> {
        return false;
      }
    }
    return c.sort != null && c.match != null && c.color != null;
  }

  /** 1 to 9 ASCII digits, which every integer converter reads the same way; null otherwise. */
  private static Integer plainInt(String value) {
    if (value.isEmpty() || value.length() > 9) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch < '0' || ch > '9') {
        return null;
      }
    }
    return Integer.parseInt(value);
  }

  /** The constant named {@code value} (ASCII letters) in any case, or null (picocli then reports the valid values). */
  private static <E extends Enum<E>> E enumValue(E[] values, String value) {
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (!(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z')) {
        return null;
      }
    }
    for (E e : values) {
      if (e.name().equalsIgnoreCase(value)) {
        return e;
      }
    }
    return null;
  }
}
