package dev.cairn.issuer.client;

import java.util.List;
import java.util.Optional;

/** What became of one accepted Credential Configuration. */
public sealed interface ConfigurationOutcome {

  String configurationId();

  /**
   * Credentials received, verified and bound. The wallet stores them, then reports {@code credential_accepted}
   * (or {@code credential_deleted} if the learner declines) through {@code notification}.
   */
  record Issued(String configurationId, List<ReceivedCredential> credentials, Optional<NotificationHandle> notification)
      implements ConfigurationOutcome {
    public Issued {
      credentials = List.copyOf(credentials);
    }
  }

  /** The issuer deferred issuance (§9): collect later with {@link IssuanceClient#collectDeferred}. */
  record Deferred(String configurationId, DeferredCredential deferred) implements ConfigurationOutcome {}

  /**
   * Nothing to store: the issuer refused, or what it sent failed verification or binding — in which case the client
   * already reported {@code credential_failure} (§11.1) and nothing of it is kept.
   */
  record Refused(String configurationId, IssuanceFailure failure) implements ConfigurationOutcome {}
}
