package org.newsdesk.cli;

/** The {@code --color} choice, as in ripgrep and GNU grep. */
public enum ColorMode {
  /** Colour when stdout is a terminal and {@code NO_COLOR} is unset. */
  AUTO,
  /** Always colour, even into a pipe ({@code | less -R}). */
  ALWAYS,
  /** Never colour. */
  NEVER
}
