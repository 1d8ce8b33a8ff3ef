package io.oiefilter.bench.jmh;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

import java.util.HashMap;
import java.util.Map;

/**
 * A GET as a container hands it to a filter: plain fields for what the filter reads on its fast paths, and
 * everything else refused (see {@link Unsupported}). The filter and the bare chain get the same object.
 */
final class FakeRequest extends HttpServletRequestWrapper {
    private final String contextPath;
    private final String servletPath;
    private final Map<String, String> headers = new HashMap<>();
    private final Map<String, Object> attributes = new HashMap<>();
    private final HttpSession session;

    /** @param session the request's session, or null for a request without one */
    FakeRequest(String contextPath, String servletPath, HttpSession session) {
        super(Unsupported.of(HttpServletRequest.class));
        this.contextPath = contextPath;
        this.servletPath = servletPath;
        this.session = session;
    }

    FakeRequest header(String name, String value) {
        headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return this;
    }

    @Override public DispatcherType getDispatcherType() { return DispatcherType.REQUEST; }
    @Override public String getMethod() { return "GET"; }
    @Override public String getContextPath() { return contextPath; }
    @Override public String getServletPath() { return servletPath; }
    @Override public String getPathInfo() { return null; }
    @Override public String getRequestURI() { return contextPath + servletPath; }
    @Override public String getQueryString() { return null; }
    @Override public String getHeader(String name) { return headers.get(name.toLowerCase(java.util.Locale.ROOT)); }
    @Override public HttpSession getSession(boolean create) { return session; }
    @Override public HttpSession getSession() { return session; }
    @Override public Object getAttribute(String name) { return attributes.get(name); }
    @Override public void setAttribute(String name, Object value) { attributes.put(name, value); }
    @Override public void removeAttribute(String name) { attributes.remove(name); }
}
