package org.newsdesk.schema;

/** Words of a command line shown to people to paste into a POSIX shell: the rebuild a message asks for, a hint. */
public final class ShellWords {
  private ShellWords() {}

  /** {@code word} as one shell word: as it is when it is plain, else in single quotes (a quote in it escaped). */
  public static String quote(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "/._-+,:=@%".indexOf(c) >= 0;
      if (!plain) {
        return "'" + word.replace("'", "'\\''") + "'";
      }
    }
    return word.isEmpty() ? "''" : word;
  }
}
