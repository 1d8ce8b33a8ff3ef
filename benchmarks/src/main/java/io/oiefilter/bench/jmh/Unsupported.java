package io.oiefilter.bench.jmh;

import java.lang.reflect.Proxy;

/**
 * An implementation of a servlet interface that refuses every call, naming it: what the fakes wrap, so a
 * method a fake does not answer itself shows up at once instead of returning a made-up value.
 */
final class Unsupported {
    private Unsupported() {
    }

    static <T> T of(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("toString")) {
                return type.getSimpleName() + " (unsupported)";
            }
            throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName() + " is not faked");
        }));
    }
}
