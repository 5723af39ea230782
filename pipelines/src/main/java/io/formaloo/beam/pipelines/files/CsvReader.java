package io.formaloo.beam.pipelines.files;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it: comma-separated fields, double quotes around fields that hold
 * commas, quotes or line breaks, a quote inside a quoted field doubled. Lines end in LF or CRLF.
 *
 * <p>Written here rather than taken from a library because that is all it takes, and the only CSV
 * library on Beam's classpath is an implementation detail of another IO.
 */
public final class CsvReader {
  private final Reader in;
  private int line = 1;

  public CsvReader(Reader in) {
    this.in = in;
  }

  /**
   * One row of fields, or null at the end of the input. A line that is empty reads as a row of one
   * empty field, for the caller to skip.
   *
   * @throws IOException if reading fails, or a quoted field is not closed before the end
   */
  public List<String> next() throws IOException {
    int c = read();
    if (c == -1) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int startLine = line;
    while (true) {
      if (quoted) {
        if (c == -1) {
          throw new IOException("a quoted field opened on line " + startLine + " is not closed");
        }
        if (c == '"') {
          int d = read();
          if (d == '"') {
            field.append('"');
          } else {
            quoted = false;
            c = d;
            continue;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == -1) {
        if (c == '\n') {
          line++;
        }
        fields.add(field.toString());
        return fields;
      } else if (c == '\r') {
        int d = read();
        if (d != '\n') {
          field.append('\r');
        }
        c = d;
        continue;
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }

  /** The line the next row starts on (1-based). */
  public int line() {
    return line;
  }

  private int read() throws IOException {
    return in.read();
  }
}
