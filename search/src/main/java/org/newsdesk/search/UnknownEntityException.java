package org.newsdesk.search;

/**
 * An entity filter or an entity field in a query names nothing the index's gazetteer knows. The message says
 * which name, and the closest known name when there is one ({@code did you mean "Vladimir Putin"?}).
 */
public final class UnknownEntityException extends SearchException {
  private static final long serialVersionUID = 1L;
  private final String name;
  private final String type;
  private final String suggestion;

  /**
   * @param name the name as given
   * @param type the entity type key asked for ({@code person}, …), or {@code entity} for any type
   * @param suggestion the display name of the closest known entity, or null
   */
  public UnknownEntityException(String name, String type, String suggestion) {
    super("unknown " + type + " \"" + name + "\"" + (suggestion == null ? "" : ": did you mean \"" + suggestion + "\"?"));
    this.name = name;
    this.type = type;
    this.suggestion = suggestion;
  }

  /** The name as given. */
  public String name() {
    return name;
  }

  /** The entity type key asked for, or {@code entity}. */
  public String type() {
    return type;
  }

  /** The display name of the closest known entity, or null. */
  public String suggestion() {
    return suggestion;
  }
}
