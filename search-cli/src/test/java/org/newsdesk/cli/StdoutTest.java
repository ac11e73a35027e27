package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A write to stdout that fails is an error, like grep's; a reader that went away is not. */
class StdoutTest {
  private static String exitAfterWriting(String failure, int code, StringWriter err) {
    NewsdeskCli.Stdout stdout = new NewsdeskCli.Stdout(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException(failure);
      }
    });
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
    out.println("1. Ceasefire holds");
    out.flush();
    return String.valueOf(NewsdeskCli.outputWritten(code, stdout, new PrintWriter(err, true)));
  }

  @Test
  void aFullDiskIsAnErrorWithItsReason() {
    StringWriter err = new StringWriter();
    assertEquals(String.valueOf(ExitCodes.ERROR), exitAfterWriting("No space left on device", ExitCodes.OK, err));
    assertTrue(err.toString().startsWith("newsdesk: cannot write the output: No space left on device"), err.toString());
  }

  @Test
  void aBrokenPipeKeepsTheExitCodeQuietly() {
    StringWriter err = new StringWriter();
    assertEquals(String.valueOf(ExitCodes.OK), exitAfterWriting("Broken pipe", ExitCodes.OK, err));
    assertEquals("", err.toString());
  }
}
