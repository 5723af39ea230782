package io.formaloo.beam.io.client;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormalooCredentialsTest {
  private static final String KEY = "credentials-test-key";
  private static final String SECRET = "credentials-test-secret";

  @Test
  void explicitValuesAreUsedAsGiven() {
    Secrets s = FormalooCredentials.of(KEY, SECRET).resolve();
    assertThat(s.apiKey(), is(KEY));
    assertThat(s.apiSecret(), is(SECRET));
  }

  @Test
  void blankKeyIsRefused() {
    assertThat(
        assertThrows(IllegalArgumentException.class, () -> FormalooCredentials.of(" ", SECRET))
            .getMessage(),
        containsString("apiKey"));
  }

  @Test
  void environmentVariablesAreRead() {
    Map<String, String> env = Map.of("FORMALOO_API_KEY", KEY, "FORMALOO_API_SECRET", SECRET + "\n");
    Secrets s = FormalooCredentials.fromEnvironment(env::get).resolve();
    assertThat(s.apiKey(), is(KEY));
    assertThat(s.apiSecret(), is(SECRET));
  }

  @Test
  void missingEnvironmentVariableIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FormalooCredentials.fromEnvironment(Map.<String, String>of()::get));
    assertThat(e.getMessage(), containsString("FORMALOO_API_KEY is not set"));
  }

  @Test
  void environmentWithoutASecretFailsForAFlowThatNeedsOne() {
    FormalooCredentials keyOnly =
        FormalooCredentials.fromEnvironment(Map.of("FORMALOO_API_KEY", KEY)::get);
    assertThat(
        assertThrows(
                IllegalArgumentException.class,
                () -> FormalooConfig.builder().credentials(keyOnly).build())
            .getMessage(),
        containsString("needs an API secret"));
  }

  @Test
  void propertiesFileIsRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("formaloo.properties");
    Files.writeString(
        file, "api_key=" + KEY + "\napi_secret = " + SECRET + "\n", StandardCharsets.UTF_8);
    FormalooCredentials credentials = FormalooCredentials.fromFile(file);
    assertThat(credentials.resolve().apiSecret(), is(SECRET));
    assertThat(credentials.toString(), containsString("file " + file));
  }

  @Test
  void unreadableFileIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("missing.properties");
    assertThat(
        assertThrows(IllegalArgumentException.class, () -> FormalooCredentials.fromFile(missing))
            .getMessage(),
        containsString("cannot read the credentials file " + missing));
  }

  @Test
  void fileWithoutAKeyIsRefusedWithoutQuotingIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("secret-only.properties");
    Files.writeString(file, "api_secret=" + SECRET, StandardCharsets.UTF_8);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FormalooCredentials.fromFile(file));
    assertThat(e.getMessage(), containsString("has no api_key"));
    assertThat(e.getMessage(), not(containsString(SECRET)));
  }

  @Test
  void providerIsCalledWhereTheClientIsMadeNotWhereTheConfigIs() {
    CountingProvider.CALLS.set(0);
    FormalooConfig config =
        FormalooConfig.builder()
            .credentials(FormalooCredentials.fromProvider(new CountingProvider()))
            .build();
    assertThat(CountingProvider.CALLS.get(), is(0));
    assertThat(config.credentials().resolve().apiSecret(), is(SECRET));
    assertThat(CountingProvider.CALLS.get(), is(1));
  }

  @Test
  void failingProviderIsNamedButItsMessageIsNotRepeated() {
    FormalooCredentials credentials =
        FormalooCredentials.fromProvider(
            () -> {
              throw new IllegalStateException("vault said: " + SECRET);
            });
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, credentials::resolve);
    assertThat(e.getMessage(), containsString("credentials provider"));
    assertThat(e.getMessage(), not(containsString(SECRET)));
    assertThat(e.getCause(), is(nullValue()));
  }

  @Test
  void toStringNamesTheSourceOnly() {
    for (FormalooCredentials c :
        new FormalooCredentials[] {
          FormalooCredentials.of(KEY, SECRET),
          FormalooCredentials.accessToken(KEY, SECRET),
          FormalooCredentials.fromEnvironment(
              Map.of("FORMALOO_API_KEY", KEY, "FORMALOO_API_SECRET", SECRET)::get),
          FormalooCredentials.fromProvider(new CountingProvider())
        }) {
      assertThat(c.toString(), not(containsString(KEY)));
      assertThat(c.toString(), not(containsString(SECRET)));
      assertThat(c.resolve().toString(), not(containsString(SECRET)));
    }
  }

  @Test
  void tokenCacheKeyHoldsNoCredentialAndChangesWithTheSecret() {
    String key =
        FormalooCredentials.of(KEY, SECRET).resolve().cacheKey("https://x", AuthFlow.SERVICE_TOKEN);
    String rotated =
        FormalooCredentials.of(KEY, SECRET + "2")
            .resolve()
            .cacheKey("https://x", AuthFlow.SERVICE_TOKEN);
    assertThat(key, not(containsString(KEY)));
    assertThat(key, not(containsString(SECRET)));
    assertThat(key.equals(rotated), is(false));
  }

  /** A provider that counts its calls (static: a provider is serialized, its fields copied). */
  private static final class CountingProvider implements CredentialsProvider {
    static final AtomicInteger CALLS = new AtomicInteger();

    @Override
    public FormalooCredentials get() {
      CALLS.incrementAndGet();
      return FormalooCredentials.of(KEY, SECRET);
    }
  }
}
