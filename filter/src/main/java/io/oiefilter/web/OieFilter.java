package io.oiefilter.web;

import io.oiefilter.log.OieLog;
import io.oiefilter.activation.Activation;
import io.oiefilter.activation.ActivationListener;
import io.oiefilter.activation.ActivationStrategies;
import io.oiefilter.activation.ActivationStrategy;
import io.oiefilter.activation.AttemptStore;
import io.oiefilter.activation.CodeDeliveryException;
import io.oiefilter.activation.CodeSender;
import io.oiefilter.activation.InMemoryAttemptStore;
import io.oiefilter.activation.JCacheAttemptStore;
import io.oiefilter.activation.SmtpCodeSender;
import io.oiefilter.config.OieConfig;
import io.oiefilter.config.OieConfigException;
import io.oiefilter.flow.SignInFlow;
import io.oiefilter.flow.SignOut;
import io.oiefilter.idx.okta.OktaIdxPort;
import io.oiefilter.mgmt.ManagementPort;
import io.oiefilter.mgmt.okta.OktaManagementPort;
import io.oiefilter.session.ClaimsMappers;
import io.oiefilter.token.OidcProvider;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * The servlet filter: map it to {@code /*} (REQUEST dispatch). A thin shell; the decisions are in
 * {@link OieRequestHandler} and the flow in {@link SignInFlow}. Configuration is read once here; a
 * missing or bad value is logged with its key and the application refuses every request (fails closed).
 */
public class OieFilter implements Filter {
    private static final OieLog LOG = OieLog.of(OieFilter.class);

    private OieRequestHandler handler;
    private OktaIdxPort idx;
    private SignInFlow flow;
    private jakarta.servlet.ServletContext context;

    @Override
    public void init(FilterConfig filterConfig) {
        context = filterConfig.getServletContext();
        try {
            handler = build(filterConfig);
            // For the container's own authentication, where the app turned it on (io.oiefilter.security).
            context.setAttribute(ContainerSignIn.CONTEXT_ATTRIBUTE, handler.containerSignIn());
        } catch (CodeDeliveryException | RuntimeException e) { // OieConfigException among them
            // Fail closed. Throwing here would leave it to the container, and some (Payara among them) log
            // the failure and go on serving the application without this filter: unprotected.
            LOG.error("oie-filter is NOT running, so this application refuses every request (503) "
                    + "until it is fixed: {0}", e.getMessage());
            handler = null;
        }
    }

    private OieRequestHandler build(FilterConfig filterConfig) throws CodeDeliveryException {
        OieConfig config = OieConfig.resolve(filterConfig::getInitParameter);
        OidcProvider provider = new OidcProvider(config.issuer(), config.clientId(), config.httpTimeout());
        ClassLoader loader = filterConfig.getServletContext().getClassLoader();
        Supplier<ManagementPort> management = managementPort(config);
        ActivationStrategy strategy = ActivationStrategies.create(config, management, loader);
        List<ActivationListener> listeners = new ArrayList<>();
        ServiceLoader.load(ActivationListener.class, loader).forEach(listeners::add);
        AttemptStore attempts = "jcache".equals(config.activationAttemptStore())
                ? new JCacheAttemptStore(JCacheAttemptStore.DEFAULT_CACHE, longestWindow(config))
                : new InMemoryAttemptStore();
        Activation activation = new Activation(strategy, attempts, listeners, config,
                () -> config.managementToken().isPresent() ? management.get() : null);
        CodeSender codeSender = null;
        if (config.activationSmtp().isPresent()) {
            OieConfig.Smtp smtp = config.activationSmtp().get();
            codeSender = new SmtpCodeSender(smtp.host(), smtp.port(), smtp.from(), smtp.username(), smtp.password(),
                    smtp.startTls(), config.httpTimeout());
        }
        idx = new OktaIdxPort(config);
        flow = new SignInFlow(idx, provider, config, activation, codeSender, attempts, ClaimsMappers.create(config, loader));
        OieRequestHandler built = new OieRequestHandler(config, flow, new SignOut(idx, provider, config),
                new DefaultAuthenticationEntryPoint());
        LOG.info("oie-filter ready: {0}", config);
        return built;
    }

    /** The longest any count in the attempt store must live: the throttles' window, a sign-in's counters, the cooldown. */
    private static java.time.Duration longestWindow(OieConfig config) {
        java.time.Duration longest = config.activationThrottleWindow();
        for (java.time.Duration d : List.of(java.time.Duration.ofHours(2), config.resendCooldown())) {
            longest = d.compareTo(longest) > 0 ? d : longest;
        }
        return longest;
    }

    /** One Management port, made on first need, and only with an API token. */
    private static Supplier<ManagementPort> managementPort(OieConfig config) {
        return new Supplier<>() {
            private ManagementPort port;

            @Override
            public synchronized ManagementPort get() {
                if (port == null) {
                    port = new OktaManagementPort(config.managementOrgUrl(), config.managementToken().orElseThrow(() ->
                            new OieConfigException(OieConfig.MANAGEMENT_TOKEN, "oie-filter: this activation strategy needs "
                                    + OieConfig.MANAGEMENT_TOKEN)), config.httpTimeout());
                }
                return port;
            }
        };
    }

    @Override
    public void destroy() {
        if (context != null) {
            context.removeAttribute(ContainerSignIn.CONTEXT_ATTRIBUTE);
        }
        if (flow != null) {
            flow.close(); // the threads of both must not outlive the application
        }
        if (idx != null) {
            idx.close();
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (handler == null) {
            // Misconfigured (see the log): no request gets through, none learns why.
            HttpServletResponse res = (HttpServletResponse) response;
            res.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            res.setHeader("Cache-Control", "no-store");
            res.setContentType("text/html;charset=UTF-8");
            res.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><title>Not available</title></head><body>"
                    + "<h1>This application is not available</h1><p>Its sign-in is not configured correctly. "
                    + "The administrator will find the reason in the server log.</p></body></html>");
            return;
        }
        if (request instanceof HttpServletRequest req && response instanceof HttpServletResponse res) {
            handler.handle(req, res, chain);
        } else {
            chain.doFilter(request, response);
        }
    }
}
