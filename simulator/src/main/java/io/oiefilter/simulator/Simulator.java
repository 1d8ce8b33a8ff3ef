package io.oiefilter.simulator;

import io.oiefilter.simulator.admin.AdminOktaVerifyResource;
import io.oiefilter.simulator.admin.AdminOrgResource;
import io.oiefilter.simulator.admin.AdminResource;
import io.oiefilter.simulator.faults.Faults;
import io.oiefilter.simulator.idx.IdxEngine;
import io.oiefilter.simulator.idx.IdxResource;
import io.oiefilter.simulator.idx.IdxResponses;
import io.oiefilter.simulator.idx.Interactions;
import io.oiefilter.simulator.mail.Outbox;
import io.oiefilter.simulator.mgmt.EmailFactorCodes;
import io.oiefilter.simulator.mgmt.FactorsResource;
import io.oiefilter.simulator.mgmt.UsersResource;
import io.oiefilter.simulator.hosted.OktaSessions;
import io.oiefilter.simulator.hosted.SignInPageResource;
import io.oiefilter.simulator.hosted.SignIns;
import io.oiefilter.simulator.oauth.AuthorizationCodes;
import io.oiefilter.simulator.oauth.AuthorizeResource;
import io.oiefilter.simulator.oauth.Grants;
import io.oiefilter.simulator.oauth.OAuthResource;
import io.oiefilter.simulator.oauth.TokenIssuer;
import io.oiefilter.simulator.org.Org;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;

import java.time.Duration;

/**
 * A local Okta org speaking the IDX, OAuth 2.0, OIDC, Users and (email) Factors API wire formats. Runs embedded
 * ({@code Simulator.start(Org.defaultSeed(), 0)}, bound to loopback), standalone
 * ({@link SimulatorMain}) or as a WAR ({@link SimulatorApplication}).
 */
public final class Simulator implements AutoCloseable {
    /** How long an IDX transaction lives, as in Okta's default. */
    public static final Duration TRANSACTION_LIFETIME = Duration.ofMinutes(60);

    private final Org org;
    private final SimulatorClock clock = new SimulatorClock();
    private final Outbox outbox = new Outbox();
    private final io.oiefilter.simulator.mail.PhoneOutbox phoneOutbox = new io.oiefilter.simulator.mail.PhoneOutbox();
    private final RequestLog requestLog = new RequestLog();
    private final Faults faults = new Faults();
    private final RateLimits rateLimits = new RateLimits(clock);
    private final Grants grants = new Grants();
    private final EmailFactorCodes factorCodes = new EmailFactorCodes();
    private final AuthorizationCodes authorizationCodes = new AuthorizationCodes(clock);
    private final OktaSessions sessions = new OktaSessions(clock);
    private final SignIns signIns = new SignIns(clock, TRANSACTION_LIFETIME);
    private volatile String baseUri;
    private Interactions interactions;
    private IdxResponses responses;
    private IdxEngine engine;
    private TokenIssuer tokens;
    private EmbeddedServer server;

    private Simulator(Org org) {
        this.org = org;
    }

    /** Starts on 127.0.0.1 and the given port (0 picks a free one): the embedded and standalone mode. */
    public static Simulator start(Org org, int port) {
        Simulator sim = new Simulator(org);
        sim.server = new EmbeddedServer(sim, port);
        sim.bind("http://127.0.0.1:" + sim.server.port());
        sim.server.start();
        return sim;
    }

    /** For a servlet container (the WAR): the base URI is bound on the first request. */
    static Simulator hosted(Org org) {
        return new Simulator(org);
    }

    /** Fixes the org's base URL (hrefs, issuer); the first call wins. */
    synchronized void bind(String base) {
        if (baseUri != null) {
            return;
        }
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        interactions = new Interactions(clock, TRANSACTION_LIFETIME);
        responses = new IdxResponses(b, b + "/oauth2/default", org);
        engine = new IdxEngine(org, interactions, outbox, clock);
        tokens = new TokenIssuer(b + "/oauth2/default", clock);
        baseUri = b;
    }

    boolean bound() {
        return baseUri != null;
    }

    /** The JAX-RS application: the Okta endpoints, the admin endpoints and the request filters. */
    ResourceConfig resources() {
        return configure(new ResourceConfig());
    }

    ResourceConfig configure(ResourceConfig config) {
        Simulator self = this;
        return config.registerClasses(OAuthResource.class, AuthorizeResource.class, SignInPageResource.class,
                io.oiefilter.simulator.oauth.IntrospectResource.class, IdxResource.class, UsersResource.class, FactorsResource.class,
                io.oiefilter.simulator.mgmt.TrustedOriginsResource.class, io.oiefilter.simulator.mgmt.PoliciesResource.class, AdminResource.class, AdminOrgResource.class,
                io.oiefilter.simulator.admin.AdminTrustedOriginsResource.class, AdminOktaVerifyResource.class,
                RequestLogFilter.class, RateLimitFilter.class, CorsFilter.class).register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(self).to(Simulator.class);
                    }
                });
    }

    public String baseUri() {
        return baseUri;
    }

    /** The embedded server's port. */
    public int port() {
        return server.port();
    }

    /** The default custom authorization server, as an app would configure it. */
    public String issuer() {
        return baseUri + "/oauth2/default";
    }

    public Org org() {
        return org;
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    public Interactions interactions() {
        return interactions;
    }

    public IdxResponses responses() {
        return responses;
    }

    public IdxEngine engine() {
        return engine;
    }

    /** Every email the org sent. */
    public Outbox outbox() {
        return outbox;
    }

    /** Every code sent to a phone (SMS or voice), the number masked. */
    public io.oiefilter.simulator.mail.PhoneOutbox phoneOutbox() {
        return phoneOutbox;
    }

    /** The org's clock; {@code clock().advance(...)} moves time forward for expiry tests. */
    public SimulatorClock clock() {
        return clock;
    }

    /** The codes sent by email-factor challenges of the Factors API. */
    public EmailFactorCodes factorCodes() {
        return factorCodes;
    }

    public Grants grants() {
        return grants;
    }

    /** The authorization codes /v1/authorize issued (single use, 60 seconds). */
    public AuthorizationCodes authorizationCodes() {
        return authorizationCodes;
    }

    /** The browsers signed in on the hosted page (the sid cookie). */
    public OktaSessions sessions() {
        return sessions;
    }

    /** The hosted page's sign-ins in progress. */
    public SignIns signIns() {
        return signIns;
    }

    public TokenIssuer tokens() {
        return tokens;
    }

    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Faults armed per endpoint (see {@link Endpoints}). */
    public Faults faults() {
        return faults;
    }

    public RateLimits rateLimits() {
        return rateLimits;
    }

    @Override
    public void close() {
        stop();
    }
}
