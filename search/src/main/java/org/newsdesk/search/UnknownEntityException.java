package org.newsdesk.search;

/**
 * An entity filter ({@code withPersons}, {@code withEntities}, ...) names nothing the index's gazetteer knows. (An
 * entity field in the query text, {@code person:Putn}, is a {@link QuerySyntaxException} instead, with the same
 * message and the position in the query.) The message says
 * which name, and either what the name is when it names an entity of another type ({@code it is a location
 * (Nagorno-Karabakh)}) or the closest known name when there is one ({@code did you mean "Vladimir Putin"?}).
 */
public final class UnknownEntityException extends SearchException {
  private static final long serialVersionUID = 1L;
  private final String name;
  private final String type;
  private final String suggestion;
  private final String otherType;

  /**
   * @param name the name as given
   * @param type the entity type key asked for ({@code person}, …), or {@code entity} for any type
   * @param suggestion the display name of the closest known entity, or null
   */
  public UnknownEntityException(String name, String type, String suggestion) {
    this(name, type, suggestion, null);
  }

  /**
   * @param otherType the type key of the entity the name does stand for, when it is of another type than asked
   *     ({@code location} for {@code --person Karabakh}), or null; then {@code suggestion} is that entity's name
   */
  public UnknownEntityException(String name, String type, String suggestion, String otherType) {
    super("unknown " + type + " \"" + name + "\"" + (otherType != null
        ? ": it is " + article(otherType) + " " + otherType + (suggestion == null ? "" : " (" + suggestion + ")")
        : suggestion == null ? "" : ": did you mean \"" + suggestion + "\"?"));
    this.name = name;
    this.type = type;
    this.suggestion = suggestion;
    this.otherType = otherType;
  }

  private static String article(String word) {
    return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
  }

  /** The type key of the entity the name stands for, when it is not of the type asked for; else null. */
  public String otherType() {
    return otherType;
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
