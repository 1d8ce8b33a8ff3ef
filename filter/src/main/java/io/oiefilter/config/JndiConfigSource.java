package io.oiefilter.config;

import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.naming.NoInitialContextException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The application's JNDI environment entries, which a server admin can set without rebuilding the
 * WAR (Tomcat's {@code <Environment>} in the app's context file, Jetty's {@code EnvEntry}, an
 * {@code <env-entry>} in a server-side descriptor): {@code java:comp/env/okta.oauth2.clientId}, else
 * the same name with slashes for dots, {@code java:comp/env/okta/oauth2/clientId}. Text, numbers and
 * booleans are read as text; anything else bound there is an error naming the entry.
 */
final class JndiConfigSource implements ConfigSource {
    static final String PREFIX = "java:comp/env/";

    private final Supplier<Context> contexts;
    private Context context;
    private boolean unavailable;

    JndiConfigSource(Supplier<Context> contexts) {
        this.contexts = contexts;
    }

    /** The container's naming context; outside a container (or on a server without JNDI) this source is empty. */
    static JndiConfigSource ofContainer() {
        return new JndiConfigSource(() -> {
            try {
                return new InitialContext();
            } catch (NamingException e) {
                return null;
            }
        });
    }

    /** The JNDI names tried for a setting, in order. */
    static List<String> jndiNames(String name) {
        String dotted = PREFIX + name;
        String slashed = PREFIX + name.replace('.', '/');
        return dotted.equals(slashed) ? List.of(dotted) : List.of(dotted, slashed);
    }

    @Override
    public synchronized String get(String name) {
        for (String jndiName : jndiNames(name)) {
            Object value = entry(jndiName);
            if (value != null) {
                return text(jndiName, value);
            }
        }
        return null;
    }

    @Override
    public synchronized String describe(String name) {
        return "JNDI entry " + jndiNames(name).stream().filter(n -> entry(n) != null).findFirst().orElse(PREFIX + name);
    }

    /** What is bound at the name, unless nothing or a subcontext (which is not a setting). */
    private Object entry(String jndiName) {
        Object value = lookup(jndiName);
        return value instanceof Context ? null : value;
    }

    private Object lookup(String jndiName) {
        if (unavailable) {
            return null;
        }
        if (context == null) {
            context = contexts.get();
            if (context == null) {
                unavailable = true;
                return null;
            }
        }
        try {
            return context.lookup(jndiName);
        } catch (NoInitialContextException e) {
            unavailable = true; // no naming service here: do not ask again for every setting
            return null;
        } catch (NamingException e) {
            return null; // not bound, or java:comp/env not offered to this thread: nothing set there
        }
    }

    private static String text(String jndiName, Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Character) {
            return value.toString();
        }
        throw new IllegalArgumentException(jndiName + " is a " + value.getClass().getName() + ", not a text value");
    }
}
