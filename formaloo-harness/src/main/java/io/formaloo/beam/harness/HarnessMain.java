package io.formaloo.beam.harness;

import io.formaloo.beam.pipelines.Main;
import java.util.ArrayList;
import java.util.List;

/**
 * The harness jar's entry point: {@code java -jar formaloo-harness-bundled.jar <command>
 * [options]}: the demo and the soak, and every command of the pipelines' jar ({@link Main}).
 */
public final class HarnessMain {
  private HarnessMain() {}

  /** Runs the command {@code args[0]} names with the other arguments; exits as it does. */
  public static void main(String[] args) {
    List<Main.Command> commands = new ArrayList<>(Main.PIPELINES);
    commands.add(
        new Main.Command(
            Demo.NAME,
            "an emulated API, a backfill, an export and a report, on this machine",
            Demo::main));
    commands.add(
        new Main.Command(
            Soak.NAME, "the backfill and export under faults, checked exactly (long)", Soak::main));
    Main.run("formaloo-harness-bundled.jar", commands, args);
  }
}
