package io.oiefilter.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain loopback socket, for requests java.net.http refuses to build (malformed
 * escapes in the URL, raw control bytes, any method, any or no Content-Type, no Content-Length).
 * Cookies come from and go back to a {@link WebClient}'s jar, so a raw request belongs to the same
 * browser session as the client's ordinary ones. One request per connection ({@code Connection: close}).
 */
final class RawHttp {
    /** What came back; {@code status} is -1 when the server closed or timed out without an HTTP answer. */
    record Response(int status, String statusLine, Map<String, List<String>> headers, String body, String failure) {
        Optional<String> header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }

        boolean answered() {
            return status > 0;
        }
    }

    /** A request: {@code target} is sent byte for byte (ISO-8859-1: each char below 256 is one raw byte). */
    record Request(String method, String target, List<String[]> headers, byte[] body, boolean contentLength) {
        static Request of(String method, String target) {
            return new Request(method, target, new ArrayList<>(), null, true);
        }

        Request header(String name, String value) {
            List<String[]> h = new ArrayList<>(headers);
            h.add(new String[] {name, value});
            return new Request(method, target, h, body, contentLength);
        }

        Request body(byte[] b) {
            return new Request(method, target, headers, b, contentLength);
        }

        Request body(String latin1) {
            return body(latin1.getBytes(StandardCharsets.ISO_8859_1));
        }

        Request form(String urlEncoded) {
            return header("Content-Type", "application/x-www-form-urlencoded").body(urlEncoded);
        }

        Request withoutContentLength() {
            return new Request(method, target, headers, body, false);
        }

        /** A short printable description: method, target and the start of the body. */
        String describe() {
            StringBuilder sb = new StringBuilder(method).append(' ').append(printable(target, 160));
            for (String[] h : headers) {
                if (!h[0].equalsIgnoreCase("Content-Type")) {
                    continue;
                }
                sb.append(" [").append(printable(h[1], 60)).append(']');
            }
            if (body != null) {
                sb.append(" body(").append(body.length).append(" B)=")
                        .append(printable(new String(body, 0, Math.min(body.length, 400), StandardCharsets.ISO_8859_1), 160));
            }
            return sb.toString();
        }
    }

    private RawHttp() {
    }

    static Response send(WebClient client, Request request) {
        URI base = client.base();
        URI cookieUri = base.resolve("oie/");
        String host = base.getHost();
        int port = base.getPort();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        StringBuilder h = new StringBuilder();
        h.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        h.append("Host: ").append(host).append(':').append(port).append("\r\n");
        try {
            for (Map.Entry<String, List<String>> e : client.cookieManager().get(cookieUri, Map.of()).entrySet()) {
                for (String v : e.getValue()) {
                    h.append(e.getKey()).append(": ").append(v).append("\r\n");
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (String[] kv : request.headers()) {
            h.append(kv[0]).append(": ").append(kv[1]).append("\r\n");
        }
        if (request.body() != null && request.contentLength()) {
            h.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        h.append("Connection: close\r\n\r\n");
        head.writeBytes(h.toString().getBytes(StandardCharsets.ISO_8859_1));

        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String writeFailure = null;
            try {
                out.write(head.toByteArray());
                if (request.body() != null) {
                    byte[] b = request.body();
                    for (int off = 0; off < b.length; off += 64 * 1024) {
                        out.write(b, off, Math.min(64 * 1024, b.length - off));
                    }
                }
                out.flush();
            } catch (IOException e) {
                // The server may answer (413, 400) and close before it has read the whole body.
                writeFailure = "write: " + e;
            }
            byte[] raw;
            try {
                raw = readAll(socket.getInputStream());
            } catch (SocketTimeoutException e) {
                return new Response(-1, "", Map.of(), "", "no answer within 30 s" + (writeFailure == null ? "" : "; " + writeFailure));
            } catch (IOException e) {
                return new Response(-1, "", Map.of(), "", "read: " + e + (writeFailure == null ? "" : "; " + writeFailure));
            }
            Response r = parse(raw, writeFailure);
            if (r.answered()) {
                Map<String, List<String>> setCookies = new LinkedHashMap<>();
                List<String> sc = r.headers().get("set-cookie");
                if (sc != null) {
                    setCookies.put("Set-Cookie", sc);
                    client.cookieManager().put(cookieUri, setCookies);
                }
            }
            return r;
        } catch (IOException e) {
            return new Response(-1, "", Map.of(), "", "connect: " + e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16 * 1024];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
            }
        } catch (java.net.SocketException e) {
            if (out.size() == 0) {
                throw e;
            }
            // A reset after the answer (the server did not read the rest of a big body): keep what came.
        }
        return out.toByteArray();
    }

    static Response parse(byte[] raw, String writeFailure) {
        int end = indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'});
        if (end < 0) {
            return new Response(-1, "", Map.of(), new String(raw, StandardCharsets.ISO_8859_1),
                    "no HTTP answer (" + raw.length + " bytes)" + (writeFailure == null ? "" : "; " + writeFailure));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status;
        try {
            status = Integer.parseInt(lines[0].split(" ")[1]);
        } catch (RuntimeException e) {
            return new Response(-1, lines[0], Map.of(), "", "unreadable status line: " + printable(lines[0], 100));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        List<String> te = headers.get("transfer-encoding");
        if (te != null && te.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
            body = dechunk(body);
        } else if (headers.containsKey("content-length")) {
            try {
                int len = Integer.parseInt(headers.get("content-length").get(0));
                if (len < body.length) {
                    body = java.util.Arrays.copyOf(body, len);
                }
            } catch (NumberFormatException ignored) {
                // keep what came
            }
        }
        return new Response(status, lines[0], headers, new String(body, StandardCharsets.UTF_8), writeFailure);
    }

    private static byte[] dechunk(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < b.length) {
            int lineEnd = indexOf(b, new byte[] {'\r', '\n'}, i);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(b, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size;
            try {
                size = Integer.parseInt(sizeText, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(b, start, Math.min(size, b.length - start));
            i = start + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        return indexOf(hay, needle, 0);
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Control characters and non-ASCII shown as escapes, cut to {@code max} characters. */
    static String printable(String s, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < max; i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c == 0x7f || (c > 0x7e && c < 0xa0) || c == 0x2028 || c == 0x2029) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (s.length() > max) {
            sb.append("…(").append(s.length()).append(" chars)");
        }
        return sb.toString();
    }
}
