package io.oiefilter.spi;

import io.oiefilter.activation.ActivationListener;
import io.oiefilter.activation.ActivationStrategy;
import io.oiefilter.activation.AttemptStore;
import io.oiefilter.activation.CodeDeliveryException;
import io.oiefilter.activation.CodeSender;
import io.oiefilter.activation.InMemoryAttemptStore;
import io.oiefilter.activation.JCacheAttemptStore;
import io.oiefilter.activation.ManagementApiActivationStrategy;
import io.oiefilter.activation.NoActivationStrategy;
import io.oiefilter.activation.OktaEmailActivationStrategy;
import io.oiefilter.activation.SmtpCodeSender;
import io.oiefilter.config.OieConfig;
import io.oiefilter.config.OieConfigException;
import io.oiefilter.mgmt.ManagementPort;
import io.oiefilter.session.ClaimsMapper;
import io.oiefilter.session.DefaultClaimsMapper;
import io.oiefilter.web.AuthenticationEntryPoint;
import io.oiefilter.web.DefaultAuthenticationEntryPoint;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The filter's pluggable parts: each interface declared once here with its setting and built-ins, and found
 * the one way {@link Extensions} describes. A new part is one declaration and one field.
 */
public final class PluggableParts {
    private final ActivationStrategy strategy;
    private final List<ActivationListener> listeners;
    private final List<io.oiefilter.audit.AuditListener> auditListeners;
    private final AttemptStore attempts;
    private final CodeSender codeSender;
    private final AuthenticationEntryPoint entryPoint;
    private final ClaimsMapper claimsMapper;

    /**
     * Finds every part; throws {@link OieConfigException} (naming the setting) for the first that cannot be had.
     *
     * @param config the settings
     * @param loader the application's class loader
     * @param management the Management port, made only if a part takes it
     */
    public PluggableParts(OieConfig config, ClassLoader loader, Supplier<ManagementPort> management) {
        Extensions found = new Extensions(config, loader, Map.of(ManagementPort.class, management));
        this.strategy = found.one(ExtensionPoint.of(ActivationStrategy.class, OieConfig.ACTIVATION_STRATEGY)
                .builtIn("management-api", () -> new ManagementApiActivationStrategy(management.get()))
                .builtIn("okta-email", () -> new OktaEmailActivationStrategy(management.get()))
                .builtIn("none", NoActivationStrategy::new)
                .otherwise(() -> config.managementToken().isPresent()
                        ? new ManagementApiActivationStrategy(management.get()) : new NoActivationStrategy()));
        this.listeners = found.all(ExtensionPoint.of(ActivationListener.class, OieConfig.ACTIVATION_LISTENERS));
        this.auditListeners = found.all(ExtensionPoint.of(io.oiefilter.audit.AuditListener.class, OieConfig.AUDIT_LISTENERS));
        this.attempts = found.one(ExtensionPoint.of(AttemptStore.class, OieConfig.ACTIVATION_ATTEMPT_STORE)
                .builtIn("memory", InMemoryAttemptStore::new)
                .builtIn("jcache", () -> new JCacheAttemptStore(JCacheAttemptStore.DEFAULT_CACHE, longestWindow(config)))
                .otherwise(InMemoryAttemptStore::new));
        this.codeSender = found.one(ExtensionPoint.of(CodeSender.class, OieConfig.CODE_SENDER)
                .builtIn("smtp", () -> smtp(config, true))
                .builtIn("none", () -> null)
                .otherwise(() -> smtp(config, false)));
        this.entryPoint = found.one(ExtensionPoint.of(AuthenticationEntryPoint.class, OieConfig.ENTRY_POINT)
                .builtIn("default", DefaultAuthenticationEntryPoint::new)
                .otherwise(DefaultAuthenticationEntryPoint::new));
        this.claimsMapper = found.one(ExtensionPoint.of(ClaimsMapper.class, OieConfig.CLAIMS_MAPPER)
                .builtIn("default", () -> new DefaultClaimsMapper(config))
                .otherwise(() -> new DefaultClaimsMapper(config)));
    }

    /** @return decides what a failed identify does about accounts never activated */
    public ActivationStrategy strategy() {
        return strategy;
    }

    /** @return hear every activation event */
    public List<ActivationListener> listeners() {
        return listeners;
    }

    /** @return hear every audit event (sign-ins, failures, sign-outs, activations, sign-ups, recoveries, throttles) */
    public List<io.oiefilter.audit.AuditListener> auditListeners() {
        return auditListeners;
    }

    /** @return counts attempts for the throttles */
    public AttemptStore attempts() {
        return attempts;
    }

    /** @return emails the filter's own activation codes; null: the filter sends none */
    public CodeSender codeSender() {
        return codeSender;
    }

    /** @return what an unauthenticated request to a protected path gets */
    public AuthenticationEntryPoint entryPoint() {
        return entryPoint;
    }

    /** @return the principal name and roles from the ID token's claims */
    public ClaimsMapper claimsMapper() {
        return claimsMapper;
    }

    /** SMTP when its host is set; required: say which setting is missing. */
    private static CodeSender smtp(OieConfig config, boolean required) {
        if (config.activationSmtp().isEmpty()) {
            if (required) {
                throw new OieConfigException(OieConfig.SMTP_HOST, "oie-filter: " + OieConfig.CODE_SENDER + "=smtp needs "
                        + OieConfig.SMTP_HOST);
            }
            return null;
        }
        OieConfig.Smtp smtp = config.activationSmtp().get();
        try {
            return new SmtpCodeSender(smtp.host(), smtp.port(), smtp.from(), smtp.username(), smtp.password(), smtp.startTls(),
                    config.httpTimeout());
        } catch (CodeDeliveryException e) {
            throw new OieConfigException(OieConfig.SMTP_FROM, "oie-filter: invalid setting '" + OieConfig.SMTP_FROM + "': "
                    + e.getMessage());
        }
    }

    /** The longest any count in the attempt store must live: the throttles' window, a sign-in's counters, the cooldown. */
    private static Duration longestWindow(OieConfig config) {
        Duration longest = config.activationThrottleWindow();
        for (Duration d : List.of(Duration.ofHours(2), config.resendCooldown())) {
            longest = d.compareTo(longest) > 0 ? d : longest;
        }
        return longest;
    }
}
