package io.oiefilter.web;

import io.oiefilter.config.OieConfig;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pluggable part that cannot be had leaves the filter closed: one log line naming the setting, 503 for every request. */
class OieFilterFailsClosedTest {

    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(OieFilterFailsClosedTest.class.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> answer.apply(m.getName(), args));
    }

    @Test
    void aBadClassNameIsOneLineNamingTheKeyAndEveryRequestGets503() throws Exception {
        Map<String, String> params = Map.of(OieConfig.ISSUER, "https://example.okta.com/oauth2/default", OieConfig.CLIENT_ID, "c",
                OieConfig.CLIENT_SECRET, "s", OieConfig.REDIRECT_URI, "https://app.example.com/cb",
                OieConfig.ENTRY_POINT, "com.example.NoSuchEntryPoint");
        ServletContext context = stub(ServletContext.class, (m, a) -> m.equals("getClassLoader") ? getClass().getClassLoader() : null);
        FilterConfig filterConfig = stub(FilterConfig.class, (m, a) -> switch (m) {
            case "getInitParameter" -> params.get((String) a[0]);
            case "getServletContext" -> context;
            default -> null;
        });
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger filterLogs = Logger.getLogger("io.oiefilter");
        filterLogs.addHandler(capture);
        OieFilter filter = new OieFilter();
        try {
            filter.init(filterConfig);
        } finally {
            filterLogs.removeHandler(capture);
        }
        List<LogRecord> problems = records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertEquals(1, problems.size(), records.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList().toString());
        String line = java.text.MessageFormat.format(problems.get(0).getMessage(), problems.get(0).getParameters());
        assertEquals(Level.SEVERE, problems.get(0).getLevel());
        assertTrue(line.contains("oie-filter is NOT running") && line.contains("'oie.entryPoint'")
                && line.contains("no class com.example.NoSuchEntryPoint"), line);

        int[] status = {0};
        StringWriter body = new StringWriter();
        HttpServletResponse response = stub(HttpServletResponse.class, (m, a) -> switch (m) {
            case "setStatus" -> {
                status[0] = (Integer) a[0];
                yield null;
            }
            case "getWriter" -> new PrintWriter(body);
            default -> null;
        });
        filter.doFilter(stub(HttpServletRequest.class, (m, a) -> null), response, (req, res) -> {
            throw new AssertionError("nothing reaches the application");
        });
        assertEquals(503, status[0]);
        assertTrue(body.toString().contains("This application is not available") && !body.toString().contains("entryPoint"), body.toString());
    }
}
