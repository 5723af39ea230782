package io.formaloo.beam.io.client;

/** Puts credentials on each attempt of a request, and reacts when the API rejects them. */
interface Authenticator {
  /** Sends nothing: for the token requests, which carry their own credentials. */
  Authenticator NONE =
      new Authenticator() {
        @Override
        public Authorization authorize() {
          return Authorization.NONE;
        }

        @Override
        public boolean canRenew() {
          return false;
        }

        @Override
        public void rejected(Authorization used) {}

        @Override
        public String rejection() {
          return "the credentials were rejected";
        }

        @Override
        public String redact(String text) {
          return text;
        }
      };

  /** The headers for the next attempt, fetching a token if needed. */
  Authorization authorize();

  /** Whether a 401 may be cured by renewing the token. */
  boolean canRenew();

  /** The API answered 401 to {@code used}: drop its token so that the next attempt renews it. */
  void rejected(Authorization used);

  /** What to tell the user when the API keeps rejecting the credentials. */
  String rejection();

  /** Strips every credential this authenticator knows from {@code text}. */
  String redact(String text);
}
