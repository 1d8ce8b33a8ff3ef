package io.oiefilter.bench.jmh;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

/** An HTTP session kept in a map, as a container's local (not replicated) session is. */
final class FakeSession implements HttpSession {
    private final Map<String, Object> attributes = new HashMap<>();
    private final String id;
    private final long created = System.currentTimeMillis();

    FakeSession(String id) {
        this.id = id;
    }

    @Override public long getCreationTime() { return created; }
    @Override public String getId() { return id; }
    @Override public long getLastAccessedTime() { return created; }
    @Override public ServletContext getServletContext() { throw new UnsupportedOperationException("getServletContext"); }
    @Override public void setMaxInactiveInterval(int interval) { }
    @Override public int getMaxInactiveInterval() { return 1800; }
    @Override public Object getAttribute(String name) { return attributes.get(name); }
    @Override public Enumeration<String> getAttributeNames() { return Collections.enumeration(attributes.keySet()); }
    @Override public void setAttribute(String name, Object value) { attributes.put(name, value); }
    @Override public void removeAttribute(String name) { attributes.remove(name); }
    @Override public void invalidate() { attributes.clear(); }
    @Override public boolean isNew() { return false; }
}
