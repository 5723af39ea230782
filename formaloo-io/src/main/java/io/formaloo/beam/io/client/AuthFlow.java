package io.formaloo.beam.io.client;

/** How the client proves who it is to the Formaloo API. */
public enum AuthFlow {
  /**
   * The service's own client-credentials flow, the one Formaloo's SDKs use: {@code POST
   * /oauth2/authorization-token/} with {@code Authorization: Basic <API secret>}, then {@code
   * Authorization: JWT <token>} on every call. Needs an API key and secret. The default.
   */
  SERVICE_TOKEN,
  /**
   * Standard OAuth2 client credentials (RFC 6749 section 4.4): {@code POST /oauth/authorize} with
   * the key and secret as HTTP Basic client credentials, then {@code Authorization: Bearer
   * <token>}. Needs an API key and secret.
   */
  OAUTH2_CLIENT_CREDENTIALS,
  /**
   * An access token obtained elsewhere (for example by the authorization-code flow), sent as {@code
   * Authorization: Bearer <token>}. It cannot be refreshed: a 401 is a configuration error. Needs
   * an API key and an access token.
   */
  STATIC_TOKEN,
  /**
   * Only {@code x-api-key} is sent. Enough for the write endpoints (creating customers and
   * activities). Needs an API key.
   */
  WRITE_KEY_ONLY
}
