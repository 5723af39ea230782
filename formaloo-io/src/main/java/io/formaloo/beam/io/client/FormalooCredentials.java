package io.formaloo.beam.io.client;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where the client gets its API key and secret (or access token).
 *
 * <ul>
 *   <li>{@link #of(String, String)}: explicit values.
 *   <li>{@link #fromEnvironment()}: {@code FORMALOO_API_KEY}, {@code FORMALOO_API_SECRET} (and
 *       {@code FORMALOO_ACCESS_TOKEN} for {@link AuthFlow#STATIC_TOKEN}).
 *   <li>{@link #fromFile(Path)}: a properties file with {@code api_key}, {@code api_secret} (and
 *       {@code access_token}).
 *   <li>{@link #fromProvider(CredentialsProvider)}: anything else, such as a secret manager; called
 *       where the client runs.
 * </ul>
 *
 * <p>The environment and the file are read when the credentials are created, that is where the
 * pipeline is built, so that a missing variable fails at once; the values then travel with the
 * pipeline like explicit ones. A provider is only called on the workers: use one to keep secrets
 * out of the serialized pipeline.
 *
 * <p>{@link #toString()} names the source, never a value.
 */
public abstract class FormalooCredentials implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The environment variable holding the API key. */
  public static final String API_KEY_VARIABLE = "FORMALOO_API_KEY";

  /** The environment variable holding the API secret. */
  public static final String API_SECRET_VARIABLE = "FORMALOO_API_SECRET";

  /** The environment variable holding an access token, for {@link AuthFlow#STATIC_TOKEN}. */
  public static final String ACCESS_TOKEN_VARIABLE = "FORMALOO_ACCESS_TOKEN";

  FormalooCredentials() {}

  /** An API key and secret, for the flows that obtain tokens. */
  public static FormalooCredentials of(String apiKey, String apiSecret) {
    return new Explicit(
        "explicit", required("apiKey", apiKey), required("apiSecret", apiSecret), null);
  }

  /** Only an API key, for {@link AuthFlow#WRITE_KEY_ONLY}. */
  public static FormalooCredentials apiKeyOnly(String apiKey) {
    return new Explicit("explicit", required("apiKey", apiKey), null, null);
  }

  /** An API key and an access token obtained elsewhere, for {@link AuthFlow#STATIC_TOKEN}. */
  public static FormalooCredentials accessToken(String apiKey, String accessToken) {
    return new Explicit(
        "explicit", required("apiKey", apiKey), null, required("accessToken", accessToken));
  }

  /**
   * Reads {@code FORMALOO_API_KEY}, {@code FORMALOO_API_SECRET} and {@code FORMALOO_ACCESS_TOKEN}
   * now.
   *
   * @throws IllegalArgumentException if {@code FORMALOO_API_KEY} is not set
   */
  public static FormalooCredentials fromEnvironment() {
    return fromEnvironment(System::getenv);
  }

  static FormalooCredentials fromEnvironment(Function<String, String> environment) {
    String key = environment.apply(API_KEY_VARIABLE);
    if (key == null || key.trim().isEmpty()) {
      throw new IllegalArgumentException(
          "credentials: the environment variable " + API_KEY_VARIABLE + " is not set");
    }
    return new Explicit(
        "environment",
        key.trim(),
        trimmed(environment.apply(API_SECRET_VARIABLE)),
        trimmed(environment.apply(ACCESS_TOKEN_VARIABLE)));
  }

  /**
   * Reads a properties file now: {@code api_key}, and {@code api_secret} or {@code access_token}.
   *
   * @throws IllegalArgumentException if the file cannot be read or has no {@code api_key}
   */
  public static FormalooCredentials fromFile(Path file) {
    required("credentials file", file);
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IOException e) {
      // The exception's own message is only the path and the reason; the content is never read
      // into it.
      throw new IllegalArgumentException(
          "credentials: cannot read the credentials file " + file + ": " + e, e);
    }
    String key = trimmed(props.getProperty("api_key"));
    if (key == null) {
      throw new IllegalArgumentException(
          "credentials: the credentials file " + file + " has no api_key");
    }
    return new Explicit(
        "file " + file,
        key,
        trimmed(props.getProperty("api_secret")),
        trimmed(props.getProperty("access_token")));
  }

  /** Credentials supplied by {@code provider} each time a client is created, where it runs. */
  public static FormalooCredentials fromProvider(CredentialsProvider provider) {
    return new Provided(required("provider", provider));
  }

  /** Where these credentials come from, without any value: safe for logs and display data. */
  public abstract String source();

  /** Produces the values, calling the provider if there is one. */
  abstract Secrets resolve();

  /** Whether {@link #resolve()} is cheap and local, so that a config can be checked at once. */
  abstract boolean isResolvedEagerly();

  @Override
  public final String toString() {
    return "FormalooCredentials{" + source() + "}";
  }

  private static <T> T required(String name, T value) {
    if (value == null || (value instanceof String && ((String) value).trim().isEmpty())) {
      throw new IllegalArgumentException("credentials: " + name + " must not be blank");
    }
    return value;
  }

  private static @Nullable String trimmed(@Nullable String value) {
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }

  /** Values held in memory (and serialized with the pipeline). */
  private static final class Explicit extends FormalooCredentials {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String apiKey;
    private final @Nullable String apiSecret;
    private final @Nullable String accessToken;

    Explicit(
        String source, String apiKey, @Nullable String apiSecret, @Nullable String accessToken) {
      this.source = source;
      this.apiKey = apiKey;
      this.apiSecret = apiSecret;
      this.accessToken = accessToken;
    }

    @Override
    public String source() {
      return source;
    }

    @Override
    Secrets resolve() {
      return new Secrets(apiKey, apiSecret, accessToken);
    }

    @Override
    boolean isResolvedEagerly() {
      return true;
    }
  }

  /** Values fetched where the client runs. */
  private static final class Provided extends FormalooCredentials {
    private static final long serialVersionUID = 1L;

    private final CredentialsProvider provider;

    Provided(CredentialsProvider provider) {
      this.provider = provider;
    }

    @Override
    public String source() {
      // The class name only: a provider's own toString might print what it holds.
      return "provider " + provider.getClass().getName();
    }

    @Override
    Secrets resolve() {
      FormalooCredentials supplied;
      try {
        supplied = provider.get();
      } catch (Exception e) {
        // Not chained: the provider's exception could quote what it was reading.
        throw new IllegalArgumentException(
            "credentials: the credentials provider "
                + provider.getClass().getName()
                + " failed with "
                + e.getClass().getName());
      }
      if (supplied == null || supplied instanceof Provided) {
        throw new IllegalArgumentException(
            "credentials: the credentials provider "
                + provider.getClass().getName()
                + " must return explicit credentials, such as FormalooCredentials.of(key, secret)");
      }
      return supplied.resolve();
    }

    @Override
    boolean isResolvedEagerly() {
      return false;
    }
  }
}
