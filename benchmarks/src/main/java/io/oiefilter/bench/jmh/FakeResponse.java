package io.oiefilter.bench.jmh;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;

/** A response that keeps its status and headers and throws its body away; anything else is refused. */
final class FakeResponse extends HttpServletResponseWrapper {
    private final Map<String, String> headers = new HashMap<>();
    private final PrintWriter body = new PrintWriter(Writer.nullWriter());
    private int status = 200;
    private String contentType;
    private String location;

    FakeResponse() {
        super(Unsupported.of(HttpServletResponse.class));
    }

    @Override public void setStatus(int sc) { status = sc; }
    @Override public int getStatus() { return status; }
    @Override public void setHeader(String name, String value) { headers.put(name, value); }
    @Override public void addHeader(String name, String value) { headers.merge(name, value, (a, b) -> a + ", " + b); }
    @Override public String getHeader(String name) { return headers.get(name); }
    @Override public boolean containsHeader(String name) { return headers.containsKey(name); }
    @Override public void setContentType(String type) { contentType = type; }
    @Override public String getContentType() { return contentType; }
    @Override public void setCharacterEncoding(String charset) { }
    @Override public PrintWriter getWriter() { return body; }
    @Override public String encodeRedirectURL(String url) { return url; }
    @Override public void sendRedirect(String url) { status = 302; location = url; }
    @Override public boolean isCommitted() { return false; }

    String location() {
        return location;
    }
}
