package io.formaloo.beam.pipelines.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The lines of a UTF-8 file, each decoded on its own: bytes that are not UTF-8 spoil their line
 * only, which is then read with U+FFFD in their place and flagged ({@link #malformed()}), instead
 * of failing the whole file. (A decoding {@code Reader} over the file throws at the first such
 * byte, which failed the whole backfill.) A line ends at LF, CRLF or a lone CR, as {@link
 * java.io.BufferedReader#readLine()} has it; the end is kept, so that text is read back exactly.
 */
public final class Utf8Lines {
  private final InputStream in;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private int pending = -1;
  private int number;
  private boolean malformed;

  /** {@code in} should be buffered: it is read a byte at a time. */
  public Utf8Lines(InputStream in) {
    this.in = in;
  }

  /** The next line with its end (none on a last line without one), or null at the end. */
  public String next() throws IOException {
    line.reset();
    int b = pending >= 0 ? pending : in.read();
    pending = -1;
    if (b < 0) {
      return null;
    }
    while (b >= 0) {
      line.write(b);
      if (b == '\n') {
        break;
      }
      if (b == '\r') {
        int after = in.read();
        if (after == '\n') {
          line.write(after);
        } else {
          pending = after;
        }
        break;
      }
      b = in.read();
    }
    number++;
    return decode(line.toByteArray());
  }

  /** The 1-based number of the line {@link #next()} returned last. */
  public int number() {
    return number;
  }

  /** Whether the line {@link #next()} returned last held bytes that are not UTF-8. */
  public boolean malformed() {
    return malformed;
  }

  /** {@code line} without its end. */
  public static String strip(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
      end--;
    }
    return line.substring(0, end);
  }

  /**
   * These lines as one {@link Reader}, for the CSV reader, remembering which line numbers were
   * malformed.
   */
  public Reader asReader(Set<Integer> malformedLines) {
    return new Reader() {
      private String current = "";
      private int at;

      @Override
      public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
          return 0;
        }
        while (at == current.length()) {
          String next = next();
          if (next == null) {
            return -1;
          }
          if (malformed) {
            malformedLines.add(number);
          }
          current = next;
          at = 0;
        }
        int n = Math.min(length, current.length() - at);
        current.getChars(at, at + n, buffer, offset);
        at += n;
        return n;
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }

  private String decode(byte[] bytes) {
    CharsetDecoder strict =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      malformed = false;
      return strict.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      malformed = true;
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
