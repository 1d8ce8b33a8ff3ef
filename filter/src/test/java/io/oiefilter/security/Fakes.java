package io.oiefilter.security;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Servlet and Jakarta Security interfaces answered from a map of method names, for tests of code that
 * only reads a few of their methods; any other method fails the test, naming itself.
 */
final class Fakes {
    private Fakes() {
    }

    /** A fake of {@code type}: each call goes to the answer registered for its method name. */
    static <T> T of(Class<T> type, Map<String, BiFunction<Object, Object[], Object>> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            BiFunction<Object, Object[], Object> answer = answers.get(method.getName());
            if (answer == null) {
                if (method.getName().equals("toString")) {
                    return type.getSimpleName() + " fake";
                }
                throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
            }
            return answer.apply(proxy, args == null ? new Object[0] : args);
        }));
    }

    /** Attributes kept in a map: getAttribute, setAttribute, removeAttribute. */
    static Map<String, BiFunction<Object, Object[], Object>> attributes(Map<String, Object> store) {
        Map<String, BiFunction<Object, Object[], Object>> answers = new HashMap<>();
        answers.put("getAttribute", (p, a) -> store.get((String) a[0]));
        answers.put("setAttribute", (p, a) -> store.put((String) a[0], a[1]));
        answers.put("removeAttribute", (p, a) -> store.remove((String) a[0]));
        return answers;
    }
}
