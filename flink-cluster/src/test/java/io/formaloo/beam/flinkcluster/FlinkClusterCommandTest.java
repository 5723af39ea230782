package io.formaloo.beam.flinkcluster;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

/** The command line's answers that start no process: usage errors and help. */
class FlinkClusterCommandTest {
  @Test
  void withoutACommandItIsAUsageError() throws Exception {
    assertThat(FlinkClusterCommand.run(new String[0]), is(2));
  }

  @Test
  void helpSucceeds() throws Exception {
    assertThat(FlinkClusterCommand.run(new String[] {"--help"}), is(0));
  }

  @Test
  void anUnknownCommandIsAUsageError() throws Exception {
    assertThat(FlinkClusterCommand.run(new String[] {"restart"}), is(2));
  }

  @Test
  void aCountThatIsNotANumberIsAUsageError() throws Exception {
    assertThat(FlinkClusterCommand.run(new String[] {"start", "--taskmanagers=two"}), is(2));
  }

  @Test
  void slotsAreOptionsOfStartOnly() throws Exception {
    assertThat(FlinkClusterCommand.run(new String[] {"stop", "--slots=2"}), is(2));
  }
}
