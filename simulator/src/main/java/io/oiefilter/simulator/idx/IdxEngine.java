package io.oiefilter.simulator.idx;

import io.oiefilter.simulator.mail.Outbox;
import io.oiefilter.simulator.org.AuthenticatorKind;
import io.oiefilter.simulator.org.Org;
import io.oiefilter.simulator.org.OrgUser;
import io.oiefilter.simulator.org.Requirement;
import io.oiefilter.simulator.org.Totp;
import io.oiefilter.simulator.org.UserStatus;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The org's policy engine: after every accepted step it decides what the transaction offers next,
 * as Okta does: verify the sign-on policy's authenticators (password first, then the rest through
 * select-authenticator-authenticate), enroll what the enrollment policy requires (optional ones
 * skippable), then succeed. Email codes are sent to the outbox, live 5 minutes and work once.
 */
public final class IdxEngine {
    public static final Duration EMAIL_CODE_LIFETIME = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Org org;
    private final Interactions interactions;
    private final Outbox outbox;
    private final Clock clock;

    public IdxEngine(Org org, Interactions interactions, Outbox outbox, Clock clock) {
        this.org = org;
        this.interactions = interactions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Opens a transaction at its first offer; an activating user skips identify and goes to enrollment. */
    public Interaction open(io.oiefilter.simulator.org.OrgApp app, List<String> scopes, String codeChallenge, String redirectUri,
                            String state, String nonce, OrgUser activating) {
        Interaction i = interactions.open(app, scopes, codeChallenge, redirectUri, state, nonce);
        synchronized (i) {
            if (activating != null) {
                i.user = activating;
                i.intent = Interaction.Intent.ACTIVATION;
            }
            advance(i);
        }
        return i;
    }

    /** Moves the transaction to its next offer; call with the interaction's monitor held. */
    public Offer advance(Interaction i) {
        i.offer = next(i);
        return i.offer;
    }

    private Offer next(Interaction i) {
        if (i.interactionCode != null) {
            return Offer.of(Offer.Kind.SUCCESS);
        }
        if (i.intent == Interaction.Intent.UNLOCK) {
            return i.unlocked ? Offer.of(Offer.Kind.UNLOCKED) : i.unlockIdentifier == null ? Offer.of(Offer.Kind.SELECT_UNLOCK)
                    : new Offer(Offer.Kind.UNLOCK_CHALLENGE, List.of(AuthenticatorKind.EMAIL), false);
        }
        if (i.user == null) {
            return Offer.of(i.signingUp ? Offer.Kind.ENROLL_PROFILE : Offer.Kind.IDENTIFY);
        }
        if (i.current != null) {
            Offer.Kind kind = kindOf(i.mode);
            return new Offer(kind, List.of(i.current), kind == Offer.Kind.ENROLL && enrollmentSkippable(i));
        }
        List<AuthenticatorKind> toVerify = new ArrayList<>();
        // Recovering, any one of the org's recovery authenticators the user has is enough.
        boolean recoveredByOne = i.intent == Interaction.Intent.RECOVERY && factors(i).stream().anyMatch(i.verified::contains);
        for (AuthenticatorKind k : recoveredByOne ? List.<AuthenticatorKind>of() : factors(i)) {
            if (!i.verified.contains(k) && i.user.enrolled(k)) {
                toVerify.add(k);
            }
        }
        if (!toVerify.isEmpty()) {
            if (i.intent == Interaction.Intent.LOGIN && i.verified.isEmpty() && toVerify.get(0) == AuthenticatorKind.PASSWORD) {
                return start(i, AuthenticatorKind.PASSWORD, Interaction.Mode.CHALLENGE);
            }
            return new Offer(Offer.Kind.SELECT_AUTHENTICATE, toVerify, false);
        }
        List<AuthenticatorKind> second = secondFactors(i);
        if (second.stream().noneMatch(i.verified::contains)) {
            List<AuthenticatorKind> enrolled = second.stream().filter(i.user::enrolled).toList();
            if (!enrolled.isEmpty()) { // one of them; who has none must enroll one (see enrollments)
                return new Offer(Offer.Kind.SELECT_AUTHENTICATE, enrolled, false);
            }
        }
        if (i.intent == Interaction.Intent.RECOVERY && !i.verified.contains(AuthenticatorKind.PASSWORD)) {
            return start(i, AuthenticatorKind.PASSWORD, Interaction.Mode.RESET);
        }
        if (i.user.status() == UserStatus.PASSWORD_EXPIRED) {
            return start(i, AuthenticatorKind.PASSWORD, Interaction.Mode.REENROLL); // must change it before going on
        }
        List<AuthenticatorKind> options = enrollable(i);
        if (!options.isEmpty()) {
            return new Offer(Offer.Kind.SELECT_ENROLL, options, enrollments(i, true).isEmpty());
        }
        succeed(i);
        return Offer.of(Offer.Kind.SUCCESS);
    }

    /** Starts a challenge, enrollment or reset of one authenticator (sending an email code where needed). */
    public Offer start(Interaction i, AuthenticatorKind kind, Interaction.Mode mode) {
        i.current = kind;
        i.mode = mode;
        if (kind == AuthenticatorKind.EMAIL) {
            sendEmailCode(i);
        }
        i.clearPhone(); // the phone's method (and number) come with the next request: PhoneSteps
        if (kind == AuthenticatorKind.OKTA_VERIFY) {
            OktaVerifySteps.begin(i, mode, org.oktaVerifyNumberChallenge());
        }
        i.totpSecret = kind == AuthenticatorKind.GOOGLE_OTP && mode == Interaction.Mode.ENROLL ? Totp.newSecret() : null;
        i.webAuthnChallenge = kind == AuthenticatorKind.WEBAUTHN ? WebAuthnSteps.newChallenge() : null;
        return new Offer(kindOf(mode), List.of(kind), mode == Interaction.Mode.ENROLL && enrollmentSkippable(i));
    }

    private static Offer.Kind kindOf(Interaction.Mode mode) {
        return switch (mode) {
            case CHALLENGE -> Offer.Kind.CHALLENGE;
            case ENROLL -> Offer.Kind.ENROLL;
            case RESET -> Offer.Kind.RESET;
            case REENROLL -> Offer.Kind.REENROLL;
        };
    }

    /** The authenticator in progress is done: verified, enrolled or reset. */
    public void complete(Interaction i) {
        i.verified.add(i.current);
        if (i.current == AuthenticatorKind.PHONE) {
            i.phoneVerifiedBy = i.phoneMethod;
        }
        i.current = null;
        i.mode = null;
        i.emailCode = null;
        i.totpSecret = null;
        i.clearPhone();
        i.webAuthnChallenge = null;
        i.ovMethod = null;
        i.ovChannel = null;
        i.ovLinkSentTo = null;
    }

    /**
     * Emails a new code to the transaction's user. Unlocking, that is the LOCKED_OUT user the
     * identifier names; for any other identifier nothing is sent and no code will match.
     */
    public void sendEmailCode(Interaction i) {
        boolean unlocking = i.intent == Interaction.Intent.UNLOCK;
        OrgUser u = unlocking ? i.unlockTarget : i.user;
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        i.emailCode = u == null ? null : code;
        i.emailCodeSentAt = clock.instant();
        i.emailCodeExpires = i.emailCodeSentAt.plus(EMAIL_CODE_LIFETIME);
        if (u == null) {
            return;
        }
        String purpose = unlocking ? "unlock your account"
                : (i.mode == Interaction.Mode.ENROLL ? "verify your email address" : "sign in") + " to " + i.app().label();
        outbox.send(u.email(), unlocking ? "Unlock your account" : "Your verification code", "Hi " + u.firstName() + ", enter "
                + code + " to " + purpose + ". The code expires in " + EMAIL_CODE_LIFETIME.toMinutes() + " minutes.",
                "otp", code, null, i.emailCodeSentAt);
    }

    /** A code matches once, before it expires. */
    public boolean emailCodeMatches(Interaction i, String candidate) {
        boolean ok = i.emailCode != null && candidate != null && clock.instant().isBefore(i.emailCodeExpires)
                && java.security.MessageDigest.isEqual(i.emailCode.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        candidate.trim().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (ok) {
            i.emailCode = null;
        }
        return ok;
    }

    /** What must be verified where enrolled: signing in the password; recovering one of the org's recovery authenticators. */
    private List<AuthenticatorKind> factors(Interaction i) {
        return switch (i.intent) {
            case LOGIN -> List.of(AuthenticatorKind.PASSWORD);
            case RECOVERY -> org.recoveryAuthenticators().stream().filter(org::authenticatorActive).toList();
            case ACTIVATION, UNLOCK -> List.of();
        };
    }

    /** Signing in, the app's second factors the org has: one of them must follow the password. */
    private List<AuthenticatorKind> secondFactors(Interaction i) {
        return i.intent != Interaction.Intent.LOGIN ? List.of() : enrollableSecondFactors(i);
    }

    private List<AuthenticatorKind> enrollableSecondFactors(Interaction i) {
        return i.app().secondFactors().stream().filter(org::authenticatorActive).toList();
    }

    /** What the user may still enroll now: the required ones, then the optional ones not skipped. */
    public List<AuthenticatorKind> enrollable(Interaction i) {
        if (i.user == null) {
            return List.of();
        }
        List<AuthenticatorKind> out = new ArrayList<>(enrollments(i, true));
        if (!i.optionalSkipped) {
            out.addAll(enrollments(i, false));
        }
        return out;
    }

    /**
     * The enrollment policy's required (or optional) authenticators the user lacks. An app's second factors count
     * as required while the user has none of them: any one of them then satisfies the sign-on policy.
     */
    private List<AuthenticatorKind> enrollments(Interaction i, boolean required) {
        List<AuthenticatorKind> out = new ArrayList<>();
        List<AuthenticatorKind> second = enrollableSecondFactors(i);
        boolean needsSecond = second.stream().noneMatch(i.user::enrolled);
        for (AuthenticatorKind k : AuthenticatorKind.values()) {
            Requirement r = org.enrollmentPolicy(k);
            boolean mustHave = r == Requirement.REQUIRED || (needsSecond && second.contains(k));
            if (org.authenticatorActive(k) && !i.user.enrolled(k) && (required ? mustHave : !mustHave && r == Requirement.OPTIONAL)) {
                out.add(k);
            }
        }
        return out;
    }

    private boolean enrollmentSkippable(Interaction i) {
        return enrollments(i, true).isEmpty();
    }

    private void succeed(Interaction i) {
        OrgUser u = i.user;
        if (u.status() == UserStatus.PROVISIONED || u.status() == UserStatus.STAGED || u.status() == UserStatus.RECOVERY) {
            u.status(UserStatus.ACTIVE, clock.instant()); // activation (or recovery) completed
        }
        u.signedIn(clock.instant());
        interactions.issueCode(i);
    }
}
