package io.oiefilter.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A web app on an origin of its own (http://localhost:PORT, the simulator being http://127.0.0.1:OTHER): serves
 * the widget page, the widget's own files from npm, and {@code /config.js}. Listens on 127.0.0.1 only; serves
 * nothing outside the page and the widget's {@code dist} folder.
 */
final class SecondOrigin implements AutoCloseable {
    private static final String WIDGET_DIST = "node_modules/@okta/okta-signin-widget/dist/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "json", "application/json",
            "svg", "image/svg+xml", "png", "image/png", "woff", "font/woff", "woff2", "font/woff2", "gif", "image/gif");

    private final HttpServer server;
    private final Path root;

    SecondOrigin(Path root, String configJs) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                serve(exchange, configJs);
            }
        });
        server.start();
    }

    /** The origin as a browser names it: another host and port than the simulator's. */
    String origin() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange, String configJs) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/config.js")) {
            send(exchange, 200, "js", configJs.getBytes(StandardCharsets.UTF_8));
            return;
        }
        String relative = path.equals("/widget.html") ? "widget.html" : path.substring(1);
        Path file = root.resolve(relative).normalize();
        boolean allowed = relative.equals("widget.html") || (relative.startsWith(WIDGET_DIST) && file.startsWith(root.resolve(WIDGET_DIST)));
        if (!allowed || !Files.isRegularFile(file)) {
            send(exchange, 404, "html", "not here".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = file.getFileName().toString();
        send(exchange, 200, name.substring(name.lastIndexOf('.') + 1), Files.readAllBytes(file));
    }

    private static void send(HttpExchange exchange, int status, String extension, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
