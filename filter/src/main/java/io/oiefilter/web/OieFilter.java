package io.oiefilter.web;

import io.oiefilter.activation.ActivationListener;
import io.oiefilter.audit.ActivationAudit;
import io.oiefilter.audit.AuditTrail;
import io.oiefilter.audit.MetricsChoice;

import io.oiefilter.log.OieLog;
import io.oiefilter.log.SdkLogs;
import io.oiefilter.activation.Activation;
import io.oiefilter.config.OieConfig;
import io.oiefilter.config.OieConfigException;
import io.oiefilter.flow.SignInFlow;
import io.oiefilter.flow.SignOut;
import io.oiefilter.idx.okta.OktaIdxPort;
import io.oiefilter.mgmt.ManagementPort;
import io.oiefilter.mgmt.okta.OktaManagementPort;
import io.oiefilter.spi.PluggableParts;
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
import java.util.function.Supplier;

/**
 * The servlet filter: map it to {@code /*} for the REQUEST, ASYNC and ERROR dispatches, with
 * {@code async-supported}. A thin shell; the decisions are in
 * {@link OieRequestHandler} and the flow in {@link SignInFlow}. Configuration is read once here; a
 * missing or bad value is logged with its key and the application refuses every request (fails closed).
 */
public class OieFilter implements Filter {
    private static final OieLog LOG = OieLog.of(OieFilter.class);

    private OieRequestHandler handler;
    private OktaIdxPort idx;
    private SignInFlow flow;
    private io.oiefilter.readiness.Readiness readiness;
    private jakarta.servlet.ServletContext context;

    @Override
    public void init(FilterConfig filterConfig) {
        context = filterConfig.getServletContext();
        try {
            handler = build(filterConfig);
            // For the container's own authentication, where the app turned it on (io.oiefilter.security).
            context.setAttribute(ContainerSignIn.CONTEXT_ATTRIBUTE, handler.containerSignIn());
        } catch (RuntimeException | LinkageError e) { // OieConfigException among them; a class the server lacks
            // Fail closed. Throwing here would leave it to the container, and some (Payara among them) log
            // the failure and go on serving the application without this filter: unprotected.
            LOG.error("oie-filter is NOT running, so this application refuses every request (503) "
                    + "until it is fixed: {0}", e.getMessage());
            handler = null;
        }
    }

    private OieRequestHandler build(FilterConfig filterConfig) {
        ClassLoader loader = filterConfig.getServletContext().getClassLoader();
        OieConfig config = OieConfig.resolve(filterConfig::getInitParameter, filterConfig.getServletContext()::getInitParameter,
                loader);
        OidcProvider provider = new OidcProvider(config.issuer(), config.clientId(), config.httpTimeout());
        Supplier<ManagementPort> management = managementPort(config);
        PluggableParts parts = new PluggableParts(config, loader, management);
        AuditTrail audit = new AuditTrail(parts.auditListeners(), MetricsChoice.of(config.metrics(), OieConfig.METRICS),
                java.time.Clock.systemUTC());
        List<ActivationListener> activationListeners = new ArrayList<>(parts.listeners());
        activationListeners.add(new ActivationAudit(audit));
        Activation activation = new Activation(parts.strategy(), parts.attempts(), activationListeners, config,
                () -> config.managementToken().isPresent() ? management.get() : null);
        idx = new OktaIdxPort(config, audit.metrics());
        flow = new SignInFlow(idx, provider, config, activation, parts.codeSender(), parts.attempts(),
                parts.claimsMapper());
        readiness = io.oiefilter.readiness.Readiness.of(config, parts.strategy(), parts.codeSender(), management);
        OieRequestHandler built = new OieRequestHandler(config, flow, new SignOut(idx, provider, config), parts.entryPoint(),
                audit).withReadiness(readiness);
        // Settings read; whether the org accepts them is the readiness check's to say ("oie-filter ready" when it does).
        LOG.info("oie-filter started: {0}; checking the org in the background", config);
        readiness.start(); // never blocks init: Okta may be slow or down
        return built;
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
        if (readiness != null) {
            readiness.close();
        }
        if (flow != null) {
            flow.close(); // the threads of both must not outlive the application
        }
        if (idx != null) {
            idx.close();
        }
        SdkLogs.release(); // after the SDK clients are gone
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
