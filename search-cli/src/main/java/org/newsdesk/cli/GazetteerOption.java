package org.newsdesk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.newsdesk.gazetteer.Gazetteer;
import picocli.CommandLine.Option;

/**
 * The {@code --gazetteer FILE} and {@code --gazetteer-mode extend|replace} options, for every command that tags.
 *
 * <p>{@code --gazetteer FILE} (repeatable) adds the file's entities to the base gazetteer; an entry whose id is
 * already there replaces it. With {@code --gazetteer-mode replace} the files alone are used. Files are read and
 * validated when {@link #resolve} is called, before any work starts; a bad file stops the command with its name, the
 * entry and the reason.
 */
public final class GazetteerOption {
  /** Whether the given files extend the base gazetteer or replace it. */
  public enum Mode {
    EXTEND,
    REPLACE
  }

  @Option(names = "--gazetteer", paramLabel = "FILE",
      description = "Gazetteer file (newsdesk-gazetteer/1 JSON) to tag with; repeatable. Extends the default unless --gazetteer-mode replace.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--gazetteer-mode", paramLabel = "MODE", defaultValue = "extend",
      converter = ModeConverter.class,
      description = "extend (default): add the files' entities to the default gazetteer, theirs winning on the same id;"
          + " replace: use only the files.")
  Mode mode = Mode.EXTEND;

  /** The effective gazetteer over the built-in default. */
  public Gazetteer resolve() {
    return resolve(Gazetteer.defaults());
  }

  /**
   * The effective gazetteer over {@code base}.
   *
   * @throws CliException if replace mode is asked without a file
   * @throws org.newsdesk.gazetteer.GazetteerException if a file is unreadable or invalid
   */
  public Gazetteer resolve(Gazetteer base) {
    if (mode == Mode.REPLACE && files.isEmpty()) {
      throw new CliException("--gazetteer-mode replace needs at least one --gazetteer FILE");
    }
    Gazetteer result = null;
    if (mode == Mode.EXTEND) {
      result = base;
    }
    for (Path f : files) {
      Gazetteer g = Gazetteer.read(f);
      result = result == null ? g : result.extendedWith(g);
    }
    return result;
  }

  /** Case-insensitive {@code extend} / {@code replace}. */
  static final class ModeConverter implements picocli.CommandLine.ITypeConverter<Mode> {
    @Override
    public Mode convert(String value) {
      try {
        return Mode.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException("expected extend or replace, got '" + value + "'");
      }
    }
  }
}
