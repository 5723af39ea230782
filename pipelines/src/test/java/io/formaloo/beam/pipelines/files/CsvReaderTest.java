package io.formaloo.beam.pipelines.files;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  @Test
  void readsPlainFieldsLineByLine() throws IOException {
    CsvReader csv = new CsvReader(new StringReader("a,b,c\n1,,3\n"));

    assertThat(csv.next(), is(List.of("a", "b", "c")));
    assertThat(csv.next(), is(List.of("1", "", "3")));
    assertThat(csv.next(), nullValue());
  }

  @Test
  void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
    CsvReader csv = new CsvReader(new StringReader("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\n"));

    assertThat(csv.next(), is(List.of("a,b", "say \"hi\"", "two\nlines")));
  }

  @Test
  void acceptsCrLfAndAMissingLastLineBreak() throws IOException {
    CsvReader csv = new CsvReader(new StringReader("a,b\r\n1,2"));

    assertThat(csv.next(), is(List.of("a", "b")));
    assertThat(csv.next(), is(List.of("1", "2")));
    assertThat(csv.next(), nullValue());
  }

  @Test
  void countsTheLinesARowStartsOn() throws IOException {
    CsvReader csv = new CsvReader(new StringReader("h\n\"x\ny\"\nz\n"));

    csv.next();
    assertThat(csv.line(), is(2));
    csv.next();
    assertThat(csv.line(), is(4));
  }

  @Test
  void refusesAQuoteThatIsNeverClosed() {
    CsvReader csv = new CsvReader(new StringReader("a,\"open\n"));

    IOException e = assertThrows(IOException.class, csv::next);
    assertThat(e.getMessage(), containsString("line 1"));
  }

  @Test
  void writesWhatItReads() throws IOException {
    List<String> fields = List.of("plain", "with, comma", "with \"quote\"", "two\nlines", "");

    assertThat(new CsvReader(new StringReader(CsvText.line(fields))).next(), is(fields));
  }
}
