/** The {@code newsdesk} terminal front end: one picocli command class per subcommand. */
package org.newsdesk.cli;
