package io.formaloo.beam.testing;

import io.formaloo.beam.emulator.EmulatorConfig;
import io.formaloo.beam.emulator.FormalooEmulator;
import io.formaloo.beam.io.client.FormalooConfig;
import io.formaloo.beam.io.client.FormalooCredentials;
import io.formaloo.beam.io.client.RateLimit;
import io.formaloo.beam.io.client.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the Formaloo API emulator on a free loopback port for a test class or a test method, and
 * hands the test a ready {@link FormalooConfig} that points at it.
 *
 * <pre>{@code
 * class MyPipelineTest {
 *   @RegisterExtension
 *   static final FormalooEmulatorExtension formaloo =
 *       FormalooEmulatorExtension.with(EmulatorConfig.builder().seedCustomers(200));
 *
 *   @Test
 *   void exportsEveryCustomer() {
 *     Pipeline p = TestPipelines.direct();
 *     PCollection<Customer> customers = p.apply(FormalooIO.readCustomers().withConfig(formaloo.config()));
 *     ...
 *     assertThat(formaloo.emulator().endpointCount("GET /customers/"), greaterThan(0L));
 *   }
 * }
 * }</pre>
 *
 * <p>Registered on a {@code static} field, one emulator serves the whole class; on an instance
 * field, each test method gets a fresh one (seeded anew, request log empty). Test methods and
 * lifecycle methods may also take a {@link FormalooEmulator} or a {@link FormalooConfig} parameter.
 *
 * <p>Everything the emulator can be told (seed sizes and dates, faults, churn, page sizes, rate
 * limits, a rejected email domain, ...) is set on the {@link EmulatorConfig.Builder} passed in;
 * what it received is in {@link FormalooEmulator#requestLog()}, {@link
 * FormalooEmulator#endpointCounts()} and its finders.
 */
public final class FormalooEmulatorExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {

  private final EmulatorConfig emulatorConfig;
  private FormalooEmulator emulator;

  /**
   * How many class containers hold a static registration open: a {@code @Nested} class inherits the
   * enclosing class's extension and calls {@code beforeAll} again, and must share its emulator.
   */
  private int openClasses;

  private FormalooEmulatorExtension(EmulatorConfig emulatorConfig) {
    this.emulatorConfig = emulatorConfig;
  }

  /** An emulator with the given configuration. */
  public static FormalooEmulatorExtension with(EmulatorConfig.Builder config) {
    return new FormalooEmulatorExtension(config.build());
  }

  /** An emulator seeded with {@code customers} customers and {@code activities} activities. */
  public static FormalooEmulatorExtension seeded(int customers, int activities) {
    return with(EmulatorConfig.builder().seedCustomers(customers).seedActivities(activities));
  }

  /** The running emulator. */
  public FormalooEmulator emulator() {
    if (emulator == null) {
      throw new IllegalStateException(
          "The emulator is not running: register the extension with @RegisterExtension and use it"
              + " from a test or a @BeforeEach/@BeforeAll method");
    }
    return emulator;
  }

  /**
   * A connector configuration for the emulator: its base URL, business and credentials, retries
   * with backoffs short enough for tests (12 attempts, 5 ms to 200 ms), and no client-side rate
   * limit.
   */
  public FormalooConfig config() {
    return configBuilder().build();
  }

  /** As {@link #config()}, to change before building. */
  public FormalooConfig.Builder configBuilder() {
    return configFor(emulator());
  }

  /** A connector configuration for any running emulator; see {@link #config()}. */
  public static FormalooConfig.Builder configFor(FormalooEmulator emulator) {
    return FormalooConfig.builder()
        .baseUrl(emulator.baseUrl())
        .business(emulator.business())
        .credentials(FormalooCredentials.of(emulator.apiKey(), emulator.apiSecret()))
        .retryPolicy(
            RetryPolicy.builder()
                .maxAttempts(12)
                .initialBackoff(Duration.ofMillis(5))
                .maxBackoff(Duration.ofMillis(200))
                .maxRetryAfter(Duration.ofSeconds(2))
                .build())
        .rateLimit(RateLimit.unlimited());
  }

  /**
   * Writes the emulator's credentials to {@code folder/formaloo.properties} ({@code api_key} and
   * {@code api_secret}) and answers its path: for what takes credentials by reference, such as the
   * schema transforms' {@code credentials_file} and the scripts' {@code --credentialsFile}.
   */
  public Path credentialsFile(Path folder) {
    Path file = folder.resolve("formaloo.properties");
    try {
      Files.writeString(
          file, "api_key=" + emulator().apiKey() + "\napi_secret=" + emulator().apiSecret() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Requests the emulator answered, by endpoint (e.g. {@code "GET /customers/"}). */
  public Map<String, Long> received() {
    return emulator().endpointCounts();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (openClasses++ == 0) {
      emulator = FormalooEmulator.start(emulatorConfig);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (--openClasses == 0) {
      stop();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (openClasses == 0) {
      emulator = FormalooEmulator.start(emulatorConfig);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (openClasses == 0) {
      stop();
    }
  }

  private void stop() {
    if (emulator != null) {
      emulator.close();
      emulator = null;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FormalooEmulator.class || type == FormalooConfig.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FormalooEmulator.class ? emulator() : config();
  }
}
