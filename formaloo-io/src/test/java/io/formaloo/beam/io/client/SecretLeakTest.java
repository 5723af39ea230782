package io.formaloo.beam.io.client;

import static io.formaloo.beam.io.client.TestConfigs.client;
import static io.formaloo.beam.io.client.TestConfigs.configFor;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.Faults;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.model.Customer;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.beam.runners.core.metrics.MetricUpdates;
import org.apache.beam.runners.core.metrics.MetricsContainerImpl;
import org.apache.beam.sdk.metrics.MetricsEnvironment;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the client through everything that logs or fails (token renewal, retries, rejected keys,
 * secrets and tokens, invalid records) with every log turned up, and looks for the credentials in
 * all it printed, threw and counted.
 */
class SecretLeakTest {
  private static final String KEY = "key-0123456789-LEAKCHECK";
  private static final String SECRET = "secret-9876543210-LEAKCHECK";

  private FormalooEmulator emulator;
  private final VirtualTime time = new VirtualTime();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final List<String> julRecords = new ArrayList<>();
  private final List<String> surfaced = new ArrayList<>();
  private final List<String> tokens = new ArrayList<>();
  private PrintStream originalErr;
  private PrintStream originalOut;
  private Handler julCapture;
  private final List<Logger> turnedUp = new ArrayList<>();

  @BeforeEach
  void start() {
    TokenCache.clear();
    emulator =
        FormalooEmulator.start(
            EmulatorConfig.builder().apiKey(KEY).apiSecret(SECRET).seedCustomers(5).build());
    originalErr = System.err;
    originalOut = System.out;
    // slf4j-simple (the client's and Apache HttpClient's logs) prints to the System.err of the
    // moment; the client's loggers are at trace, Apache's header and wire loggers at debug (pom).
    System.setErr(new PrintStream(new Tee(originalErr, printed), true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(new Tee(originalOut, printed), true, StandardCharsets.UTF_8));
    // google-http-client logs requests and headers through java.util.logging.
    julCapture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            synchronized (julRecords) {
              julRecords.add(record.getLoggerName() + " " + record.getMessage());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    julCapture.setLevel(Level.ALL);
    for (String name : new String[] {"com.google.api.client", "org.apache.http", ""}) {
      Logger logger = Logger.getLogger(name);
      logger.setLevel(Level.ALL);
      logger.addHandler(julCapture);
      turnedUp.add(logger);
    }
  }

  @AfterEach
  void stop() {
    System.setErr(originalErr);
    System.setOut(originalOut);
    for (Logger logger : turnedUp) {
      logger.removeHandler(julCapture);
      logger.setLevel(null);
    }
    Logger.getLogger("").setLevel(Level.INFO);
    emulator.close();
  }

  @Test
  void noCredentialOrTokenAppearsInLogsExceptionsDisplayDataOrMetrics() throws Exception {
    MetricsContainerImpl metrics = new MetricsContainerImpl("leak-test");
    FormalooConfig config = configFor(emulator).build();
    surfaced.add(config.toString());
    surfaced.add(config.credentials().toString());
    surfaced.add(DisplayData.from(config).toString());
    surfaced.add(config.retryPolicy().toString());

    try (Closeable scope = MetricsEnvironment.scopedMetricsContainer(metrics);
        FormalooClient client = client(config, time)) {
      client.listCustomers(1);
      rememberToken(config);

      emulator.expireAllTokens();
      client.listCustomers(1);
      rememberToken(config);

      time.onSleep(n -> emulator.setFaults(Faults.none()));
      emulator.setFaults(Faults.builder().errorRate(1.0).build());
      client.listCustomers(1);
      emulator.setFaults(Faults.builder().dropRate(1.0).build());
      client.listCustomers(1);

      capture(() -> client.createCustomer(Customer.builder().setEmail("not-an-email").build()));
      capture(() -> client.getCustomer("no-such-customer"));
      capture(() -> client.deleteActionType("signup"));

      emulator.setFaults(Faults.builder().errorRate(1.0).build());
      time.onSleep(n -> {});
      capture(() -> client.listCustomers(1));
      emulator.setFaults(Faults.none());

      for (FormalooConfig bad :
          List.of(
              configFor(emulator).credentials(FormalooCredentials.of(KEY, "wrong")).build(),
              configFor(emulator).credentials(FormalooCredentials.of("wrong", SECRET)).build(),
              configFor(emulator)
                  .authFlow(AuthFlow.OAUTH2_CLIENT_CREDENTIALS)
                  .credentials(FormalooCredentials.of(KEY, SECRET + "x"))
                  .build(),
              configFor(emulator)
                  .authFlow(AuthFlow.STATIC_TOKEN)
                  .credentials(FormalooCredentials.accessToken(KEY, tokens.get(0)))
                  .build())) {
        try (FormalooClient rejected = client(bad, time)) {
          capture(() -> rejected.listCustomers(1));
        }
      }
    }
    for (MetricUpdates.MetricUpdate<Long> counter : metrics.getCumulative().counterUpdates()) {
      surfaced.add(counter.getKey().toString());
    }

    // The root logger hears every thread of the JVM (servers and workers of earlier tests too):
    // read the records under the lock their handler takes.
    String julLog;
    synchronized (julRecords) {
      julLog = String.join("\n", julRecords);
    }
    String logs = printed.toString(StandardCharsets.UTF_8) + julLog;
    // The capture works: the renewal and the retries were logged.
    assertThat(logs, containsString("answered 401; renewing the token"));
    assertThat(logs, containsString("got no answer"));
    assertThat(tokens, hasSize(2));

    String everything = logs + "\n" + String.join("\n", surfaced);
    for (String secret : List.of(KEY, SECRET, tokens.get(0), tokens.get(1))) {
      assertThat(everything, not(containsString(secret)));
    }
  }

  /** Runs a call that must fail, and keeps everything its exception would show. */
  private void capture(Runnable call) {
    try {
      call.run();
      throw new AssertionError("expected the call to fail");
    } catch (FormalooException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      surfaced.add(trace.toString());
      surfaced.add(String.valueOf(e.detail()));
      surfaced.add(e.fieldErrors().toString());
    }
  }

  private void rememberToken(FormalooConfig config) {
    String key = config.credentials().resolve().cacheKey(config.baseUrl(), config.authFlow());
    tokens.add(TokenCache.forKey(key).peek().value);
  }

  /** Writes to two streams. */
  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public synchronized void write(int c) throws java.io.IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }

    @Override
    public synchronized void flush() throws java.io.IOException {
      a.flush();
      b.flush();
    }
  }
}
