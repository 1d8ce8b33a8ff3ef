package io.oiefilter.config;

import io.oiefilter.brand.Branding;
import io.oiefilter.i18n.PageLocales;
import io.oiefilter.session.SessionContents;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The filter's settings, resolved once at start-up from layered sources and immutable after.
 * A missing or invalid value fails fast with a message that names the key.
 */
public final class OieConfig {
    public static final String ISSUER = "okta.oauth2.issuer";
    public static final String CLIENT_ID = "okta.oauth2.clientId";
    public static final String CLIENT_SECRET = "okta.oauth2.clientSecret";
    public static final String REDIRECT_URI = "okta.oauth2.redirectUri";
    public static final String SCOPES = "okta.oauth2.scopes";
    public static final String PROTECTED_PATHS = "oie.protectedPaths";
    public static final String EXCLUDED_PATHS = "oie.excludedPaths";
    public static final String BASE_PATH = "oie.basePath";
    public static final String DEFAULT_SUCCESS_PATH = "oie.defaultSuccessPath";
    public static final String VIEW_PREFIX = "oie.viewPrefix";
    public static final String PRINCIPAL_CLAIM = "oie.principalClaim";
    public static final String GROUPS_CLAIM = "oie.groupsClaim";
    public static final String CLAIMS_MAPPER = "oie.claimsMapper";
    public static final String HTTP_TIMEOUT = "oie.httpTimeoutSeconds";
    public static final String RESEND_COOLDOWN = "oie.resendCooldownSeconds";
    public static final String OKTA_MAX_CONCURRENT_CALLS = "oie.okta.maxConcurrentCalls";
    public static final String OKTA_QUEUE_TIMEOUT = "oie.okta.queueTimeoutMillis";
    public static final String POST_LOGOUT_PATH = "oie.postLogoutPath";
    public static final String POST_LOGOUT_REDIRECT_URI = "oie.postLogoutRedirectUri";
    public static final String MANAGEMENT_ORG_URL = "okta.client.orgUrl";
    public static final String MANAGEMENT_TOKEN = "okta.client.token";
    public static final String ACTIVATION_STRATEGY = "oie.activation.strategy";
    public static final String ACTIVATION_REVEAL_STATUS = "oie.activation.revealStatus";
    public static final String ACTIVATION_MAX_PER_LOGIN = "oie.activation.maxStartsPerLogin";
    public static final String ACTIVATION_MAX_PER_ADDRESS = "oie.activation.maxStartsPerAddress";
    public static final String ACTIVATION_WINDOW = "oie.activation.throttleWindowMinutes";
    public static final String ACTIVATION_MAX_WRONG_CODES = "oie.activation.maxWrongCodes";
    public static final String ACTIVATION_ATTEMPT_STORE = "oie.activation.attemptStore";
    public static final String ACTIVATION_LISTENERS = "oie.activation.listeners";
    public static final String CODE_SENDER = "oie.activation.codeSender";
    public static final String ENTRY_POINT = "oie.entryPoint";
    public static final String SIGN_UP_ENABLED = "oie.signUp.enabled";
    public static final String SIGN_UP_MAX_PER_ADDRESS = "oie.signUp.maxPerAddress";
    public static final String SIGN_UP_EMAIL_DOMAINS = "oie.signUp.emailDomains";
    public static final String HELP_URL = "oie.helpUrl";
    public static final String LOCALES = "oie.locales";
    public static final String LOCALE = "oie.locale";
    public static final String BRAND_NAME = "oie.brand.name";
    public static final String BRAND_LOGO_URL = "oie.brand.logoUrl";
    public static final String BRAND_PRIMARY_COLOR = "oie.brand.primaryColor";
    public static final String AUDIT_LISTENERS = "oie.audit.listeners";
    public static final String METRICS = "oie.metrics";
    public static final String READINESS_PATH = "oie.readiness.path";
    public static final String READINESS_ROLE = "oie.readiness.role";
    public static final String READINESS_HEALTH = "oie.readiness.health";
    public static final String ACTIVATION_MAX_LOOKUPS_PER_ADDRESS = "oie.activation.maxLookupsPerAddress";
    public static final String TRUSTED_PROXIES = "oie.trustedProxies";
    public static final String SIGN_IN_MAX_AGE = "oie.signIn.maxAgeMinutes";
    public static final String SESSION_TOKENS = "oie.session.tokens";
    public static final String SESSION_CLAIMS = "oie.session.claims";
    public static final String SESSION_COOKIE_SECURE = "oie.sessionCookie.secure";
    public static final String SMTP_HOST = "oie.activation.smtp.host";
    public static final String SMTP_PORT = "oie.activation.smtp.port";
    public static final String SMTP_FROM = "oie.activation.smtp.from";
    public static final String SMTP_USERNAME = "oie.activation.smtp.username";
    public static final String SMTP_PASSWORD = "oie.activation.smtp.password";
    public static final String SMTP_START_TLS = "oie.activation.smtp.startTls";

    private final URI issuer;
    private final String clientId;
    private final String clientSecret;
    private final URI redirectUri;
    private final List<String> scopes;
    private final PathPatterns protectedPaths;
    private final PathPatterns excludedPaths;
    private final String basePath;
    private final String defaultSuccessPath;
    private final String viewPrefix;
    private final String principalClaim;
    private final String groupsClaim;
    private final Duration httpTimeout;
    private final Duration resendCooldown;
    private final int oktaMaxConcurrentCalls;
    private final Duration oktaQueueTimeout;
    private final String postLogoutPath;
    private final URI postLogoutRedirectUri;
    private final URI managementOrgUrl;
    private final String managementToken;
    private final String activationStrategy;
    private final boolean activationRevealStatus;
    private final int activationMaxPerLogin;
    private final int activationMaxPerAddress;
    private final int activationMaxLookupsPerAddress;
    private final AddressRanges trustedProxies;
    private final Duration signInMaxAge;
    private final SessionContents sessionContents;
    private final Duration activationWindow;
    private final int activationMaxWrongCodes;
    private final String activationAttemptStore;
    private final Smtp smtp;
    private final boolean signUpEnabled;
    private final int signUpMaxPerAddress;
    private final List<String> signUpEmailDomains;
    private final String helpUrl;
    private final String metrics;
    private final String readinessPath;
    private final String readinessRole;
    private final boolean readinessHealth;
    private final PageLocales pageLocales;
    private final Branding branding;
    /** Kept to answer {@link #extension}: the filter's pluggable parts are resolved when it builds them. */
    private final ConfigResolver resolver;

    /** Where the filter's own activation codes are sent from; the password is never printed. */
    public record Smtp(String host, int port, String from, String username, String password, boolean startTls) {
        @Override
        public String toString() {
            return "Smtp{" + host + ":" + port + ", from=" + from + "}";
        }
    }

    private OieConfig(ConfigResolver r) {
        this.resolver = r;
        this.issuer = r.required(ISSUER, ConfigValues::issuer);
        this.clientId = r.required(CLIENT_ID, v -> v);
        this.clientSecret = r.required(CLIENT_SECRET, v -> v);
        this.redirectUri = r.required(REDIRECT_URI, ConfigValues::absoluteHttpUri);
        this.scopes = r.optional(SCOPES, "openid profile email", ConfigValues::scopes);
        this.protectedPaths = r.optional(PROTECTED_PATHS, "/*", PathPatterns::parse);
        this.excludedPaths = r.optional(EXCLUDED_PATHS, "", PathPatterns::parse);
        this.basePath = r.optional(BASE_PATH, "/oie", ConfigValues::appPath);
        this.defaultSuccessPath = r.optional(DEFAULT_SUCCESS_PATH, "/", ConfigValues::appPath);
        this.viewPrefix = r.optional(VIEW_PREFIX, "/WEB-INF/oie/", ConfigValues::viewPrefix);
        this.principalClaim = r.optional(PRINCIPAL_CLAIM, "preferred_username", ConfigValues::claimName);
        this.groupsClaim = r.optional(GROUPS_CLAIM, "groups", ConfigValues::claimName);
        this.httpTimeout = r.optional(HTTP_TIMEOUT, "10", v -> Duration.ofSeconds(ConfigValues.range(v, 1, 300)));
        this.resendCooldown = r.optional(RESEND_COOLDOWN, "30", v -> Duration.ofSeconds(ConfigValues.range(v, 0, 3600)));
        // Below Okta's own concurrency limit for an org (75, 35 on the free plan); a burst waits a little for a slot.
        this.oktaMaxConcurrentCalls = r.optional(OKTA_MAX_CONCURRENT_CALLS, "32", v -> ConfigValues.range(v, 1, 1000));
        String queueDefault = String.valueOf(Math.min(3000, httpTimeout.toMillis() / 2)); // leaves the call at least half
        this.oktaQueueTimeout = r.optional(OKTA_QUEUE_TIMEOUT, queueDefault, v -> {
            Duration d = Duration.ofMillis(ConfigValues.range(v, 0, 60_000));
            if (d.compareTo(httpTimeout) >= 0) { // the wait is part of a call's time: it must leave some for the call
                throw new IllegalArgumentException("must be shorter than " + HTTP_TIMEOUT + " (" + httpTimeout.toSeconds() + " s)");
            }
            return d;
        });
        this.postLogoutPath = r.optional(POST_LOGOUT_PATH, "/", ConfigValues::appPath);
        this.postLogoutRedirectUri = r.optional(POST_LOGOUT_REDIRECT_URI, "", v -> v.isEmpty() ? null : ConfigValues.absoluteHttpUri(v));
        // The Management API is the issuer's org unless told otherwise.
        this.managementOrgUrl = r.optional(MANAGEMENT_ORG_URL, issuer.getScheme() + "://" + issuer.getRawAuthority(), ConfigValues::issuer);
        this.managementToken = r.optional(MANAGEMENT_TOKEN, "", v -> v.isEmpty() ? null : v);
        // auto: a CDI bean or ServiceLoader provider, else management-api with a token, none without (io.oiefilter.spi).
        this.activationStrategy = r.optional(ACTIVATION_STRATEGY, "auto", v -> {
            if (!v.matches("auto|none|management-api|okta-email|[\\w$.]+")) {
                throw new IllegalArgumentException("must be auto, none, management-api, okta-email or a class name");
            }
            if ((v.equals("management-api") || v.equals("okta-email")) && managementToken == null) {
                throw new IllegalArgumentException(v + " needs a Management API token in " + MANAGEMENT_TOKEN);
            }
            return v;
        });
        this.activationRevealStatus = r.optional(ACTIVATION_REVEAL_STATUS, "false", ConfigValues::bool);
        this.activationMaxPerLogin = r.optional(ACTIVATION_MAX_PER_LOGIN, "3", v -> ConfigValues.range(v, 1, 1000));
        this.activationMaxPerAddress = r.optional(ACTIVATION_MAX_PER_ADDRESS, "10", v -> ConfigValues.range(v, 1, 100_000));
        this.activationMaxLookupsPerAddress = r.optional(ACTIVATION_MAX_LOOKUPS_PER_ADDRESS, "100", v -> ConfigValues.range(v, 1, 1_000_000));
        this.trustedProxies = r.optional(TRUSTED_PROXIES, "", v -> v.isEmpty() ? AddressRanges.NONE : AddressRanges.parse(v));
        this.signInMaxAge = r.optional(SIGN_IN_MAX_AGE, "0", v -> Duration.ofMinutes(ConfigValues.range(v, 0, 525_600)));
        this.sessionContents = new SessionContents(r.optional(SESSION_TOKENS, "auto", v -> SessionContents.tokens(v, postLogoutRedirectUri != null)),
                r.optional(SESSION_CLAIMS, "*", SessionContents::claims));
        this.activationWindow = r.optional(ACTIVATION_WINDOW, "60", v -> Duration.ofMinutes(ConfigValues.range(v, 1, 10_080)));
        this.activationMaxWrongCodes = r.optional(ACTIVATION_MAX_WRONG_CODES, "5", v -> ConfigValues.range(v, 1, 100));
        this.activationAttemptStore = r.optional(ACTIVATION_ATTEMPT_STORE, "auto", v -> {
            if (!v.matches("auto|memory|jcache|[\\w$.]+")) {
                throw new IllegalArgumentException("must be auto, memory, jcache or a class name");
            }
            return v;
        });
        this.signUpEnabled = r.optional(SIGN_UP_ENABLED, "true", ConfigValues::bool);
        this.signUpMaxPerAddress = r.optional(SIGN_UP_MAX_PER_ADDRESS, "10", v -> ConfigValues.range(v, 1, 100_000));
        this.signUpEmailDomains = r.optional(SIGN_UP_EMAIL_DOMAINS, "", ConfigValues::emailDomains);
        this.helpUrl = r.optional(HELP_URL, "", v -> v.isEmpty() ? null : ConfigValues.linkTarget(v));
        this.metrics = r.optional(METRICS, "auto", ConfigValues::metricsChoice);
        // The operator view of the readiness check: off unless a path is given; then loopback clients and this role only.
        this.readinessPath = r.optional(READINESS_PATH, "", v -> v.isEmpty() ? null : ConfigValues.appPath(v));
        this.readinessRole = r.optional(READINESS_ROLE, "", v -> v.isBlank() ? null : v.trim());
        this.readinessHealth = r.optional(READINESS_HEALTH, "false", ConfigValues::bool);
        this.pageLocales = new PageLocales(r.optional(LOCALES, "en,de,fr,es,ja", PageLocales::parseList),
                r.optional(LOCALE, "", v -> v.isEmpty() ? null : PageLocales.parseOne(v)));
        this.branding = new Branding(r.optional(BRAND_NAME, "", ConfigValues::brandName),
                r.optional(BRAND_LOGO_URL, "", v -> v.isEmpty() ? null : ConfigValues.linkTarget(v)),
                r.optional(BRAND_PRIMARY_COLOR, Branding.DEFAULT_COLOR, Branding::parseColor));
        String smtpHost = r.optional(SMTP_HOST, "", v -> v);
        if (smtpHost.isEmpty()) {
            this.smtp = null;
        } else {
            String username = r.optional(SMTP_USERNAME, "", v -> v);
            this.smtp = new Smtp(smtpHost, r.optional(SMTP_PORT, "587", v -> ConfigValues.range(v, 1, 65535)),
                    r.required(SMTP_FROM, v -> {
                        if (!v.contains("@")) {
                            throw new IllegalArgumentException("must be an email address");
                        }
                        return v;
                    }),
                    username.isEmpty() ? null : username, r.optional(SMTP_PASSWORD, "", v -> v),
                    r.optional(SMTP_START_TLS, "true", ConfigValues::bool));
        }
    }

    /** Resolves from the given sources, the first one that has a key winning. */
    public static OieConfig resolve(List<ConfigSource> sources) {
        return new OieConfig(new ConfigResolver(sources));
    }

    /**
     * Resolves an application's settings from its layered sources ({@link ConfigSources#forApplication}):
     * filter init-param, context-param, JNDI, MicroProfile Config, system property, environment.
     */
    public static OieConfig resolve(Function<String, String> initParameters, Function<String, String> contextParameters,
                                    ClassLoader loader) {
        return resolve(ConfigSources.forApplication(initParameters, contextParameters, loader));
    }

    public URI issuer() { return issuer; }
    public String clientId() { return clientId; }
    public String clientSecret() { return clientSecret; }
    public URI redirectUri() { return redirectUri; }
    public List<String> scopes() { return scopes; }
    public PathPatterns protectedPaths() { return protectedPaths; }
    public PathPatterns excludedPaths() { return excludedPaths; }
    public String basePath() { return basePath; }
    public String defaultSuccessPath() { return defaultSuccessPath; }
    public String viewPrefix() { return viewPrefix; }
    public String principalClaim() { return principalClaim; }
    public String groupsClaim() { return groupsClaim; }
    public Duration httpTimeout() { return httpTimeout; }
    /** How long after a code was sent before a new one may be asked for. */
    public Duration resendCooldown() { return resendCooldown; }
    /** The most calls to Okta the sign-ins of this application have in flight at once. */
    public int oktaMaxConcurrentCalls() { return oktaMaxConcurrentCalls; }
    /** How long a call waits for a free slot when all are taken, within its {@link #httpTimeout()}; then the busy page. */
    public Duration oktaQueueTimeout() { return oktaQueueTimeout; }
    /** Where sign-out lands inside the app when it does not go through Okta. */
    public String postLogoutPath() { return postLogoutPath; }
    /** When set, sign-out goes through Okta's end-session endpoint and back to this (registered) URL. */
    public Optional<URI> postLogoutRedirectUri() { return Optional.ofNullable(postLogoutRedirectUri); }
    /** The org the Management API is called on: the issuer's by default. */
    public URI managementOrgUrl() { return managementOrgUrl; }
    /** The Management API token (SSWS); never logged. */
    public Optional<String> managementToken() { return Optional.ofNullable(managementToken); }
    /** auto, none, management-api, okta-email or a class name. */
    public String activationStrategy() { return activationStrategy; }
    /** Opt-out of the uniform page: unknown and inactive accounts then get "Unable to sign in". */
    public boolean activationRevealStatus() { return activationRevealStatus; }
    public int activationMaxStartsPerLogin() { return activationMaxPerLogin; }
    public int activationMaxStartsPerAddress() { return activationMaxPerAddress; }
    /** Failed sign-ins per client address per window for which the activation strategy is asked (a look-up each). */
    public int activationMaxLookupsPerAddress() { return activationMaxLookupsPerAddress; }
    /** The reverse proxies whose Forwarded / X-Forwarded-For headers name the client; none by default. */
    public AddressRanges trustedProxies() { return trustedProxies; }
    /** The longest a sign-in lasts whatever its tokens say; zero: as long as the tokens (refreshed when possible). */
    public Duration signInMaxAge() { return signInMaxAge; }
    /** Which tokens and claims a sign-in leaves in the HTTP session. */
    public SessionContents sessionContents() { return sessionContents; }
    public Duration activationThrottleWindow() { return activationWindow; }
    public int activationMaxWrongCodes() { return activationMaxWrongCodes; }
    /** auto, memory (this JVM), jcache (shared by a cluster through the server's JCache provider) or a class name. */
    public String activationAttemptStore() { return activationAttemptStore; }
    /** Whether the sign-in page offers sign-up when the org's policy allows it. */
    public boolean signUpEnabled() { return signUpEnabled; }
    /** Sign-up forms sent per client address per hour. */
    public int signUpMaxPerAddress() { return signUpMaxPerAddress; }
    /** The email domains sign-up is open to ("example.com"); empty: any. */
    public List<String> signUpEmailDomains() { return signUpEmailDomains; }
    /** The "Need help signing in?" link on every page: an http(s) URL or a path in the app; empty: none. */
    public Optional<String> helpUrl() { return Optional.ofNullable(helpUrl); }
    /** The language of each page: forced, or the browser's best supported one, else English. */
    public PageLocales pageLocales() { return pageLocales; }
    /** The app's name, logo and primary colour on every page. */
    public Branding branding() { return branding; }
    /** Where the filter's counters and timers go: auto, micrometer or none (see {@link io.oiefilter.audit.MetricsChoice}). */
    public String metrics() { return metrics; }

    public Optional<String> readinessPath() { return Optional.ofNullable(readinessPath); }

    public Optional<String> readinessRole() { return Optional.ofNullable(readinessRole); }

    public boolean readinessHealth() { return readinessHealth; }
    /** Set when the filter may email activation codes itself (orgs without an email authenticator). */
    public Optional<Smtp> activationSmtp() { return Optional.ofNullable(smtp); }

    /**
     * What a pluggable part's setting names: {@code auto} (the default: look for one) or built-in and class
     * names, comma-separated. See {@link io.oiefilter.spi.Extensions}; a bad value names the key.
     */
    public List<String> extension(String key) {
        return resolver.optional(key, "auto", ConfigValues::extensionNames);
    }

    /** True when the issuer is plain http on a loopback host (a local simulator). */
    public boolean issuerIsLoopbackHttp() {
        return "http".equals(issuer.getScheme());
    }

    @Override
    public String toString() {
        // Never print the client secret.
        return "OieConfig{issuer=" + issuer + ", clientId=" + clientId + ", redirectUri=" + redirectUri
                + ", scopes=" + scopes + ", protectedPaths=" + protectedPaths + ", excludedPaths=" + excludedPaths
                + ", basePath=" + basePath + ", activationStrategy=" + activationStrategy + ", trustedProxies=" + trustedProxies
                + ", attemptStore=" + activationAttemptStore + "}";
    }
}
