package io.oiefilter.log;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Okta SDKs log through SLF4J, which {@code slf4j-jdk14} sends to java.util.logging, where the filter's own
 * log goes. Their HTTP clients' wire and header logs print whole requests and answers: the Management API token
 * ({@code Authorization: SSWS ...}), the client secret and the tokens in the bodies. Those loggers are held off
 * here, whatever level the root logger or a parent is given: their level is OFF and a filter drops anything that
 * still reaches them (a logging configuration reload resets levels, not filters). java.util.logging holds loggers
 * weakly, and a logger it forgets loses its level: the pinned ones are held here.
 */
public final class SdkLogs {
    /** Apache HttpClient 5 (the Management SDK's): every byte on the wire, and every header. */
    static final List<String> SECRET_BEARING = List.of("org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers");

    private static final Filter DROP_ALL = record -> false;
    private static final List<Logger> PINNED = new ArrayList<>();

    private SdkLogs() {
    }

    /** Holds the secret-bearing loggers off; called before any SDK client is made (idempotent). */
    public static synchronized void keepSecretsOut() {
        if (PINNED.isEmpty()) {
            SECRET_BEARING.forEach(name -> PINNED.add(Logger.getLogger(name)));
        }
        for (Logger logger : PINNED) { // again each time: a reload may have reset the levels
            logger.setLevel(Level.OFF);
            logger.setFilter(DROP_ALL);
        }
    }

    /**
     * When the application stops: takes this class's filter off the loggers, which live as long as the server's
     * logging does (it would keep the application's class loader alive). Their level stays OFF.
     */
    public static synchronized void release() {
        for (Logger logger : PINNED) {
            if (logger.getFilter() == DROP_ALL) {
                logger.setFilter(null);
            }
        }
        PINNED.clear();
    }
}
