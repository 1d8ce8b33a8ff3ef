package io.oiefilter.idx.okta;

import com.okta.idx.sdk.api.client.IDXAuthenticationWrapper;
import com.okta.idx.sdk.api.model.Authenticator;
import com.okta.idx.sdk.api.model.Credentials;
import com.okta.idx.sdk.api.model.IDXClientContext;
import com.okta.idx.sdk.api.model.UserProfile;
import com.okta.idx.sdk.api.request.AnswerChallengeRequestBuilder;
import com.okta.idx.sdk.api.request.ChallengeRequestBuilder;
import com.okta.idx.sdk.api.request.EnrollRequestBuilder;
import com.okta.idx.sdk.api.request.EnrollUserProfileUpdateRequestBuilder;
import com.okta.idx.sdk.api.request.IdentifyRequestBuilder;
import com.okta.idx.sdk.api.request.RecoverRequestBuilder;
import com.okta.idx.sdk.api.request.SkipAuthenticatorEnrollmentRequestBuilder;
import com.okta.idx.sdk.api.response.IDXResponse;
import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.IdxException;
import io.oiefilter.idx.IdxException.Kind;
import io.oiefilter.idx.IdxOption;
import io.oiefilter.idx.IdxPort;
import io.oiefilter.idx.IdxRemediation;
import io.oiefilter.idx.IdxStep;
import io.oiefilter.idx.IdxTransaction;
import io.oiefilter.idx.TokenSet;
import io.oiefilter.log.SdkLogs;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The IDX port on okta-idx-java 2.0.0: the steps of a transaction, each one SDK call.
 *
 * <ul>
 *   <li>2.0.0's {@code interact()} sends no client secret, no nonce, nothing URL-encoded and takes no
 *       activation token, so /v1/interact is our own POST ({@link OAuthCalls}); the SDK takes over from
 *       introspect.</li>
 *   <li>2.0.0's public wrapper has no identify-only step (it always sends a password), so we use the
 *       SDK's own {@code IDXClient} from inside the wrapper: the public interface every step is made of.</li>
 *   <li>After a 4xx the SDK gives no state and drops i18n keys: a refused step's state is read from Okta's answer.</li>
 *   <li>It drops {@code expiresAt}, the enrolled authenticators, the password rules and the rate-limit
 *       headers: {@link SdkCalls} keeps each raw exchange and {@link IdxStates} reads them from it.</li>
 *   <li>Its HTTP client has no timeouts, and some of its failures are runtime exceptions: {@link SdkCalls}.</li>
 *   <li>It has no request type for select-identify, unlock-account, the unlock form, or the values of
 *       phones, Okta Verify and WebAuthn: {@link SdkCalls#post} sends them as it sends its own.</li>
 * </ul>
 * A later SDK with these APIs replaces this package.
 */
public final class OktaIdxPort implements IdxPort, AutoCloseable {

    /** The remediations answered with credentials.passcode. */
    private static final List<String> PASSCODE_REMEDIATIONS = List.of("challenge-authenticator", "enroll-authenticator",
            "reset-authenticator", "reenroll-authenticator");

    private final OieConfig config;
    private final SdkCalls sdk;
    private final OAuthCalls oauth;
    private final Clock clock;
    private final TokenCalls tokens;

    public OktaIdxPort(OieConfig config) {
        this(config, io.oiefilter.audit.OieMetrics.NONE);
    }

    /** @param metrics where each call's time and outcome is counted ({@code oie.okta.calls}) */
    public OktaIdxPort(OieConfig config, io.oiefilter.audit.OieMetrics metrics) {
        this.config = config;
        SdkLogs.keepSecretsOut(); // before any SDK client exists: no HTTP client's wire log may print a secret
        // The SDK refuses an http issuer unless the JVM-wide okta.testing.disableHttpsCheck is set, which would lift
        // the check for every other application in this JVM too. A loopback http issuer (the config lets no other
        // http through) is given to the SDK as https, and this one client is then pointed at the real address.
        String issuer = config.issuer().toString();
        IDXAuthenticationWrapper wrapper = new IDXAuthenticationWrapper(config.issuerIsLoopbackHttp()
                ? "https" + issuer.substring("http".length()) : issuer, config.clientId(),
                config.clientSecret(), new LinkedHashSet<>(config.scopes()), config.redirectUri().toString());
        this.clock = Clock.systemUTC();
        DeadlinePool calls = new DeadlinePool(config, metrics); // one bound for the sign-ins' calls, the SDK's and our own
        this.sdk = new SdkCalls(wrapper, calls);
        sdk.useIssuer(issuer);
        this.oauth = new OAuthCalls(config, clock, calls);
        this.tokens = new TokenCalls(sdk, clock);
    }

    @Override
    public void close() {
        sdk.close(); // its threads must not outlive the application
    }

    @Override
    public IdxTransaction begin() throws IdxException {
        return begin(null);
    }

    @Override
    public IdxTransaction beginActivation(String activationToken) throws IdxException {
        return begin(Objects.requireNonNull(activationToken));
    }

    private IdxTransaction begin(String activationToken) throws IdxException {
        InteractRequest request = InteractRequest.of(config, activationToken);
        String handle = oauth.interact(request.form());
        IdxTransaction tx = new IdxTransaction(handle, request.verifier(), request.challenge(), request.state(), request.nonce(), null);
        return tx.withStep(introspect(tx));
    }

    @Override
    public IdxStep introspect(IdxTransaction tx) throws IdxException {
        SdkCalls.Result<IDXResponse> r = sdk.run("introspect", c -> c.introspect(context(tx)));
        if (r.failure() == null) {
            IdxStep step = IdxStates.toStep(r.value(), r.exchange().body());
            if (tx.step() == null && step.remediations().isEmpty() && !step.succeeded()) {
                throw IdxFailures.noFirstStep(r.exchange().body());
            }
            return step;
        }
        int status = r.failure().getHttpStatus();
        if (status == 429) {
            throw IdxFailures.rateLimited("introspect", r, clock);
        }
        if (status == 401 || status == 403 || status == 404) {
            throw new IdxException(Kind.SESSION_EXPIRED, status, "introspect: transaction expired",
                    IdxStates.messages(r.failure()), null, r.failure());
        }
        throw IdxFailures.unusable("introspect", r.failure());
    }

    @Override
    public IdxStep identify(IdxTransaction tx, String identifier, char[] password, boolean rememberMe) throws IdxException {
        IdxRemediation identify = tx.step().remediation("identify").or(() -> tx.step().remediation("identify-recovery"))
                .orElseThrow(() -> IdxFailures.notOffered(tx, "identify"));
        IdentifyRequestBuilder req = IdentifyRequestBuilder.builder().withIdentifier(identifier)
                .withStateHandle(tx.step().stateHandle()).withRememberMe(rememberMe && identify.hasField("rememberMe"));
        if (password != null && identify.hasField("credentials")) {
            req.withCredentials(credentials(password));
        }
        return step(tx, "identify", c -> c.identify(req.build(), identify.href()));
    }

    @Override
    public IdxStep answer(IdxTransaction tx, char[] passcode) throws IdxException {
        IdxRemediation answer = PASSCODE_REMEDIATIONS.stream().map(n -> tx.step().remediation(n)).flatMap(Optional::stream)
                .findFirst().orElseThrow(() -> IdxFailures.notOffered(tx, "challenge-authenticator"));
        return step(tx, answer.name(), c -> c.answerChallenge(AnswerChallengeRequestBuilder.builder()
                .withStateHandle(tx.step().stateHandle()).withCredentials(credentials(passcode)).build(), answer.href()));
    }

    @Override
    public IdxStep answerQuestion(IdxTransaction tx, String questionKey, String question, char[] answer) throws IdxException {
        IdxRemediation answerRemediation = PASSCODE_REMEDIATIONS.stream().map(n -> tx.step().remediation(n)).flatMap(Optional::stream)
                .findFirst().orElseThrow(() -> IdxFailures.notOffered(tx, "challenge-authenticator"));
        Credentials c = new Credentials();
        c.setQuestionKey(questionKey);
        c.setQuestion(question);
        c.setAnswer(answer);
        return step(tx, answerRemediation.name(), client -> client.answerChallenge(AnswerChallengeRequestBuilder.builder()
                .withStateHandle(tx.step().stateHandle()).withCredentials(c).build(), answerRemediation.href()));
    }

    @Override
    public IdxStep select(IdxTransaction tx, String authenticatorId) throws IdxException {
        IdxRemediation select = tx.step().remediation("select-authenticator-authenticate")
                .or(() -> tx.step().remediation("select-authenticator-enroll"))
                .orElseThrow(() -> IdxFailures.notOffered(tx, "select-authenticator-authenticate"));
        IdxOption option = select.options().stream().filter(o -> o.authenticatorId().equals(authenticatorId)).findFirst()
                .orElseThrow(() -> IdxFailures.notOffered(tx, "authenticator " + authenticatorId));
        Authenticator authenticator = new Authenticator();
        authenticator.setId(option.authenticatorId());
        if (select.name().equals("select-authenticator-authenticate")) {
            authenticator.setMethodType(option.type());
            return step(tx, select.name(), c -> c.challenge(ChallengeRequestBuilder.builder()
                    .withStateHandle(tx.step().stateHandle()).withAuthenticator(authenticator).build(), select.href()));
        }
        return step(tx, select.name(), c -> c.enroll(EnrollRequestBuilder.builder()
                .withStateHandle(tx.step().stateHandle()).withAuthenticator(authenticator).build(), select.href()));
    }

    @Override
    public IdxStep resend(IdxTransaction tx) throws IdxException {
        String href = tx.step().current() == null ? null : tx.step().current().resendHref();
        if (href == null) {
            throw IdxFailures.notOffered(tx, "resend");
        }
        // 2.0.0 has no resend request type; its own wrapper posts the bare stateHandle body of a skip.
        return step(tx, "resend", c -> c.skip(SkipAuthenticatorEnrollmentRequestBuilder.builder()
                .withStateHandle(tx.step().stateHandle()).build(), href));
    }

    @Override
    public IdxStep skip(IdxTransaction tx) throws IdxException {
        IdxRemediation skip = IdxFailures.required(tx, "skip");
        return step(tx, "skip", c -> c.skip(SkipAuthenticatorEnrollmentRequestBuilder.builder()
                .withStateHandle(tx.step().stateHandle()).build(), skip.href()));
    }

    @Override
    public IdxStep selectEnrollProfile(IdxTransaction tx) throws IdxException {
        IdxRemediation select = IdxFailures.required(tx, "select-enroll-profile");
        return step(tx, select.name(), c -> c.enroll(EnrollRequestBuilder.builder()
                .withStateHandle(tx.step().stateHandle()).build(), select.href()));
    }

    @Override
    public IdxStep enrollProfile(IdxTransaction tx, Map<String, String> profile) throws IdxException {
        IdxRemediation enroll = IdxFailures.required(tx, "enroll-profile");
        UserProfile userProfile = new UserProfile();
        profile.forEach(userProfile::addAttribute);
        return step(tx, enroll.name(), c -> c.enrollUpdateUserProfile(EnrollUserProfileUpdateRequestBuilder.builder()
                .withUserProfile(userProfile).withStateHandle(tx.step().stateHandle()).build(), enroll.href()));
    }

    @Override
    public IdxStep selectIdentify(IdxTransaction tx) throws IdxException {
        return form(tx, IdxFailures.required(tx, "select-identify"), Map.of());
    }

    @Override
    public IdxStep unlockAccount(IdxTransaction tx) throws IdxException {
        return form(tx, IdxFailures.required(tx, "unlock-account"), Map.of());
    }

    @Override
    public IdxStep selectUnlock(IdxTransaction tx, String identifier, String authenticatorId) throws IdxException {
        IdxRemediation unlock = IdxFailures.required(tx, "select-authenticator-unlock-account");
        IdxOption option = unlock.options().stream().filter(o -> o.authenticatorId().equals(authenticatorId)).findFirst()
                .orElseThrow(() -> IdxFailures.notOffered(tx, "authenticator " + authenticatorId));
        Map<String, Object> authenticator = new LinkedHashMap<>();
        authenticator.put("id", option.authenticatorId());
        if (option.type() != null && !"password".equals(option.type())) {
            authenticator.put("methodType", option.type());
        }
        return form(tx, unlock, Map.of("identifier", identifier, "authenticator", authenticator));
    }

    @Override
    public IdxStep proceed(IdxTransaction tx, String remediation, Map<String, Object> values) throws IdxException {
        return form(tx, IdxFailures.required(tx, remediation), values);
    }

    /** A remediation 2.0.0 has no request type for: its values and the state handle, posted to its href. */
    private IdxStep form(IdxTransaction tx, IdxRemediation remediation, Map<String, Object> values) throws IdxException {
        Map<String, Object> body = new LinkedHashMap<>(values);
        body.put("stateHandle", tx.step().stateHandle());
        return answered(tx, remediation.name(), sdk.post(remediation.name(), remediation.href(), body));
    }

    @Override
    public IdxStep recover(IdxTransaction tx) throws IdxException {
        String href = tx.step().current() == null ? null : tx.step().current().recoverHref();
        if (href == null) {
            throw IdxFailures.notOffered(tx, "recover");
        }
        return step(tx, "recover", c -> c.recover(RecoverRequestBuilder.builder()
                .withStateHandle(tx.step().stateHandle()).build(), href));
    }

    @Override
    public void revoke(String token, String tokenTypeHint) {
        tokens.revoke(token, tokenTypeHint);
    }

    @Override
    public TokenSet redeem(IdxTransaction tx) throws IdxException {
        return tokens.redeem(tx);
    }

    @Override
    public TokenSet refresh(String refreshToken) throws IdxException {
        return oauth.refresh(Objects.requireNonNull(refreshToken));
    }

    private IdxStep step(IdxTransaction tx, String name, SdkCalls.SdkCall<IDXResponse> call) throws IdxException {
        return answered(tx, name, sdk.run(name, call));
    }

    private IdxStep answered(IdxTransaction tx, String name, SdkCalls.Result<IDXResponse> r) throws IdxException {
        if (r.failure() == null) {
            return IdxStates.toStep(r.value(), r.exchange().body());
        }
        int status = r.failure().getHttpStatus();
        if (status == 429) {
            throw IdxFailures.rateLimited(name, r, clock);
        }
        if (status >= 400 && status < 500) {
            // The SDK keeps no state after a 4xx, but Okta's answer carries it (the form to try again): read it from
            // there. Only an answer without one (an expired transaction) costs a call, which tells expiry apart.
            IdxStep current = sdk.stateIn(r.exchange().body()).map(state -> IdxStates.refusedStep(state, r.exchange().body()))
                    .orElse(null);
            if (current == null) {
                current = introspect(tx);
            }
            throw new IdxException(Kind.REJECTED, status, name + " refused", IdxStates.messages(r.failure(), r.exchange().body()),
                    current, r.failure());
        }
        throw IdxFailures.unusable(name, r.failure());
    }

    static IDXClientContext context(IdxTransaction tx) {
        return new IDXClientContext(tx.codeVerifier(), tx.codeChallenge(), tx.interactionHandle(), tx.state());
    }

    private static Credentials credentials(char[] secret) {
        Credentials c = new Credentials();
        c.setPasscode(secret);
        return c;
    }
}
