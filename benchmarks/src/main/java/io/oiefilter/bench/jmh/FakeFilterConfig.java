package io.oiefilter.bench.jmh;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The filter's init-params and an application context at {@code /bench}: only read while the filter starts. */
final class FakeFilterConfig implements FilterConfig {
    private final Map<String, String> initParameters;
    private final ServletContext context;

    FakeFilterConfig(Map<String, String> initParameters) {
        this.initParameters = Map.copyOf(initParameters);
        Map<String, Object> attributes = new ConcurrentHashMap<>();
        context = (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(), new Class<?>[] {ServletContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getClassLoader" -> FakeFilterConfig.class.getClassLoader();
                    case "getContextPath" -> "/bench";
                    case "getServletContextName" -> "bench";
                    case "getInitParameter" -> null;
                    case "getInitParameterNames" -> Collections.emptyEnumeration();
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "log" -> null;
                    case "toString" -> "ServletContext /bench";
                    default -> throw new UnsupportedOperationException("ServletContext." + method.getName() + " is not faked");
                });
    }

    @Override public String getFilterName() { return "oie"; }
    @Override public ServletContext getServletContext() { return context; }
    @Override public String getInitParameter(String name) { return initParameters.get(name); }
    @Override public Enumeration<String> getInitParameterNames() { return Collections.enumeration(initParameters.keySet()); }
}
