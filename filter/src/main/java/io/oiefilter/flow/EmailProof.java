package io.oiefilter.flow;

import java.io.Serializable;

/**
 * How an activation proves the account's email address when Okta's IDX does not email the code
 * itself: a code the filter sent ({@link LocalCode}), or Okta's challenge of an email factor that is
 * already enrolled ({@link FactorChallenge}).
 */
public sealed interface EmailProof extends Serializable permits LocalCode, FactorChallenge {
}
