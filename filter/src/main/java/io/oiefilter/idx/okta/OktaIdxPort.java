package io.oiefilter.idx.okta;

import io.oiefilter.log.OieLog;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.okta.idx.sdk.api.client.IDXAuthenticationWrapper;
import com.okta.idx.sdk.api.client.IDXClient;
import com.okta.idx.sdk.api.exception.ProcessingException;
import com.okta.idx.sdk.api.model.Authenticator;
import com.okta.idx.sdk.api.model.CurrentAuthenticatorEnrollment;
import com.okta.idx.sdk.api.model.Credentials;
import com.okta.idx.sdk.api.model.FormValue;
import com.okta.idx.sdk.api.model.IDXClientContext;
import com.okta.idx.sdk.api.model.MessageValue;
import com.okta.idx.sdk.api.model.Options;
import com.okta.idx.sdk.api.model.OptionsForm;
import com.okta.idx.sdk.api.model.RemediationOption;
import com.okta.idx.sdk.api.model.UserProfile;
import com.okta.idx.sdk.api.request.AnswerChallengeRequestBuilder;
import com.okta.idx.sdk.api.request.ChallengeRequestBuilder;
import com.okta.idx.sdk.api.request.EnrollRequestBuilder;
import com.okta.idx.sdk.api.request.EnrollUserProfileUpdateRequestBuilder;
import com.okta.idx.sdk.api.request.IdentifyRequestBuilder;
import com.okta.idx.sdk.api.request.RecoverRequestBuilder;
import com.okta.idx.sdk.api.request.SkipAuthenticatorEnrollmentRequestBuilder;
import com.okta.idx.sdk.api.response.ErrorResponse;
import com.okta.idx.sdk.api.response.IDXResponse;
import com.okta.idx.sdk.api.response.TokenResponse;
import com.okta.idx.sdk.api.util.PkceUtil;
import io.oiefilter.config.OieConfig;
import io.oiefilter.idx.IdxAuthenticator;
import io.oiefilter.idx.IdxException;
import io.oiefilter.idx.IdxException.Kind;
import io.oiefilter.idx.IdxField;
import io.oiefilter.idx.IdxMessage;
import io.oiefilter.idx.IdxOption;
import io.oiefilter.idx.IdxPort;
import io.oiefilter.idx.IdxRemediation;
import io.oiefilter.idx.IdxStep;
import io.oiefilter.idx.IdxTransaction;
import io.oiefilter.idx.PasswordRules;
import io.oiefilter.idx.TokenSet;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The IDX port on okta-idx-java 2.0.0: the one class that knows that SDK and works around it.
 *
 * <ul>
 *   <li>2.0.0's {@code interact()} sends no client secret, no nonce, nothing URL-encoded and takes no
 *       activation token, so /v1/interact is our own POST; the SDK takes over from introspect.</li>
 *   <li>2.0.0's public wrapper has no identify-only step (it always sends a password), so we use the
 *       SDK's own {@link IDXClient} from inside the wrapper: the public interface every step is made of.</li>
 *   <li>After a 4xx the SDK gives no state and drops i18n keys, so a refused step reads the state again.</li>
 *   <li>An error without a content type makes the SDK throw a NullPointerException: any
 *       RuntimeException from it is "Okta unavailable", never a 500.</li>
 *   <li>Its HTTP client has no timeouts at all (okta-commons leaves them at 0), so every SDK call
 *       runs on a small pool and is waited for at most {@code oie.httpTimeoutSeconds}.</li>
 * </ul>
 * A later SDK with these APIs replaces this one file.
 */
public final class OktaIdxPort implements IdxPort, AutoCloseable {
    private static final OieLog LOG = OieLog.of(OktaIdxPort.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ION_JSON = "application/ion+json; okta-version=1.0.0";

    /** The remediations answered with credentials.passcode. */
    private static final List<String> PASSCODE_REMEDIATIONS = List.of("challenge-authenticator", "enroll-authenticator",
            "reset-authenticator", "reenroll-authenticator");
    /** Those that set a new password, where the org's rules are shown. */
    private static final List<String> PASSWORD_SETTING = List.of("enroll-authenticator", "reset-authenticator", "reenroll-authenticator");

    private final OieConfig config;
    private final IDXClient client;
    private final HttpClient http;
    private final ExecutorService sdkCalls;

    public OktaIdxPort(OieConfig config) {
        this.config = config;
        if (config.issuerIsLoopbackHttp()) {
            // The SDKs refuse http issuers unless told; the config only lets http through for loopback hosts.
            System.setProperty("okta.testing.disableHttpsCheck", "true");
        }
        IDXAuthenticationWrapper wrapper = new IDXAuthenticationWrapper(config.issuer().toString(), config.clientId(),
                config.clientSecret(), new LinkedHashSet<>(config.scopes()), config.redirectUri().toString());
        this.client = clientOf(wrapper);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.httpTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        // Bounded: a hung Okta can hold at most this many threads; past that, calls fail at once.
        this.sdkCalls = new ThreadPoolExecutor(0, 32, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "oie-filter-okta");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        sdkCalls.shutdownNow();
    }

    /** Runs an SDK call with the deadline the SDK itself does not have. */
    private <T> T timed(String name, SdkCall<T> call) throws ProcessingException, IdxException {
        Future<T> f;
        try {
            f = sdkCalls.submit(call::run);
        } catch (RejectedExecutionException e) {
            throw new IdxException(Kind.UNAVAILABLE, 0, name + ": too many calls to Okta waiting already", List.of(), null, e);
        }
        try {
            return f.get(config.httpTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new IdxException(Kind.UNAVAILABLE, 0, name + ": no answer within " + config.httpTimeout().toSeconds() + " s",
                    List.of(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new IdxException(Kind.UNAVAILABLE, 0, name + ": interrupted", List.of(), null, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProcessingException pe) {
                throw pe;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IdxException(Kind.UNAVAILABLE, 0, name + ": " + e.getCause(), List.of(), null, e.getCause());
        }
    }

    @FunctionalInterface
    private interface SdkCall<T> {
        T run() throws ProcessingException;
    }

    private static IDXClient clientOf(IDXAuthenticationWrapper wrapper) {
        try {
            Field f = IDXAuthenticationWrapper.class.getDeclaredField("client");
            f.setAccessible(true);
            return (IDXClient) f.get(wrapper);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("okta-idx-java is not the 2.0.0 this port was written for: " + e, e);
        }
    }

    @Override
    public IdxTransaction begin() throws IdxException {
        return begin(null);
    }

    @Override
    public IdxTransaction beginActivation(String activationToken) throws IdxException {
        return begin(java.util.Objects.requireNonNull(activationToken));
    }

    private IdxTransaction begin(String activationToken) throws IdxException {
        String verifier = PkceUtil.generateCodeVerifier();
        String challenge;
        try {
            challenge = PkceUtil.generateCodeChallenge(verifier);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String state = UUID.randomUUID().toString();
        String nonce = randomToken();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", config.clientId());
        form.put("client_secret", config.clientSecret());
        form.put("scope", String.join(" ", config.scopes()));
        form.put("redirect_uri", config.redirectUri().toString());
        form.put("state", state);
        form.put("nonce", nonce);
        form.put("code_challenge", challenge);
        form.put("code_challenge_method", PkceUtil.CODE_CHALLENGE_METHOD);
        if (activationToken != null) {
            form.put("activation_token", activationToken); // in the POST body only: never in a URL or a log
        }
        String handle = interact(form);
        IdxTransaction tx = new IdxTransaction(handle, verifier, challenge, state, nonce, null);
        return tx.withStep(introspect(tx));
    }

    private String interact(Map<String, String> form) throws IdxException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.issuer() + "/v1/interact"))
                .timeout(config.httpTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IdxException(Kind.UNAVAILABLE, 0, "interact: " + e, List.of(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdxException(Kind.UNAVAILABLE, 0, "interact interrupted", List.of(), null, e);
        }
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(response.body());
        } catch (java.text.ParseException | RuntimeException e) {
            throw new IdxException(Kind.UNAVAILABLE, response.statusCode(), "interact: unreadable answer (HTTP "
                    + response.statusCode() + ")", List.of(), null, e);
        }
        int status = response.statusCode();
        if (status == 200 && json.get("interaction_handle") instanceof String handle && !handle.isEmpty()) {
            return handle;
        }
        String error = String.valueOf(json.get("error"));
        String description = String.valueOf(json.getOrDefault("error_description", json.get("errorDescription")));
        // invalid_request with a token is a bad activation token; invalid_client or a refused redirect URI
        // is a misconfigured app, not a user error.
        Kind kind = status == 429 ? Kind.RATE_LIMITED
                : status == 400 && "invalid_request".equals(error) && form.containsKey("activation_token") ? Kind.REJECTED
                : Kind.UNAVAILABLE;
        throw new IdxException(kind, status, "interact refused: HTTP " + status + " " + error + ": " + description,
                List.of(new IdxMessage(description, null, "ERROR")), null, null);
    }

    @Override
    public IdxStep introspect(IdxTransaction tx) throws IdxException {
        try {
            return withPasswordRules(tx, toStep(timed("introspect", () -> client.introspect(context(tx)))));
        } catch (ProcessingException e) {
            int status = e.getHttpStatus();
            if (status == 401 || status == 403 || status == 404) {
                throw new IdxException(Kind.SESSION_EXPIRED, status, "introspect: transaction expired", messages(e), null, e);
            }
            throw unusable("introspect", e);
        } catch (RuntimeException e) {
            throw new IdxException(Kind.UNAVAILABLE, 0, "introspect: " + e, List.of(), null, e);
        }
    }

    @Override
    public IdxStep identify(IdxTransaction tx, String identifier, char[] password) throws IdxException {
        IdxRemediation identify = tx.step().remediation("identify").or(() -> tx.step().remediation("identify-recovery"))
                .orElseThrow(() -> notOffered(tx, "identify"));
        IdentifyRequestBuilder req = IdentifyRequestBuilder.builder().withIdentifier(identifier)
                .withStateHandle(tx.step().stateHandle());
        if (password != null && identify.hasField("credentials")) {
            req.withCredentials(credentials(password));
        }
        return step(tx, "identify", () -> client.identify(req.build(), identify.href()));
    }

    @Override
    public IdxStep answer(IdxTransaction tx, char[] passcode) throws IdxException {
        IdxRemediation answer = PASSCODE_REMEDIATIONS.stream().map(n -> tx.step().remediation(n)).flatMap(java.util.Optional::stream)
                .findFirst().orElseThrow(() -> notOffered(tx, "challenge-authenticator"));
        return step(tx, answer.name(), () -> client.answerChallenge(AnswerChallengeRequestBuilder.builder()
                .withStateHandle(tx.step().stateHandle()).withCredentials(credentials(passcode)).build(), answer.href()));
    }

    @Override
    public IdxStep select(IdxTransaction tx, String authenticatorId) throws IdxException {
        IdxRemediation select = tx.step().remediation("select-authenticator-authenticate")
                .or(() -> tx.step().remediation("select-authenticator-enroll"))
                .orElseThrow(() -> notOffered(tx, "select-authenticator-authenticate"));
        IdxOption option = select.options().stream().filter(o -> o.authenticatorId().equals(authenticatorId)).findFirst()
                .orElseThrow(() -> notOffered(tx, "authenticator " + authenticatorId));
        Authenticator authenticator = new Authenticator();
        authenticator.setId(option.authenticatorId());
        if (select.name().equals("select-authenticator-authenticate")) {
            authenticator.setMethodType(option.type());
            return step(tx, select.name(), () -> client.challenge(ChallengeRequestBuilder.builder()
                    .withStateHandle(tx.step().stateHandle()).withAuthenticator(authenticator).build(), select.href()));
        }
        return step(tx, select.name(), () -> client.enroll(EnrollRequestBuilder.builder()
                .withStateHandle(tx.step().stateHandle()).withAuthenticator(authenticator).build(), select.href()));
    }

    @Override
    public IdxStep resend(IdxTransaction tx) throws IdxException {
        String href = tx.step().current() == null ? null : tx.step().current().resendHref();
        if (href == null) {
            throw notOffered(tx, "resend");
        }
        // 2.0.0 has no resend request type; its own wrapper posts the bare stateHandle body of a skip.
        return step(tx, "resend", () -> client.skip(SkipAuthenticatorEnrollmentRequestBuilder.builder()
                .withStateHandle(tx.step().stateHandle()).build(), href));
    }

    @Override
    public IdxStep skip(IdxTransaction tx) throws IdxException {
        IdxRemediation skip = required(tx, "skip");
        return step(tx, "skip", () -> client.skip(SkipAuthenticatorEnrollmentRequestBuilder.builder()
                .withStateHandle(tx.step().stateHandle()).build(), skip.href()));
    }

    @Override
    public IdxStep selectEnrollProfile(IdxTransaction tx) throws IdxException {
        IdxRemediation select = required(tx, "select-enroll-profile");
        return step(tx, select.name(), () -> client.enroll(EnrollRequestBuilder.builder()
                .withStateHandle(tx.step().stateHandle()).build(), select.href()));
    }

    @Override
    public IdxStep enrollProfile(IdxTransaction tx, Map<String, String> profile) throws IdxException {
        IdxRemediation enroll = required(tx, "enroll-profile");
        UserProfile userProfile = new UserProfile();
        profile.forEach(userProfile::addAttribute);
        return step(tx, enroll.name(), () -> client.enrollUpdateUserProfile(EnrollUserProfileUpdateRequestBuilder.builder()
                .withUserProfile(userProfile).withStateHandle(tx.step().stateHandle()).build(), enroll.href()));
    }

    @Override
    public IdxStep recover(IdxTransaction tx) throws IdxException {
        String href = tx.step().current() == null ? null : tx.step().current().recoverHref();
        if (href == null) {
            throw notOffered(tx, "recover");
        }
        return step(tx, "recover", () -> client.recover(RecoverRequestBuilder.builder()
                .withStateHandle(tx.step().stateHandle()).build(), href));
    }

    @Override
    public void revoke(String token, String tokenTypeHint) {
        if (token == null) {
            return;
        }
        try {
            timed("revoke", () -> {
                client.revokeToken(tokenTypeHint, token);
                return null;
            });
        } catch (ProcessingException | IdxException | RuntimeException e) {
            LOG.warn("oie-filter: revoking the {0} failed: {1}", tokenTypeHint,
                    e.getCause() != null ? e.getCause().toString() : e.toString());
        }
    }

    @Override
    public IdxStep cancel(IdxTransaction tx) throws IdxException {
        return step(tx, "cancel", () -> client.cancel(tx.step().stateHandle()));
    }

    @Override
    public TokenSet redeem(IdxTransaction tx) throws IdxException {
        IdxStep step = tx.step();
        if (step == null || !step.succeeded()) {
            throw new IllegalStateException("The transaction has not succeeded yet");
        }
        try {
            TokenResponse t = timed("token", () -> client.token(step.tokenUrl(), "interaction_code", step.interactionCode(), context(tx)));
            if (t == null || t.getIdToken() == null) {
                throw new IdxException(Kind.UNAVAILABLE, 200, "token: no id_token in the answer", List.of(), null, null);
            }
            return new TokenSet(t.getIdToken(), t.getAccessToken(), t.getRefreshToken(),
                    t.getExpiresIn() == null ? 0 : t.getExpiresIn(), t.getScope());
        } catch (ProcessingException e) {
            ErrorResponse er = e.getErrorResponse();
            String detail = er == null ? "" : er.getError() + ": " + er.getErrorDescription();
            throw new IdxException(e.getHttpStatus() == 429 ? Kind.RATE_LIMITED : Kind.UNAVAILABLE, e.getHttpStatus(),
                    "token exchange refused: HTTP " + e.getHttpStatus() + " " + detail, messages(e), null, e);
        } catch (RuntimeException e) {
            throw new IdxException(Kind.UNAVAILABLE, 0, "token: " + e, List.of(), null, e);
        }
    }

    @FunctionalInterface
    private interface Call {
        IDXResponse run() throws ProcessingException;
    }

    private IdxStep step(IdxTransaction tx, String name, Call call) throws IdxException {
        try {
            return withPasswordRules(tx, toStep(timed(name, call::run)));
        } catch (ProcessingException e) {
            int status = e.getHttpStatus();
            if (status == 429) {
                throw new IdxException(Kind.RATE_LIMITED, status, name + ": rate limited", messages(e), null, e);
            }
            if (status >= 400 && status < 500) {
                // The SDK keeps no state after a 4xx: read it again, which also tells an expired transaction apart.
                IdxStep current = introspect(tx);
                throw new IdxException(Kind.REJECTED, status, name + " refused", messages(e), current, e);
            }
            throw unusable(name, e);
        } catch (RuntimeException e) {
            throw new IdxException(Kind.UNAVAILABLE, 0, name + ": " + e, List.of(), null, e);
        }
    }

    private static IdxException unusable(String name, ProcessingException e) {
        String cause = e.getCause() != null ? String.valueOf(e.getCause()) : "HTTP " + e.getHttpStatus();
        return new IdxException(Kind.UNAVAILABLE, e.getHttpStatus(), name + ": " + cause, messages(e), null, e);
    }

    private IdxException notOffered(IdxTransaction tx, String name) {
        return new IdxException(Kind.REJECTED, 0, name + " is not offered at this step " + tx.step().remediationNames(),
                List.of(), tx.step(), null);
    }

    private IdxRemediation required(IdxTransaction tx, String name) throws IdxException {
        IdxRemediation r = tx.step().remediation(name).orElse(null);
        if (r == null) {
            throw notOffered(tx, name);
        }
        return r;
    }

    private static IDXClientContext context(IdxTransaction tx) {
        return new IDXClientContext(tx.codeVerifier(), tx.codeChallenge(), tx.interactionHandle(), tx.state());
    }

    private static Credentials credentials(char[] secret) {
        Credentials c = new Credentials();
        c.setPasscode(secret);
        return c;
    }

    private static List<IdxMessage> messages(ProcessingException e) {
        ErrorResponse er = e.getErrorResponse();
        if (er == null || er.getMessages() == null || er.getMessages().getValue() == null) {
            return List.of();
        }
        List<IdxMessage> out = new ArrayList<>();
        for (MessageValue m : er.getMessages().getValue()) {
            out.add(new IdxMessage(m.getMessage(), null, m.getValue())); // 2.0.0 drops the i18n key
        }
        return out;
    }

    static IdxStep toStep(IDXResponse r) {
        List<IdxRemediation> remediations = new ArrayList<>();
        if (r.remediation() != null && r.remediation().remediationOptions() != null) {
            for (RemediationOption o : r.remediation().remediationOptions()) {
                remediations.add(new IdxRemediation(o.getName(), o.getHref(), fields(o.form()), options(o.form())));
            }
        }
        String code = null;
        String tokenUrl = null;
        if (r.isLoginSuccessful() && r.successWithInteractionCode() != null) {
            tokenUrl = r.successWithInteractionCode().getHref();
            code = Arrays.stream(r.successWithInteractionCode().form())
                    .filter(f -> "interaction_code".equals(f.getName()) && f.getValue() != null)
                    .map(f -> String.valueOf(f.getValue())).findFirst().orElse(null);
        }
        return new IdxStep(r.getStateHandle(), remediations, current(r), code, tokenUrl);
    }

    private static IdxAuthenticator current(IDXResponse r) {
        CurrentAuthenticatorEnrollment c = r.getCurrentAuthenticatorEnrollment() != null
                && r.getCurrentAuthenticatorEnrollment().getValue() != null
                ? r.getCurrentAuthenticatorEnrollment() : r.getCurrentAuthenticator();
        if (c == null || c.getValue() == null) {
            return null;
        }
        var v = c.getValue();
        return new IdxAuthenticator(v.getType(), v.getResend() == null ? null : v.getResend().getHref(),
                v.getRecover() == null ? null : v.getRecover().getHref(), null);
    }

    /** The authenticators a select-authenticator-* form offers: id, method type and label. */
    private static List<IdxOption> options(FormValue[] form) {
        List<IdxOption> out = new ArrayList<>();
        if (form == null) {
            return out;
        }
        for (FormValue f : form) {
            if (!"authenticator".equals(f.getName()) || f.options() == null) {
                continue;
            }
            for (Options o : f.options()) {
                if (!(o.getValue() instanceof OptionsForm of) || of.getForm() == null || of.getForm().getValue() == null) {
                    continue;
                }
                String id = null;
                String type = null;
                for (FormValue v : of.getForm().getValue()) {
                    if ("id".equals(v.getName()) && v.getValue() != null) {
                        id = String.valueOf(v.getValue());
                    } else if ("methodType".equals(v.getName()) && v.getValue() != null) {
                        type = String.valueOf(v.getValue());
                    }
                }
                if (id != null) {
                    out.add(new IdxOption(id, type, o.getLabel()));
                }
            }
        }
        return out;
    }

    /**
     * 2.0.0 drops the password authenticator's settings, so where a new password is set the rules
     * are read from the raw state: one more introspect, on those pages only.
     */
    private IdxStep withPasswordRules(IdxTransaction tx, IdxStep step) {
        boolean settingPassword = "password".equals(step.currentType())
                && step.first().map(f -> PASSWORD_SETTING.contains(f.name())).orElse(false);
        if (!settingPassword) {
            return step;
        }
        PasswordRules rules = rawPasswordRules(tx);
        IdxAuthenticator c = step.current();
        return new IdxStep(step.stateHandle(), step.remediations(),
                new IdxAuthenticator(c.type(), c.resendHref(), c.recoverHref(), rules), step.interactionCode(), step.tokenUrl());
    }

    @SuppressWarnings("unchecked")
    private PasswordRules rawPasswordRules(IdxTransaction tx) {
        URI issuer = config.issuer();
        URI introspect = URI.create(issuer.getScheme() + "://" + issuer.getRawAuthority() + "/idp/idx/introspect");
        String body = "{\"interactionHandle\":\"" + tx.interactionHandle() + "\"}";
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(introspect).timeout(config.httpTimeout())
                    .header("Content-Type", ION_JSON).header("Accept", ION_JSON)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return null;
            }
            Map<String, Object> json = JSONObjectUtils.parse(r.body());
            Map<String, Object> c = path(json, "currentAuthenticator", "value", "settings", "complexity");
            if (c == null) {
                return null;
            }
            return new PasswordRules(number(c, "minLength"), number(c, "minLowerCase"), number(c, "minUpperCase"),
                    number(c, "minNumber"), number(c, "minSymbol"), Boolean.TRUE.equals(c.get("excludeUsername")));
        } catch (IOException | java.text.ParseException | RuntimeException e) {
            LOG.debug("oie-filter: password rules not readable: {0}", e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> path(Map<String, Object> json, String... keys) {
        Object node = json;
        for (String k : keys) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = m.get(k);
        }
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    private static int number(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number n ? n.intValue() : 0;
    }

    private static List<IdxField> fields(FormValue[] values) {
        List<IdxField> out = new ArrayList<>();
        if (values != null) {
            for (FormValue v : values) {
                List<IdxField> nested = v.form() == null ? List.of() : fields(v.form().getValue());
                out.add(new IdxField(v.getName(), v.getLabel(), v.isRequired(), v.secret, nested));
            }
        }
        return out;
    }

    private static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
