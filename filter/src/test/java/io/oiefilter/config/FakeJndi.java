package io.oiefilter.config;

import javax.naming.Context;
import javax.naming.NameNotFoundException;
import java.lang.reflect.Proxy;
import java.util.Map;

/** A naming context that answers {@code lookup(String)} from a map, as a container's java:comp/env would. */
final class FakeJndi {
    private FakeJndi() {
    }

    static Context context(Map<String, Object> bound) {
        return (Context) Proxy.newProxyInstance(FakeJndi.class.getClassLoader(), new Class<?>[] {Context.class}, (proxy, method, args) -> {
            if (method.getName().equals("lookup") && args.length == 1 && args[0] instanceof String name) {
                Object value = bound.get(name);
                if (value == null) {
                    throw new NameNotFoundException(name);
                }
                return value;
            }
            if (method.getName().equals("close")) {
                return null;
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }
}
